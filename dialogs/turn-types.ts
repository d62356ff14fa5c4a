// One turn: its input, the replies and effects, the events it records, and the engine's interface.
// Plain, serialisable data (part of the engine's vocabulary, re-exported by types.ts).
import type { Link } from './knowledge-types';
import type { IntentScore, LanguageBy } from './nlu-types';
import type { HandoffReason, Session, StepOutcome, StepRecord } from './session-types';

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
