// Handoffs in the shared store (BotStore.storage, eTag compare-and-set), so every instance sees one queue:
// `handoff/record/<conversationKey>` per conversation and `handoff/index`, the open conversations in arrival order.
import type { Storage } from 'botbuilder';
import type { ConversationAddress, HandoffPacket } from '../ports';
import { createKeyedQueue } from '../conversation/keyed-queue';
import { isETagConflict } from '../storage/errors';

export type HandoffState = 'queued' | 'active' | 'closed';

export interface AgentRef {
  readonly id: string;
  readonly name: string;
}

export interface HandoffRecord {
  /** The packet id: opening the same packet again changes nothing. */
  readonly id: string;
  readonly conversationKey: string;
  readonly address: ConversationAddress;
  /** As sent to help desks: redacted when REDACT_PII is on. */
  readonly packet: HandoffPacket;
  readonly state: HandoffState;
  /** Who may see it when tenants are configured: Teams tenant, Slack team, or undefined. */
  readonly tenant?: string;
  /** Epoch ms. */
  readonly openedAt: number;
  /** Opened while no agent was online or outside business hours: the user was told so. */
  readonly unavailable?: boolean;
  readonly agent?: AgentRef;
  readonly takenAt?: number;
  readonly closedAt?: number;
  readonly closedBy?: 'agent' | 'hand_back' | 'hub' | 'user' | 'erased';
  /** What a Bot Framework hub said about it (handoff.status), when one is in play. */
  readonly hub?: 'accepted' | 'failed' | 'completed';
}

export const recordKey = (conversationKey: string): string => `handoff/record/${conversationKey}`;
const INDEX_KEY = 'handoff/index';
const MAX_WRITES = 8;

type Stored<T> = T & { eTag?: string };

export interface HandoffRecords {
  get(conversationKey: string): Promise<HandoffRecord | undefined>;
  /**
   * Reads, changes and writes a record with compare-and-set, retrying on a conflict. `change` returns the new record,
   * or undefined to leave it; the result is what is stored afterwards.
   */
  update(conversationKey: string, change: (current: HandoffRecord | undefined) => HandoffRecord | undefined): Promise<HandoffRecord | undefined>;
  /** Every record not closed, oldest first (none when the records are not indexed). */
  listOpen(): Promise<readonly HandoffRecord[]>;
}

/** Retries `attempt` while it fails on an eTag conflict (another instance wrote in between). */
async function withRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt();
    } catch (err) {
      if (!isETagConflict(err) || i >= MAX_WRITES) throw err;
    }
  }
}

export interface HandoffRecordsOptions {
  /**
   * Keep `handoff/index`, the agent inbox's queue (default true). Without an inbox nothing lists open handoffs, and
   * nobody closes them: the index would only grow, one whole-list rewrite per handoff, so it is not kept.
   */
  readonly indexed?: boolean;
}

export function createHandoffRecords(storage: Storage, options: HandoffRecordsOptions = {}): HandoffRecords {
  const indexed = options.indexed ?? true;
  // Index updates from this process one at a time: concurrent read-modify-writes of the one index item would
  // otherwise conflict with each other (32 handoffs at once ran out of retries). Other instances are the eTag's job.
  const indexQueue = createKeyedQueue();
  async function read<T>(key: string): Promise<Stored<T> | undefined> {
    return (await storage.read([key]))[key] as Stored<T> | undefined;
  }
  const strip = (item: Stored<HandoffRecord>): HandoffRecord => {
    const record: Stored<HandoffRecord> = { ...item };
    delete record.eTag;
    return record;
  };

  /** Adds or removes a key in the index (in arrival order), with compare-and-set. */
  const setIndexed = (conversationKey: string, open: boolean): Promise<void> =>
    indexQueue.run(INDEX_KEY, () => withRetry(async () => {
      const index = await read<{ keys: string[] }>(INDEX_KEY);
      const keys = index?.keys ?? [];
      if (keys.includes(conversationKey) === open) return;
      const next = open ? [...keys, conversationKey] : keys.filter((k) => k !== conversationKey);
      await storage.write({ [INDEX_KEY]: { keys: next, ...(index?.eTag ? { eTag: index.eTag } : {}) } });
    }));

  return {
    async get(conversationKey) {
      const item = await read<HandoffRecord>(recordKey(conversationKey));
      return item ? strip(item) : undefined;
    },
    async update(conversationKey, change) {
      const result = await withRetry(async () => {
        const item = await read<HandoffRecord>(recordKey(conversationKey));
        const current = item ? strip(item) : undefined;
        const next = change(current);
        if (!next) return current;
        await storage.write({ [recordKey(conversationKey)]: { ...next, ...(item?.eTag ? { eTag: item.eTag } : {}) } });
        return next;
      });
      // The record first, then the index: a reader never finds an indexed key without its record.
      if (result && indexed) await setIndexed(conversationKey, result.state !== 'closed');
      return result;
    },
    async listOpen() {
      if (!indexed) return [];
      const keys = (await read<{ keys: string[] }>(INDEX_KEY))?.keys ?? [];
      if (keys.length === 0) return [];
      const items = await storage.read(keys.map(recordKey));
      // A queued record that reached the end of its lifetime (bot/privacy/lifetimes.ts) leaves its key behind: dropped.
      const dangling = keys.filter((k) => items[recordKey(k)] === undefined);
      for (const key of dangling) await setIndexed(key, false);
      return keys
        .map((k) => items[recordKey(k)] as Stored<HandoffRecord> | undefined)
        .filter((item): item is Stored<HandoffRecord> => item !== undefined && item.state !== 'closed')
        .map(strip)
        .sort((a, b) => a.openedAt - b.openedAt);
    },
  };
}

/** 1-based place among the queued handoffs of the same tenant, or undefined when the record is not queued. */
export function queuePosition(open: readonly HandoffRecord[], conversationKey: string): number | undefined {
  const record = open.find((r) => r.conversationKey === conversationKey);
  if (!record || record.state !== 'queued') return undefined;
  const queue = open.filter((r) => r.state === 'queued' && r.tenant === record.tenant);
  return queue.findIndex((r) => r.conversationKey === conversationKey) + 1;
}
