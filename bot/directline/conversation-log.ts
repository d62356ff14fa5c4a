// Direct Line conversations in the BotStore: records in storage, activities in an append-only log, news on the bus.
// Everything lives in the shared store, so any instance can serve any request and stream any conversation.
import type { BotStore } from '../ports';
import type { ActivitySet, ConversationRecord, WireActivity } from './types';

export interface ConversationLog {
  get(conversationId: string): Promise<ConversationRecord | undefined>;
  save(record: ConversationRecord): Promise<void>;
  /** Stores an activity, gives it its id (`<conversationId>|<seq>`) and timestamp, and announces it on the bus. */
  append(conversationId: string, activity: WireActivity): Promise<WireActivity>;
  /** Activities with sequence ≥ watermark, oldest first; the returned watermark is where to read next. */
  read(conversationId: string, watermark: number, limit?: number): Promise<ActivitySet>;
  /** Calls `onAppended` whenever an activity is appended to the conversation, on any instance. */
  subscribe(conversationId: string, onAppended: () => void): Promise<() => Promise<void>>;
}

export const recordKey = (id: string): string => `dl/conversation/${id}`;
export const logKey = (id: string): string => `dl/activities/${id}`;
export const busTopic = (id: string): string => `dl/${id}`;

/** Direct Line's own format: a 7-digit sequence after the conversation id. */
export const activityId = (conversationId: string, seq: number): string => `${conversationId}|${String(seq).padStart(7, '0')}`;

/** A watermark from a query string: a non-negative integer, anything else reads from the start. */
export function parseWatermark(raw: unknown): number {
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) return 0;
  return Number(raw);
}

export function createConversationLog(store: BotStore): ConversationLog {
  return {
    async get(conversationId) {
      const items = await store.storage.read([recordKey(conversationId)]);
      const item = items[recordKey(conversationId)] as (ConversationRecord & { eTag?: string }) | undefined;
      if (!item) return undefined;
      const record: Record<string, unknown> = { ...item };
      delete record.eTag; // the store's concurrency token, not part of the record
      return record as unknown as ConversationRecord;
    },
    async save(record) {
      await store.storage.write({ [recordKey(record.id)]: { ...record, eTag: '*' } });
    },
    async append(conversationId, activity) {
      const stamped = { ...activity, timestamp: new Date().toISOString() };
      const seq = await store.logs.append(logKey(conversationId), stamped);
      // The bus only wakes streams up; they read the log themselves, so a lost or duplicated message loses nothing.
      await store.bus.publish(busTopic(conversationId), String(seq));
      return { ...stamped, id: activityId(conversationId, seq) };
    },
    async read(conversationId, watermark, limit = 100) {
      const entries = await store.logs.read(logKey(conversationId), watermark, limit);
      const activities = entries.map(({ seq, entry }) => ({ ...(entry as WireActivity), id: activityId(conversationId, seq) }));
      if (entries.length > 0) return { activities, watermark: String(entries[entries.length - 1].seq + 1) };
      // A watermark past the end (a stale or forged one) is pulled back, or the next activities would be skipped.
      return { activities, watermark: String(Math.min(watermark, await store.logs.length(logKey(conversationId)))) };
    },
    subscribe(conversationId, onAppended) {
      return store.bus.subscribe(busTopic(conversationId), () => onAppended());
    },
  };
}
