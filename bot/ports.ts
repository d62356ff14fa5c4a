// The edge's seams: the interfaces between the conversation service, stores, channels and the help desk.
// Each has real implementations (SQLite, Redis, Slack, Direct Line, …) and in-memory fakes for tests.
import type { Storage, StoreItems } from 'botbuilder';
import type { HandoffReason, Reply, Session, StepRecord, TurnInput } from '../dialogs';
import type { AnalyticsStore, AnalyticsWrite } from './analytics/types';

/** Where a conversation lives. `webchat` is our self-hosted Direct Line; `msteams`, `slack`, `emulator`, … come from Bot Framework. */
export type ChannelId = 'webchat' | 'directline' | 'msteams' | 'slack' | 'emulator' | 'terminal' | (string & {});

/** Enough to reach a conversation again, proactively (agent relay, hand-back, handoff status). */
export interface ConversationAddress {
  readonly channel: ChannelId;
  /** Our key for the conversation, unique across channels: `${channel}:${channel's conversation id}`. */
  readonly conversationKey: string;
  /** Bot Framework `ConversationReference` for BF channels; Slack `{ team, channel, thread_ts }`; Direct Line conversation id. */
  readonly reference: Readonly<Record<string, unknown>>;
}

export interface UserRef {
  readonly id: string;
  readonly name?: string;
}

export interface TurnRequest {
  readonly address: ConversationAddress;
  readonly user: UserRef;
  readonly input: TurnInput;
  /** The channel's activity id: a replayed activity is answered once. */
  readonly activityId?: string;
  /** Test traffic (an activity with `channelData.test: true`): recorded for analytics but left out of reports by default. */
  readonly test?: boolean;
}

export interface TurnOutcome {
  /** What to send back now, in order. Empty when an agent has the conversation or the activity was a replay. */
  readonly replies: readonly Reply[];
  readonly handledBy: 'bot' | 'agent' | 'duplicate';
  readonly session: Session;
}

/** Runs one turn end to end: load the session, call the engine, persist (with eTag retry), record the transcript, enqueue effects. */
export interface ConversationService {
  handle(request: TurnRequest): Promise<TurnOutcome>;
}

/** Sends replies to a conversation outside a turn, in the channel's own format. One implementation per channel family. */
export interface Delivery {
  readonly channels: readonly ChannelId[];
  send(address: ConversationAddress, replies: readonly Reply[]): Promise<void>;
}

// ---------------------------------------------------------------- storage

/** One line of a transcript: who said what, when. Text is redacted before it is stored when redaction is configured. */
export interface TranscriptEntry {
  readonly from: 'user' | 'bot' | 'agent' | 'system';
  readonly text: string;
  readonly at: string;
  readonly name?: string;
}

/** A unit of work that must happen exactly once, even across restarts (a help-desk ticket, a handoff notice). */
export interface OutboxItem {
  /** Idempotency key: enqueueing the same id twice stores one item. */
  readonly id: string;
  readonly kind: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly attempts: number;
  /** Epoch ms when the item may next be tried. */
  readonly dueAt: number;
  readonly createdAt: number;
  readonly lastError?: string;
  readonly state: 'pending' | 'delivered' | 'dead';
}

export interface Outbox {
  enqueue(item: Pick<OutboxItem, 'id' | 'kind' | 'payload'>): Promise<void>;
  /** Takes up to `limit` due items and leases them for `leaseMs`, so two instances never send the same item at once. */
  claimDue(now: number, limit: number, leaseMs: number): Promise<readonly OutboxItem[]>;
  markDelivered(id: string): Promise<void>;
  markFailed(id: string, error: string, retryAt: number, dead: boolean): Promise<void>;
  get(id: string): Promise<OutboxItem | undefined>;
  list(state?: OutboxItem['state']): Promise<readonly OutboxItem[]>;
  /** Deletes items whatever their state (an erasure drops what was queued about the user). */
  remove(ids: readonly string[]): Promise<void>;
  /** Deletes delivered and dead items created before `olderThan` (epoch ms): the outbox's lifetime. Returns how many. */
  purge(olderThan: number): Promise<number>;
}

/** Append-only logs by key: transcripts and Direct Line activity streams. Sequence numbers start at 0 and have no gaps. */
export interface Logs {
  append(key: string, entry: unknown): Promise<number>;
  /**
   * Optional: appends the entries in order in one store operation (one transaction or round trip), with consecutive
   * sequence numbers; returns the first one's (the log's length when there are none). Callers fall back to `append`.
   */
  appendMany?(key: string, entries: readonly unknown[]): Promise<number>;
  /** Entries with sequence ≥ from, oldest first. */
  read(key: string, from: number, limit?: number): Promise<readonly { seq: number; entry: unknown }[]>;
  length(key: string): Promise<number>;
  delete(key: string): Promise<void>;
  /** Drops logs last written before `olderThan` (epoch ms): the retention period. Returns how many were dropped. */
  expire(prefix: string, olderThan: number): Promise<number>;
}

/** Cross-instance notifications (a Direct Line activity appended, an agent message): in-process for SQLite, pub/sub for Redis. */
export interface Bus {
  publish(topic: string, message: string): Promise<void>;
  subscribe(topic: string, onMessage: (message: string) => void): Promise<() => Promise<void>>;
}

/** Everything durable, in one place, so any instance can serve any request. */
export interface BotStore {
  readonly kind: 'sqlite' | 'redis' | 'memory';
  /** botbuilder's Storage: read / write with eTag (optimistic concurrency; `eTag: '*'` overwrites) / delete. */
  readonly storage: Storage;
  readonly logs: Logs;
  readonly outbox: Outbox;
  readonly bus: Bus;
  /**
   * Optional: a turn's writes as one operation, atomically (SQLite: one transaction): `changes` exactly as
   * `storage.write` (an eTag conflict writes nothing, the log included), then `entries` appended to the log `logKey`.
   * Without it, the conversation service writes the session and appends the transcript one after the other.
   * `analytics`, when given, is written in the same operation (the turn's event-log row and its session rows), so a
   * turn is counted exactly when its session write lands: once, whichever instance wrote it.
   */
  writeTurn?(changes: StoreItems, logKey: string, entries: readonly unknown[], analytics?: AnalyticsWrite): Promise<void>;
  /** Analytics sessions and events, in the same store as the sessions (bot/analytics/). */
  readonly analytics?: AnalyticsStore;
  /** Optional: deletes expired items now (SQLite, memory; Redis drops them by itself). Returns how many. */
  purgeExpired?(): Promise<number>;
  /** Optional: after an erasure, leaves deleted data nowhere in the store's files (SQLite: WAL checkpoint). */
  scrub?(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------- handoff

/** The whole story for a human, the same structure for every destination. */
export interface HandoffPacket {
  readonly id: string;
  readonly conversation: string;
  readonly user: UserRef;
  readonly channel: ChannelId;
  readonly locale?: string;
  /** The language the user speaks and the summary is in (`es`, `de`): an agent sees it before reading. */
  readonly language?: string;
  readonly pack?: string;
  readonly steps: readonly StepRecord[];
  readonly facts: Readonly<Record<string, string>>;
  readonly lastUserWords?: string;
  readonly summary: readonly string[];
  readonly transcript: readonly TranscriptEntry[];
  readonly reason: HandoffReason;
  readonly createdAt: string;
  /** The email the user gave for the help desk's answer (asked only where a ticket is the way to a person). */
  readonly contact?: { readonly email: string };
}

/** The help-desk side of a conversation: who has it, relay to and from agents. */
export interface HandoffDesk {
  /** True while an agent has taken (or is about to take) the conversation: the bot stays quiet. */
  isWithAgent(conversationKey: string): Promise<boolean>;
  /** A user message while an agent has the conversation. */
  relayFromUser(conversationKey: string, entry: TranscriptEntry): Promise<void>;
  /** Opens a handoff from the packet: queue it for agents, enqueue tickets and hub events. Idempotent by packet id. */
  open(packet: HandoffPacket, address: ConversationAddress): Promise<void>;
  /**
   * The user went back to the bot while waiting (start over, carry on): a handoff no agent has taken yet is closed,
   * so nobody takes it later and silences the bot. One an agent already has stays theirs.
   */
  cancel(conversationKey: string): Promise<void>;
}

// ---------------------------------------------------------------- privacy

/** Who took part in which conversation, so a user's data can be found for export and erasure (bot/privacy/user-index.ts). */
export interface UserIndex {
  /** Notes that the user took part in the conversation (idempotent; renews the note's lifetime). */
  add(userId: string, channel: ChannelId, conversationKey: string): Promise<void>;
  /** The user's conversation keys, on one channel or on all. */
  conversations(userId: string, channel?: ChannelId): Promise<readonly string[]>;
  /** Forgets these conversations of the user (the user's item goes when none is left). */
  remove(userId: string, conversationKeys: readonly string[]): Promise<void>;
  /** A conversation is noted again once its note is this old, well before the note's lifetime ends; 0: never. */
  readonly renewAfterMs: number;
}

/** Whose data an export or an erasure is about. */
export interface PrivacySubject {
  readonly userId: string;
  /** Only this channel's conversations; all of the user's when absent. */
  readonly channel?: ChannelId;
  /** The user's conversation keys (`${channel}:${id}`), from the user index. */
  readonly conversations: readonly string[];
  /** Set during an erasure: its id, for what a participant tells others (the help desk's `user.erased`). */
  readonly erasureId?: string;
}

/**
 * A feature that holds personal data, registered with the privacy service in bot/boot.ts: it says what it holds about
 * a subject and erases it. Erasure runs the participants in registration order (the handoff first: it closes an open
 * handoff before anything else goes).
 */
export interface PrivacyParticipant {
  /** The export's section and the erasure record's count: `sessions`, `transcripts`, … */
  readonly name: string;
  /** What it holds about the subject, as JSON-ready data. */
  export(subject: PrivacySubject): Promise<unknown>;
  /** Deletes it (idempotent); resolves to how many items went. */
  erase(subject: PrivacySubject): Promise<number>;
}
