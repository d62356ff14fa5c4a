// The knowledge base as the engine reads it: replies, intents, entities, flows, contacts, languages.
// Plain, serialisable data (part of the engine's vocabulary, re-exported by types.ts).
import type { Answer } from './nlu-types';

/** A reply template from knowledge. `text` may hold several variants; `{name}` placeholders are filled by the engine. */
export interface ReplyTemplate {
  readonly text: readonly string[];
  readonly choices?: readonly ChoiceTemplate[];
  readonly links?: readonly Link[];
}

export interface ChoiceTemplate {
  readonly label: string;
  /** An action token, see `ChoiceValue`. */
  readonly value: string;
}

export interface Link {
  readonly title: string;
  readonly url: string;
}

export interface Intent {
  readonly name: string;
  /** Short human label, used in "Did you mean …?" choices. */
  readonly label: string;
  /** An intent answered with this reply (a question of its own, a near miss), then the way on; no fix is started. */
  readonly answer?: string;
  readonly examples: readonly string[];
  /** Where the intent was defined, for error messages and authoring tools. */
  readonly source: SourceRef;
}

export interface SourceRef {
  readonly file: string;
  readonly line: number;
}

/** An entity extracted from user text: a closed list of synonyms or a regular expression. */
export interface EntityDef {
  readonly name: string;
  /** value → synonyms (matched as whole words, case-insensitive). */
  readonly values?: Readonly<Record<string, readonly string[]>>;
  /** Regular expressions (JavaScript syntax, case-insensitive); the first capture group (or whole match) is the value. */
  readonly patterns?: readonly string[];
  /** value → how a person reads it (in the summary of what was tried); every listed value of a fact entity has one. */
  readonly labels?: Readonly<Record<string, string>>;
  /** `false`: a word the engine reads (a list joiner, "all"/"none"), never kept as a fact about the user. */
  readonly fact?: false;
  /**
   * A scope marker, not a fact: an `outside` entity (another product: Android) named with no `inside` one (iPhone)
   * is off-topic. An `apart` one is another job even beside ours (a restore; its value may name the intent). An
   * `aside` one is another problem of our product (its own storage): off-topic unless backing up is named too.
   */
  readonly scope?: 'inside' | 'outside' | 'apart' | 'aside';
  /**
   * The NLU reads the entity's words as if they were not there (in training and when classifying): which iOS, which
   * iPhone or which error code says where the user is, not what the problem is ("iOS 17.6.1" is no update problem).
   */
  readonly mask?: true;
}

export interface FlowStep {
  readonly id: string;
  readonly title: string;
  /** The instruction, chat-sized, markdown subset (**bold**, lists, links). */
  readonly say: string;
  readonly links: readonly Link[];
  /** Intents that point at this step: they start the flow here, or are answered with it mid-flow. */
  readonly intents: readonly string[];
  /** Fact conditions: the step is skipped when a known fact contradicts, e.g. `{ backup_target: [icloud] }`. */
  readonly when?: Readonly<Record<string, readonly string[]>>;
  /** Stricter: the step applies only when the fact is known and one of these (a computer-only step). */
  readonly only?: Readonly<Record<string, readonly string[]>>;
  /** The step after a "not fixed" answer: a step id, or `escalate`. Defaults to the next step in the list. */
  readonly next?: string;
  /** The longer "show me how" behind a button; `say` stays one short instruction. */
  readonly detail?: string;
  /** The question after this step when "did that fix it?" does not fit (a status page fixes nothing: "all green?"). */
  readonly ask?: string;
  /**
   * A step that can lose data or lock someone out: this warning is said first and the user asked to go ahead before
   * the instructions are shown (no: the step is passed over).
   */
  readonly confirm?: string;
}

/** One answer to a flow's diagnostic question: what it tells (facts), and the fixes it points to first. */
export interface DiagnoseOption {
  readonly id: string;
  readonly label: string;
  /** Typed answers that mean this option: an intent the NLU finds ("it says not enough storage" → storage_full). */
  readonly intents: readonly string[];
  /** `error_text` entity values that mean this option. */
  readonly errors: readonly string[];
  /** Facts this answer establishes, e.g. `{ backup_target: computer }`. */
  readonly facts: Readonly<Record<string, string>>;
  /** Step ids to try first, in order; the rest of the flow follows in its usual order. Empty: the usual order. */
  readonly try: readonly string[];
}

/** The one question asked before any fix when the first message names no cause: it splits the causes. */
export interface Diagnose {
  readonly say: string;
  readonly options: readonly DiagnoseOption[];
}

export interface Flow {
  readonly id: string;
  readonly title: string;
  /** Intents that start the flow at its first applicable step. */
  readonly triggers: readonly string[];
  readonly steps: readonly FlowStep[];
  readonly diagnose?: Diagnose;
  readonly source: SourceRef;
}

export interface SupportContact {
  /** ISO 3166-1 alpha-2 region code, or `default`. */
  readonly region: string;
  readonly name: string;
  /** A verified number (the loader requires where and when it was checked). */
  readonly phone?: string;
  /** Where the number was checked (Apple's page) and when (YYYY-MM-DD). */
  readonly source?: string;
  readonly checked?: string;
  readonly hours?: string;
  readonly links: readonly Link[];
}

/** When live agents work: weekly hours in a time zone, minus holidays. */
export interface HelpdeskHours {
  readonly timezone: string;
  /** Weekday (`mon` … `sun`) → `HH:MM-HH:MM` ranges. */
  readonly hours: Readonly<Record<string, readonly string[]>>;
  /** ISO dates (YYYY-MM-DD) in the help desk's time zone. */
  readonly holidays: readonly string[];
}

/** How people answer a yes/no question in a language: phrases (whole words, after normalisation) or patterns. */
export interface AnswerRule {
  readonly answer: Answer;
  /** Phrases found anywhere in the message ("still failing", "klappt nicht"). */
  readonly anywhere?: readonly string[];
  /** Phrases the message starts with ("no", "sí", "ja"). */
  readonly start?: readonly string[];
  /** Regular expressions on the normalised text (lower case, accents folded). */
  readonly patterns?: readonly string[];
}

/** What knowledge says about its language (language.yaml): how to read it and how to recognise it. */
export interface LanguageSpec {
  /** BCP-47 primary subtag: `en`, `es`, `de`. */
  readonly code: string;
  /** false: the bot does not speak it; knowledge only holds a notice in it (`language_unsupported`). */
  readonly spoken: boolean;
  /** natural's stemmer for the language (`en`, `es`, `de`, `fr`, … or `none`). */
  readonly stemmer: string;
  /** Letters folded before accents are dropped, e.g. `ä` → `ae`, so "über" and "ueber" read alike. */
  readonly fold?: Readonly<Record<string, string>>;
  /** Words as people type them → as the examples spell them ("xq" → "porque"). */
  readonly shorthand?: Readonly<Record<string, string>>;
  /** Yes/no answers in order, most specific first; absent: the built-in English reading. */
  readonly answers?: readonly AnswerRule[];
  /** Phrases that ask for this language at any time ("en español", "auf Deutsch", "English please"). */
  readonly switch: readonly string[];
  /** The web chat page's own words (title, launcher, close, …). */
  readonly page?: Readonly<Record<string, string>>;
}

export interface Knowledge {
  /** Shared replies by id (welcome, help, fallback, did_it_fix, escalation, …). */
  readonly replies: Readonly<Record<string, ReplyTemplate>>;
  readonly intents: readonly Intent[];
  /** Negative examples: messages the bot must not take for any intent. */
  readonly outOfScope: readonly string[];
  readonly entities: readonly EntityDef[];
  readonly flows: readonly Flow[];
  readonly contacts: readonly SupportContact[];
  readonly helpdesk?: HelpdeskHours;
  /** sha256 over the knowledge files, to key caches. */
  readonly hash: string;
  /** The language of this knowledge; absent: English, read as built in. */
  readonly language?: LanguageSpec;
  /**
   * Texts of a translation that are the English ones because the locale has none yet: `reply:<id>`,
   * `step:<flow>/<step>`, `flow:<flow>`, `intent:<name>`, `entity:<name>`, `contact:<region>`. Counted per turn.
   */
  readonly untranslated?: readonly string[];
}
