// The stored item of a conversation (`session/<conversationKey>`): the engine's session plus the edge's own
// bookkeeping (replayed activity ids, the last choices offered, whether it was welcomed), read and written with eTag.
import type { Storage, StoreItems } from 'botbuilder';
import type { Choice, Session } from '../../dialogs';
import type { AnalyticsState } from '../analytics/types';
import { readPendingHandoff, type PendingHandoff } from './pending-handoff';

/** How many recent activity ids are remembered to answer a replayed activity once. */
export const RECENT_ACTIVITY_IDS = 50;

export interface SessionRecord {
  /** The engine's session; undefined before the first turn. The engine checks its shape itself. */
  readonly session?: Session;
  readonly recentActivityIds: readonly string[];
  /** The last choices shown, so typing "2" presses the second (channels without buttons, the terminal). */
  readonly lastChoices?: { readonly choices: readonly Choice[]; readonly stepId?: string };
  readonly welcomed?: boolean;
  /**
   * Whether a handoff was ever opened here, so only such conversations ask the desk whether an agent has them (a
   * storage read per turn otherwise). `unknown`: a record older than this field, or none yet: the desk is asked.
   */
  readonly handoffs: HandoffMark;
  /** The handoff of the turn that wrote this record, until the next turn made sure it was opened (pending-handoff.ts). */
  readonly pendingHandoff?: PendingHandoff;
  /** Which analytics session the conversation is in (bot/analytics/fold.ts), written with the record. */
  readonly analytics?: AnalyticsState;
  /** The users noted in the user index for this conversation (user-note.ts), and when (epoch ms). */
  readonly users?: readonly string[];
  readonly usersNotedAt?: number;
}

/** Only a turn's own handoff effect creates a handoff record, and only such a record can be taken by an agent. */
export type HandoffMark = 'none' | 'opened' | 'unknown';

export interface LoadedRecord {
  readonly record: SessionRecord;
  /** The stored eTag, or undefined when the conversation is new. */
  readonly eTag?: string;
}

export const sessionKey = (conversationKey: string): string => `session/${conversationKey}`;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Reads a conversation's record; a missing or unreadable item is a new conversation. */
export async function loadRecord(storage: Storage, conversationKey: string): Promise<LoadedRecord> {
  const key = sessionKey(conversationKey);
  const item: unknown = (await storage.read([key]))[key];
  if (!isRecord(item)) return { record: { recentActivityIds: [], handoffs: 'unknown' } };
  const eTag = typeof item.eTag === 'string' ? item.eTag : undefined;
  const ids = Array.isArray(item.recentActivityIds) ? item.recentActivityIds.filter((id): id is string => typeof id === 'string') : [];
  const lastChoices = isRecord(item.lastChoices) && Array.isArray(item.lastChoices.choices) ? (item.lastChoices as SessionRecord['lastChoices']) : undefined;
  const pendingHandoff = readPendingHandoff(item.pendingHandoff);
  const record: SessionRecord = {
    ...(isRecord(item.session) ? { session: item.session as unknown as Session } : {}),
    recentActivityIds: ids,
    ...(lastChoices ? { lastChoices } : {}),
    ...(item.welcomed === true ? { welcomed: true } : {}),
    handoffs: item.handoffs === 'none' || item.handoffs === 'opened' ? item.handoffs : 'unknown',
    ...(pendingHandoff ? { pendingHandoff } : {}),
    ...(isRecord(item.analytics) ? { analytics: item.analytics as AnalyticsState } : {}),
    ...(Array.isArray(item.users) ? { users: item.users.filter((u): u is string => typeof u === 'string') } : {}),
    ...(typeof item.usersNotedAt === 'number' ? { usersNotedAt: item.usersNotedAt } : {}),
  };
  return { record, eTag };
}

/** Writes the record if nobody else wrote since `eTag` was read; throws the store's eTag conflict otherwise. */
export async function saveRecord(storage: Storage, conversationKey: string, record: SessionRecord, eTag: string | undefined): Promise<void> {
  await storage.write(recordChanges(conversationKey, record, eTag));
}

/** The storage write of a record on the eTag it was read with (for saveRecord and BotStore.writeTurn). */
export function recordChanges(conversationKey: string, record: SessionRecord, eTag: string | undefined): StoreItems {
  return { [sessionKey(conversationKey)]: { ...record, ...(eTag ? { eTag } : {}) } };
}

/** True when the desk must be asked whether an agent has the conversation. */
export const mayBeWithAgent = (record: SessionRecord): boolean => record.handoffs !== 'none';

/** The record's activity ids with `id` added, oldest dropped beyond the limit. */
export function rememberActivity(ids: readonly string[], id: string | undefined): readonly string[] {
  if (!id) return ids;
  return [...ids.filter((x) => x !== id), id].slice(-RECENT_ACTIVITY_IDS);
}
