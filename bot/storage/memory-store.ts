// A complete BotStore in memory, with the real stores' eTag, log and outbox semantics: for unit tests and `npm run chat`.
import type { StoreItems } from 'botbuilder';
import type { Logger } from '../logger';
import type { BotStore, Logs } from '../ports';
import { ETagConflictError, StorageUnavailableError } from './errors';
import { createInProcessBus } from './in-process-bus';
import { createMemoryAnalytics } from './memory-analytics';
import { lifetimeOf, ttlOf, type ItemLifetime } from './item-lifetime';
import { createMemoryOutbox } from './memory-outbox';
import { changeList, conflicts, decodeItem, encodeItem, expectedETag, keyList, newETag } from './store-items';

export interface MemoryStoreOptions {
  readonly logger?: Logger;
  /** Epoch ms; tests pass a fake clock to exercise expiry and outbox retry times. */
  readonly now?: () => number;
  /** Items not written for this long read as missing: one number, or a lifetime per item. 0 or unset: kept forever. */
  readonly itemTtlMs?: number | ItemLifetime;
}

/** A memory store can also play "storage is down", so the edge's apology path is testable without Redis. */
export interface MemoryStore extends BotStore {
  simulateOutage(down: boolean): void;
}

export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const now = options.now ?? Date.now;
  const lifetime = lifetimeOf(options.itemTtlMs);
  const items = new Map<string, { json: string; eTag: string; expiresAt: number }>();
  /** The stored item unless its time is up (then it is dropped, as Redis would have dropped it). */
  const live = (key: string): { json: string; eTag: string } | undefined => {
    const stored = items.get(key);
    if (stored && stored.expiresAt <= now()) items.delete(key);
    return items.get(key);
  };
  const logs = new Map<string, { entries: string[]; at: number }>();
  let down = false;
  let closed = false;
  const guard = (operation: string): void => {
    if (closed) throw new StorageUnavailableError('memory', operation, 'closed');
    if (down) throw new StorageUnavailableError('memory', operation, 'outage');
  };
  const bus = createInProcessBus({ logger: options.logger, guard: () => guard('bus') });
  const analytics = createMemoryAnalytics(guard);

  /** All keys are checked before any is written: a rejected batch leaves nothing half-written. */
  const writeItems = (changes: StoreItems): void => {
    const list = changeList(changes).map(([key, item]) => ({ key, json: encodeItem(key, item), expected: expectedETag(item), ttl: ttlOf(lifetime, key, item) }));
    const stale = list.find((c) => conflicts(c.expected, live(c.key)?.eTag));
    if (stale) throw new ETagConflictError(stale.key, 'memory');
    const at = now();
    for (const change of list) items.set(change.key, { json: change.json, eTag: newETag(), expiresAt: change.ttl > 0 ? at + change.ttl : Infinity });
  };
  const appendEntries = (key: string, entries: readonly unknown[]): number => {
    const log = logs.get(key) ?? { entries: [], at: 0 };
    const first = log.entries.length;
    for (const entry of entries) log.entries.push(JSON.stringify(entry ?? null));
    log.at = now();
    logs.set(key, log);
    return first;
  };

  const storage = {
    async read(keys: string[]): Promise<StoreItems> {
      guard('storage.read');
      const found: StoreItems = {};
      for (const key of keyList(keys)) {
        const stored = live(key);
        if (stored) found[key] = decodeItem(stored.json, stored.eTag);
      }
      return found;
    },
    async write(changes: StoreItems): Promise<void> {
      guard('storage.write');
      writeItems(changes);
    },
    async delete(keys: string[]): Promise<void> {
      guard('storage.delete');
      for (const key of keyList(keys)) items.delete(key);
    },
  };

  const logStore: Logs = {
    async append(key, entry) {
      guard('logs.append');
      const log = logs.get(key) ?? { entries: [], at: 0 };
      log.entries.push(JSON.stringify(entry ?? null));
      log.at = now();
      logs.set(key, log);
      return log.entries.length - 1;
    },
    async appendMany(key, entries) {
      guard('logs.append');
      return appendEntries(key, entries);
    },
    async read(key, from, limit) {
      guard('logs.read');
      const entries = logs.get(key)?.entries ?? [];
      const start = Math.max(0, from);
      const end = limit === undefined ? entries.length : start + Math.max(0, limit);
      return entries.slice(start, end).map((json, i) => ({ seq: start + i, entry: JSON.parse(json) as unknown }));
    },
    async length(key) {
      guard('logs.length');
      return logs.get(key)?.entries.length ?? 0;
    },
    async delete(key) {
      guard('logs.delete');
      logs.delete(key);
    },
    async expire(prefix, olderThan) {
      guard('logs.expire');
      const old = [...logs].filter(([key, log]) => key.startsWith(prefix) && log.at < olderThan);
      for (const [key] of old) logs.delete(key);
      return old.length;
    },
  };

  return {
    kind: 'memory',
    storage,
    logs: logStore,
    outbox: createMemoryOutbox(guard, now),
    bus,
    analytics,
    async writeTurn(changes, logKey, entries, counted) {
      guard('storage.write');
      writeItems(changes);
      if (entries.length > 0) appendEntries(logKey, entries);
      if (counted) analytics.writeRows(counted);
    },
    async purgeExpired() {
      guard('storage.purge');
      const expired = [...items.keys()].filter((key) => live(key) === undefined);
      return expired.length;
    },
    async ping() {
      guard('ping');
    },
    async close() {
      closed = true;
      bus.clear();
    },
    simulateOutage(value) {
      down = value;
    },
  };
}
