// What a route sees of one turn (knowledge, session, what the user meant) and what it gives back.
import type { Answer, Classification, Effect, HandoffCapabilities, IntentScore, Knowledge, LanguageBy, Reply, Session, TurnEvent, TurnInput } from './types';
import type { Say } from './replies';

/** Global commands: they interrupt anything, and the flow can resume afterwards. */
export type Command =
  | 'help' | 'start_over' | 'human' | 'thanks' | 'goodbye' | 'greeting' | 'resume'
  | 'apple' | 'appointment' | 'next' | 'back' | 'repeat' | 'steps' | 'later' | 'detail';

/** What the user meant this turn, from a button, a typed choice label or number, or the NLU. */
export interface Understanding {
  /** The text as typed, trimmed (empty for a bare button press). */
  readonly text: string;
  /** Whether anything was said: readable text (a letter or digit) or an action. */
  readonly said: boolean;
  /** True when a button (or a typed choice label or number) chose the meaning, not the NLU. */
  readonly chosen: boolean;
  /** The step a pressed button belongs to. */
  readonly actionStepId?: string;
  readonly nlu?: Classification;
  /** The intent; `unknown` when not understood. */
  readonly intent: string;
  readonly confidence: number;
  readonly answer?: Answer;
  readonly command?: Command;
  readonly entities: Readonly<Record<string, string>>;
  readonly ambiguous?: readonly [IntentScore, IntentScore];
  /** From a `step:<id>` choice. */
  readonly stepTarget?: string;
  /** From a `region:<CC>` choice (`other` and unknown codes stay as given). */
  readonly region?: string;
  /** From a `diag:<option>` choice: an answer to a flow's diagnostic question. */
  readonly diagnosis?: string;
  /** From a `csat:<1-5>` choice (or a digit typed when the satisfaction question is open). */
  readonly csat?: number;
  /** The values ticked on a checklist (TurnInput.action.picked). */
  readonly picked?: readonly string[];
}

export interface Outcome {
  readonly session: Session;
  readonly replies: readonly Reply[];
  readonly effects?: readonly Effect[];
  /** A finer route name than the route's own, e.g. `did_it_fix:no`. */
  readonly route?: string;
  /** Misunderstandings in a row after this turn; left out, an understood turn resets it to 0. */
  readonly misses?: number;
  /** What happened that the turn's replies and session do not show by themselves (see events.ts). */
  readonly events?: readonly TurnEvent[];
}

/** The turn's language: the knowledge and NLU the turn runs with are that language's. */
export interface LanguageContext {
  readonly code: string;
  readonly by: LanguageBy;
  /** Every language the bot speaks, the source first. */
  readonly spoken: readonly string[];
  /** The user asked for this language and said nothing else this turn ("en español, por favor"). */
  readonly asked?: boolean;
  /** A language the bot does not speak, asked for or clearly written in this turn. */
  readonly unsupported?: string;
  /** Another language's knowledge (a notice-only locale included), or undefined. */
  knowledgeOf(code: string): Knowledge | undefined;
}

export interface TurnContext {
  readonly knowledge: Knowledge;
  readonly language: LanguageContext;
  readonly input: TurnInput;
  /** The session as loaded, with this turn's entities already merged into its facts. */
  readonly session: Session;
  readonly u: Understanding;
  readonly say: Say;
  /** The region whose support contact applies (explicit choice, else the locale's region). */
  readonly region?: string;
  /** Who can take over when a person is asked for (TurnInput.handoff; nobody by default). */
  readonly caps: HandoffCapabilities;
  /** Runs the NLU on other text (e.g. "I already tried restarting" without the already-tried words). */
  classify(text: string): Classification;
  /** Runs the routes again with a changed understanding and session (a "Did you mean …?" pick, a pick-up that is a message). */
  reroute(u: Understanding, session: Session): Outcome;
}

export interface Route {
  readonly name: string;
  handle(ctx: TurnContext): Outcome | undefined;
}

/** Commands that win over an answer in the same message ("no, let me talk to a person"). */
export function isStrongCommand(u: Understanding): boolean {
  return u.command === 'human' || u.command === 'start_over';
}
