// Analytics vocabulary: what the edge stores per session (SessionFacts, folded turn by turn from the engine's events),
// the bookkeeping kept in the conversation's record (AnalyticsState), and one turn's row in the event log (TurnRecord).
// Nothing here holds what the user typed or who they are; the conversation key is the only link, and it can be unlinked.
import type { TurnEvent, TurnKind } from '../../dialogs';

/** Where traffic came from and what answered it: the filters every report offers. */
export interface TrafficTags {
  readonly channel: string;
  readonly locale?: string;
  readonly language?: string;
  /** The knowledge's hash (at the session's first turn, for a session). */
  readonly knowledge: string;
  /** Emulator or test traffic: left out of reports unless asked for. */
  readonly test: boolean;
}

/** A step shown in a session, once per (flow, step), with the user's last answer to "did that fix it?". */
export interface StepVisit {
  readonly flow: string;
  readonly step: string;
  /** fixed · not_fixed · already_tried · passed (skipped by the user) · later (no answer yet); absent: no answer. */
  readonly answer?: string;
  /** An escalation happened at this step (all fixes failed after its "no", or a person asked for while it was shown). */
  readonly escalated?: true;
}

export interface Escalation {
  readonly reason: string;
  readonly routes: readonly string[];
  readonly flow?: string;
  readonly step?: string;
}

/** One analytics session as stored: raw facts only; outcomes are decided when a report is made (classify.ts). */
export interface SessionFacts extends TrafficTags {
  readonly id: string;
  readonly conversation: string;
  /** Epoch ms of the first and the latest turn. */
  readonly startedAt: number;
  readonly lastAt: number;
  /** An explicit end: the user said goodbye or started over. */
  readonly end?: 'goodbye' | 'start_over';
  /** A flow ran, the bot did not understand, or an escalation happened. */
  readonly engaged: boolean;
  readonly userMessages: number;
  readonly unrecognized: number;
  readonly outOfScope: number;
  /** The last flow the session worked on (a session is counted under its last flow). */
  readonly flow?: string;
  readonly steps: readonly StepVisit[];
  /** Index in `steps` of the step shown last. */
  readonly lastStep?: number;
  /** A message was not understood after the last step was shown: the user wanted more than the fix. */
  readonly helpAfterStep?: true;
  readonly resolved?: { readonly flow: string; readonly step?: string };
  readonly escalated?: Escalation;
  readonly csatAsked?: true;
  /** The latest CSAT answer (1–5). */
  readonly csat?: number;
  /** The user came back about the same flow within the return window (72 h) after this session. */
  readonly returned?: true;
  /** The last thing the bot said (a step's title, else the first line of its last reply; never the user's words). */
  readonly lastSaid?: string;
}

/** Kept in the conversation's record, written with it: which session a turn belongs to. */
export interface AnalyticsState {
  readonly current?: SessionFacts;
  /** Per flow, the latest earlier session that worked on it, while a return about the same flow would still count. */
  readonly previous?: readonly SessionFacts[];
  /** Once a conversation is marked as test traffic, it stays so. */
  readonly test?: true;
}

/** One bot turn as the recorder sees it. */
export interface TurnFacts extends TrafficTags {
  readonly at: number;
  readonly kind: TurnKind;
  readonly conversation: string;
  readonly events: readonly TurnEvent[];
  readonly lastSaid?: string;
}

/** One row of the event log: a bot turn and what happened in it (the export's unit). */
export interface TurnRecord extends TrafficTags {
  readonly at: number;
  /** The session the turn was counted in; empty when it belongs to none (a status message before any session). */
  readonly session: string;
  readonly kind: TurnKind;
  readonly events: readonly TurnEvent[];
}

/** What one turn writes: the event-log row and every session row it changed (upserted by id). */
export interface AnalyticsWrite {
  readonly turn: TurnRecord;
  readonly sessions: readonly SessionFacts[];
}

/** Which sessions a report reads: started in [from, to) (epoch ms), test traffic included or not. */
export interface SessionQuery {
  readonly from?: number;
  readonly to?: number;
  readonly includeTest?: boolean;
}

/** The analytics side of a BotStore (SQLite, Redis, memory): the same data, the same answers. */
export interface AnalyticsStore {
  /** Writes a turn's rows on their own (stores whose writeTurn cannot carry them, e.g. a Redis Cluster). */
  write(write: AnalyticsWrite): Promise<void>;
  sessions(query: SessionQuery): Promise<SessionFacts[]>;
  /** Sessions of one conversation, oldest first (drill-down). */
  conversationSessions(conversation: string): Promise<SessionFacts[]>;
  /** Event-log rows after `cursor` (exclusive; '' for the start), oldest first, at most `limit`. */
  turns(cursor: string, limit: number): Promise<{ rows: { cursor: string; turn: TurnRecord }[] }>;
  /**
   * Replaces the conversation's key by `anonymousId` in every session row (privacy erasure): counts stay right, the
   * link to the person is gone. Returns how many sessions were changed.
   */
  unlink(conversation: string, anonymousId: string): Promise<number>;
  /** Drops sessions started before `olderThan` and event-log rows older than it (retention). Returns sessions dropped. */
  expire(olderThan: number): Promise<number>;
}
