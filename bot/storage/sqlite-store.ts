// The embedded default BotStore: one SQLite file under DATA_DIR (WAL), an in-process Bus, for a single instance.
import type { Logger } from '../logger';
import type { AnalyticsWrite } from '../analytics/types';
import type { BotStore } from '../ports';
import { StorageUnavailableError } from './errors';
import { createInProcessBus } from './in-process-bus';
import { createSqliteAnalytics } from './sqlite-analytics';
import type { ItemLifetime } from './item-lifetime';
import { startCheckpointer } from './sqlite-checkpointer';
import { openSqlite, scrubSqlite, sqliteCall } from './sqlite-db';
import { createGroupCommit } from './sqlite-group-commit';

import { createSqliteItems } from './sqlite-items';
import { createSqliteLogs } from './sqlite-logs';
import { createSqliteOutbox } from './sqlite-outbox';

/** A scrub the checkpoint worker keeps busy is tried again, up to about two seconds. */
const SCRUB_ATTEMPTS = 80;
const SCRUB_RETRY_MS = 25;

export interface SqliteStoreOptions {
  /** Created if missing. */
  readonly dataDir: string;
  readonly fileName?: string;
  /**
   * How long a write waits for another connection's write lock before failing with StorageUnavailableError. The wait
   * blocks the event loop (better-sqlite3 is synchronous), so keep it short: one second by default.
   */
  readonly busyTimeoutMs?: number;
  /**
   * Items not written for this long read as missing and are deleted by `purgeExpired` (the hourly sweep): one
   * number for every item, or a lifetime per item (bot/privacy/lifetimes.ts). 0 or unset: kept forever.
   */
  readonly itemTtlMs?: number | ItemLifetime;
  readonly logger?: Logger;
  readonly now?: () => number;
}

export const DEFAULT_SQLITE_FILE = 'bot.sqlite';

export function createSqliteStore(options: SqliteStoreOptions): BotStore {
  const now = options.now ?? Date.now;
  const db = openSqlite({
    dataDir: options.dataDir,
    fileName: options.fileName ?? DEFAULT_SQLITE_FILE,
    busyTimeoutMs: options.busyTimeoutMs ?? 1000,
  });
  let closed = false;
  const guard = (operation: string): void => {
    if (closed) throw new StorageUnavailableError('sqlite', operation, 'closed');
  };
  const bus = createInProcessBus({ logger: options.logger, guard: () => guard('bus') });
  const ping = db.prepare('SELECT 1').pluck();
  const group = createGroupCommit(db);
  const checkpointer = startCheckpointer(db, { logger: options.logger, fence: (checkpoint) => group.pauseWhile(checkpoint) });
  const storage = createSqliteItems(db, guard, now, options.itemTtlMs, group);
  const logs = createSqliteLogs(db, guard, now, group);
  const analytics = createSqliteAnalytics(db, guard);
  // A turn's session (compare-and-set), its transcript lines and its analytics rows: all or nothing, in the batch's
  // transaction (an eTag conflict throws before anything is written).
  const writeTurn = (list: ReturnType<typeof storage.changes>, logKey: string, jsons: readonly string[], at: number, counted?: AnalyticsWrite): void => {
    storage.writeRows(list, at);
    if (jsons.length > 0) logs.appendRows(logKey, jsons, at);
    if (counted) analytics.writeRows(counted);
  };

  return {
    kind: 'sqlite',
    storage,
    logs,
    analytics,
    async writeTurn(changes, logKey, entries, counted) {
      guard('storage.write');
      const list = storage.changes(changes);
      const jsons = entries.map((entry) => JSON.stringify(entry ?? null));
      const at = now();
      await group.run('storage.write', () => writeTurn(list, logKey, jsons, at, counted));
    },
    outbox: createSqliteOutbox(db, guard, now),
    bus,
    async purgeExpired() {
      guard('storage.purge');
      return storage.purgeExpired();
    },
    async scrub() {
      guard('scrub');
      group.flush();
      // The checkpoint worker's own pass holds the checkpoint lock for a few ms: a busy scrub is tried again, so an
      // erasure's old page images do not wait for the next sweep.
      for (let attempt = 0; !scrubSqlite(db) && attempt < SCRUB_ATTEMPTS; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, SCRUB_RETRY_MS));
      }
    },
    async ping() {
      guard('ping');
      sqliteCall('ping', () => ping.get());
    },
    async close() {
      if (closed) return;
      closed = true;
      bus.clear();
      group.flush();
      await checkpointer.stop();
      db.close();
    },
  };
}
