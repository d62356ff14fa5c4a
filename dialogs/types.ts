// The engine's vocabulary: the typed knowledge base, a session, one turn's input and its result.
// Everything here is plain, serialisable data; the edge (bot/) converts to and from channels.

// ---------------------------------------------------------------- knowledge

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

// ---------------------------------------------------------------- NLU

export interface IntentScore {
  readonly intent: string;
  readonly confidence: number;
}

export interface Classification {
  /** The chosen intent, or `unknown` when confidence or margin is too low, or out of scope. */
  readonly intent: string;
  readonly confidence: number;
  /** Best first, calibrated probabilities that sum to ≤ 1. */
  readonly ranking: readonly IntentScore[];
  /** When the top two are close: both, for a "Did you mean …?" question. */
  readonly ambiguous?: readonly [IntentScore, IntentScore];
  readonly entities: Readonly<Record<string, string>>;
  /** The `outside` entity named with nothing `inside` (another product's problem): intent is then `unknown`. */
  readonly outside?: string;
  /**
   * The problem the message's own words report (our product, backing up, failing: dialogs/nlu/evidence.ts) when the
   * intent is something else, e.g. an answer ("no, it still won't back up"): what it means when nothing was asked.
   */
  readonly evidence?: string;
  /** How the text answers a yes/no question ("nope", "still failing", "yes!! it worked", "kind of", button values). */
  readonly answer?: Answer;
}

export type Answer = 'yes' | 'no' | 'tried' | 'unsure';

export interface Understander {
  classify(text: string): Classification;
}

/** A guess at the language of a text; `reliable` only when the text says so clearly (a word such as "ok" never does). */
export interface LanguageGuess {
  readonly language: string;
  readonly reliable: boolean;
}

/** Identifies the language of a message (injected into the engine, which stays deterministic). */
export type LanguageIdentifier = (text: string) => LanguageGuess | undefined;

/** How the conversation's language was chosen: the channel's locale, the words written, the user's own request. */
export type LanguageBy = 'default' | 'channel' | 'text' | 'user';

// ---------------------------------------------------------------- session

/** `skipped`: a known fact rules the step out; `passed`: the user chose to skip it ("next", "skip this one"). */
export type StepOutcome = 'fixed' | 'not_fixed' | 'already_tried' | 'skipped' | 'passed';

export interface StepRecord {
  readonly stepId: string;
  readonly outcome: StepOutcome;
  /** ISO time. */
  readonly at: string;
}

/** What the bot last asked, so the next answer is read against it. */
export type Pending =
  | { readonly kind: 'did_it_fix'; readonly flowId: string; readonly stepId: string }
  | { readonly kind: 'resume'; readonly flowId: string; readonly stepId: string }
  | { readonly kind: 'disambiguate'; readonly options: readonly string[] }
  | { readonly kind: 'confirm_start_over' }
  | { readonly kind: 'offer_human' }
  | { readonly kind: 'ask_region' }
  | { readonly kind: 'pick_up' ; readonly flowId: string; readonly stepId: string }
  /** The diagnostic question before the first fix (Flow.diagnose); `last`: asked again before escalating. */
  | { readonly kind: 'diagnose'; readonly flowId: string; readonly last?: boolean }
  /** "Go ahead?" before a step that warns first (FlowStep.confirm). */
  | { readonly kind: 'confirm_step'; readonly flowId: string; readonly stepId: string }
  /** "How did I do?" (1–5) after a fix or an escalation. */
  | { readonly kind: 'csat' }
  /** Before a help-desk ticket: the email address the help desk should answer. */
  | { readonly kind: 'ask_email'; readonly reason: HandoffReason }
  /** "Which of these have you tried?": the steps offered, in order (a checklist or typed numbers). */
  | { readonly kind: 'tried_which'; readonly flowId: string; readonly options: readonly string[] };

export type SessionStatus = 'idle' | 'in_flow' | 'resolved' | 'escalated' | 'handoff';

export type HandoffReason = 'all_fixes_failed' | 'user_asked' | 'repeated_misunderstanding';

export interface Session {
  readonly version: 1;
  readonly status: SessionStatus;
  readonly flowId?: string;
  readonly stepId?: string;
  readonly pending?: Pending;
  readonly steps: readonly StepRecord[];
  /** Entities the user gave: backup_target, iphone_model, ios_version, error_text, region. */
  readonly facts: Readonly<Record<string, string>>;
  /** Misunderstandings in a row. */
  readonly misses: number;
  readonly turns: number;
  readonly lastUserText?: string;
  /** ISO time of the last turn, for idle expiry. */
  readonly updatedAt?: string;
  /** A handoff was opened in this run (no second ticket or queue place for the same story). */
  readonly handoffOpened?: boolean;
  /** A fix was confirmed or the conversation escalated: the satisfaction question comes once nothing else is asked. */
  readonly csatDue?: boolean;
  /** Steps to try first, in order, from the answer to a flow's diagnostic question. */
  readonly plan?: readonly string[];
  /** The diagnostic question was answered in this run (any option, "not sure" too): not asked again before escalating. */
  readonly diagnosed?: boolean;
  /** The last turn's replies as a short key, and how many turns in a row said exactly that (repetition.ts). */
  readonly echo?: { readonly key: string; readonly count: number };
  /** The language the conversation is held in (a code knowledge speaks: `en`, `es`, `de`), and how it was chosen. */
  readonly language?: string;
  readonly languageBy?: LanguageBy;
}

// ---------------------------------------------------------------- one turn

export type TurnKind = 'message' | 'conversation_start' | 'pick_up' | 'handoff_status';

export interface TurnInput {
  readonly kind: TurnKind;
  /** What the user typed (may be empty when a button was pressed). */
  readonly text?: string;
  /**
   * A button or card submit: an action token (see `ChoiceValue`), optionally bound to the step it was shown for.
   * A checklist's submit (`Reply.pick === 'many'`) carries the values of the boxes ticked in `picked`.
   */
  readonly action?: { readonly value: string; readonly stepId?: string; readonly picked?: readonly string[] };
  /** Who can take over when the user asks for a person, as configured at the edge. Absent: nobody (no help desk). */
  readonly handoff?: HandoffCapabilities;
  /** BCP-47 locale from the channel, e.g. en-GB; its region picks the support contact. */
  readonly locale?: string;
  /** ISO time, passed in so the engine stays pure. */
  readonly now: string;
  /** For `handoff_status`: what the hub or agent said. */
  readonly handoffStatus?: 'accepted' | 'failed' | 'completed' | 'agent_joined' | 'agent_left' | 'queued' | 'unavailable';
  /** For `handoff_status` 'queued': the place in the queue. */
  readonly queuePosition?: number;
  /** For `handoff_status` 'agent_joined': the agent's display name ({agent} in the reply). */
  readonly agentName?: string;
  /** For a hand-back from an agent: the step to carry on at. */
  readonly resumeAtStep?: string;
}

/**
 * What "a person" means in this deployment, so the bot never promises one that does not exist:
 * `tickets` (a help-desk connector makes a ticket), `live` (the agent inbox: an agent may take the chat),
 * `hub` (a Bot Framework handoff hub such as Omnichannel takes the chat on this channel).
 */
export interface HandoffCapabilities {
  readonly tickets: boolean;
  readonly live: boolean;
  readonly hub: boolean;
}

/**
 * Action tokens carried by choices: `yes`, `no`, `tried`, `human`, `restart`, `help`, `resume`,
 * `intent:<name>`, `step:<id>`, `region:<CC>`, `goodbye`.
 */
export type ChoiceValue = string;

export interface Choice {
  readonly label: string;
  readonly value: ChoiceValue;
}

export type ReplyKind = 'text' | 'step' | 'question' | 'escalation' | 'handoff' | 'summary' | 'checklist';

/** A channel-neutral reply. Renderers turn it into Bot Framework activities, Adaptive Cards, Block Kit or plain text. */
export interface Reply {
  readonly kind: ReplyKind;
  readonly text: string;
  readonly title?: string;
  readonly choices?: readonly Choice[];
  readonly links?: readonly Link[];
  /** The step a card belongs to, so a stale button can be recognised. */
  readonly stepId?: string;
  /** Copyable lines, e.g. the summary of what was tried. */
  readonly lines?: readonly string[];
  /**
   * `many`: the choices are boxes to tick (a multi-select card where the channel has one, else a numbered list the
   * user answers by typing numbers), sent together by `submit`. Default: each choice is a button on its own.
   */
  readonly pick?: 'one' | 'many';
  /** For `pick: 'many'`: the submit button; its action carries the ticked values in `picked`. */
  readonly submit?: Choice;
  /**
   * A longer "show me how" text behind a button labelled `label`: a card folds it (Adaptive Card Action.ShowCard,
   * Slack's button), plain text shows it after the instruction. The `detail` action token asks the engine for it too.
   */
  readonly detail?: { readonly label: string; readonly text: string };
}

/** What the story of a conversation tells a human: built by the engine, completed by the edge. */
export interface HandoffStory {
  readonly reason: HandoffReason;
  readonly flowId?: string;
  readonly steps: readonly StepRecord[];
  readonly facts: Readonly<Record<string, string>>;
  readonly lastUserWords?: string;
  readonly summary: readonly string[];
  /** How the help desk can answer the user outside this chat, when the user gave it for a ticket. */
  readonly contact?: { readonly email: string };
  /** The language the user speaks (the summary is in it): marked for the agent. */
  readonly language?: string;
}

export type Effect =
  | { readonly type: 'handoff'; readonly story: HandoffStory }
  | { readonly type: 'unrecognized'; readonly text: string; readonly ranking: readonly IntentScore[] }
  | { readonly type: 'resolved'; readonly flowId: string; readonly stepId: string }
  | { readonly type: 'cancel_handoff' };

/** Why the engine did what it did, for logs, metrics and conversation tests. */
export interface TurnTrace {
  readonly intent?: string;
  readonly confidence?: number;
  readonly route: string;
  /** The language the turn was answered in (BCP-47 primary subtag, e.g. `en`). */
  readonly language?: string;
  /** How that language was chosen. */
  readonly languageBy?: LanguageBy;
  /**
   * Texts shown this turn in English because the language has no translation for them yet (`reply:<id>`,
   * `step:<flow>/<step>`, `flow:<flow>`, `contact:<region>`): the explicit fallback, counted.
   */
  readonly fallbacks?: readonly string[];
}

// ---------------------------------------------------------------- what happened, as data

/** Why the conversation was sent on to a person or to Apple. */
export type EscalationReason = 'asked_person' | 'all_fixes_failed' | 'repeated_misunderstanding' | 'asked_apple';

/** Where it was sent: Apple Support's contact (given every time), a help-desk ticket, a live agent, a hub. */
export type EscalationRoute = 'apple' | 'ticket' | 'live' | 'hub';

/** How the user answered "did that fix it?" (or left the step for later). */
export type StepAnswer = StepOutcome | 'later';

/**
 * One thing that happened in a turn, in words a report can count. The engine returns them with every turn; the edge
 * stores them (analytics) without reading replies. They never hold what the user typed.
 */
export type TurnEvent =
  | { readonly type: 'flow_started'; readonly flow: string }
  | { readonly type: 'step_shown'; readonly flow: string; readonly step: string }
  | { readonly type: 'step_answered'; readonly flow: string; readonly step: string; readonly answer: StepAnswer }
  | { readonly type: 'resolved'; readonly flow: string; readonly step?: string }
  | { readonly type: 'escalated'; readonly reason: EscalationReason; readonly routes: readonly EscalationRoute[]; readonly flow?: string; readonly step?: string }
  | { readonly type: 'not_understood' }
  | { readonly type: 'out_of_scope' }
  | { readonly type: 'csat_asked' }
  | { readonly type: 'csat'; readonly score: number }
  | { readonly type: 'ended'; readonly how: 'goodbye' | 'start_over' }
  /** The conversation's language changed (the user asked, wrote in another language, or the channel's locale said). */
  | { readonly type: 'language_changed'; readonly language: string; readonly from?: string; readonly by: LanguageBy }
  /** A message in a language the bot does not speak: answered with what it speaks and Apple Support. */
  | { readonly type: 'language_unsupported'; readonly language: string }
  /** Texts shown in English for want of a translation (as in TurnTrace.fallbacks). */
  | { readonly type: 'untranslated'; readonly language: string; readonly texts: readonly string[] };

export type TurnEventType = TurnEvent['type'];

export interface TurnResult {
  readonly session: Session;
  readonly replies: readonly Reply[];
  readonly effects: readonly Effect[];
  readonly trace: TurnTrace;
  /** What happened this turn (flow started, step answered, escalated, not understood …), in order. */
  readonly events: readonly TurnEvent[];
}

export interface Engine {
  turn(session: Session | undefined, input: TurnInput): TurnResult;
}
