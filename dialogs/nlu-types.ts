// What the NLU gives the engine: a message's classification, and the language it is written in.
// Plain, serialisable data (part of the engine's vocabulary, re-exported by types.ts).

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
