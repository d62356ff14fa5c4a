// botbuilder Storage on SQLite: compare-and-set by eTag inside one immediate transaction per write.
import type { Storage, StoreItems } from 'botbuilder';
import { ETagConflictError } from './errors';
import type { SqliteDb } from './sqlite-db';
import { sqliteCall } from './sqlite-db';
import { changeList, conflicts, decodeItem, encodeItem, expectedETag, keyList, newETag } from './store-items';

interface Row {
  json: string;
  etag: string;
}

/** One change of a write, encoded: the item's JSON and the eTag it must still have. */
export interface ItemChange {
  readonly key: string;
  readonly json: string;
  readonly expected?: string;
}

/** Storage, plus its compare-and-set for a caller's own transaction (a turn's session and transcript in one commit). */
export interface SqliteItems extends Storage {
  /** Encodes a write's changes (throws on a malformed item, like write). */
  changes(changes: StoreItems): ItemChange[];
  /** Checks every eTag and writes, inside the caller's transaction; throws ETagConflictError having written nothing. */
  writeRows(list: readonly ItemChange[], at: number): void;
}

/** Without a TTL every row is live: a cut-off before any timestamp. */
const NO_CUTOFF = Number.MIN_SAFE_INTEGER;
/** Expired rows are invisible at once; deleting them is housekeeping, done at most this often. */
const PURGE_EVERY_MS = 60 * 60 * 1000;

export function createSqliteItems(db: SqliteDb, guard: (operation: string) => void, now: () => number, itemTtlMs = 0): SqliteItems {
  // Only with a TTL: the purge needs it, but it costs every write about half again (measured here).
  if (itemTtlMs > 0) sqliteCall('open', () => db.exec('CREATE INDEX IF NOT EXISTS items_updated ON items (updated_at)'));
  const select = db.prepare<[string, number], Row>('SELECT json, etag FROM items WHERE key = ? AND updated_at > ?');
  const selectETag = db.prepare<[string, number], string>('SELECT etag FROM items WHERE key = ? AND updated_at > ?').pluck();
  const purge = db.prepare<[number]>('DELETE FROM items WHERE updated_at <= ?');
  const cutoff = (at: number): number => (itemTtlMs > 0 ? at - itemTtlMs : NO_CUTOFF);
  let lastPurge = Number.NEGATIVE_INFINITY;
  const upsert = db.prepare<[string, string, string, number]>(
    `INSERT INTO items (key, json, etag, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM items WHERE key = ?');

  // Every eTag is checked before any row is written, so a conflict leaves nothing half-written even inside a caller's
  // transaction (which then has nothing to roll back of ours).
  const writeRows = (list: readonly ItemChange[], at: number): void => {
    for (const { key, expected } of list) {
      if (conflicts(expected, selectETag.get(key, cutoff(at)))) throw new ETagConflictError(key, 'sqlite');
    }
    for (const { key, json } of list) upsert.run(key, json, newETag(), at);
    if (itemTtlMs > 0 && at - lastPurge >= Math.min(itemTtlMs, PURGE_EVERY_MS)) {
      purge.run(cutoff(at));
      lastPurge = at;
    }
  };
  // Immediate: the write lock is taken before the eTag is read, so another connection can't slip in between.
  const writeAll = db.transaction(writeRows);
  const encode = (changes: StoreItems): ItemChange[] =>
    changeList(changes).map(([key, item]) => ({ key, json: encodeItem(key, item), expected: expectedETag(item) }));
  const deleteAll = db.transaction((keys: readonly string[]) => {
    for (const key of keys) remove.run(key);
  });

  return {
    changes: encode,
    writeRows,
    async read(keys: string[]): Promise<StoreItems> {
      guard('storage.read');
      const list = keyList(keys);
      return sqliteCall('storage.read', () => {
        const found: StoreItems = {};
        const since = cutoff(now());
        for (const key of list) {
          const row = select.get(key, since);
          if (row) found[key] = decodeItem(row.json, row.etag);
        }
        return found;
      });
    },
    async write(changes: StoreItems): Promise<void> {
      guard('storage.write');
      const list = encode(changes);
      if (list.length === 0) return;
      sqliteCall('storage.write', () => writeAll.immediate(list, now()));
    },
    async delete(keys: string[]): Promise<void> {
      guard('storage.delete');
      const list = keyList(keys);
      if (list.length > 0) sqliteCall('storage.delete', () => deleteAll.immediate(list));
    },
  };
}
