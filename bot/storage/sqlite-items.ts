// botbuilder Storage on SQLite: compare-and-set by eTag inside the immediate transaction of a group commit.
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { ETagConflictError } from './errors';
import type { SqliteDb } from './sqlite-db';
import { sqliteCall } from './sqlite-db';
import type { GroupCommit } from './sqlite-group-commit';
import { lifetimeOf, ttlOf, type ItemLifetime } from './item-lifetime';
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
  /** The lifetime in ms this write gives the item (0: none). */
  readonly ttl: number;
}

/** Storage, plus its compare-and-set for a caller's own transaction (a turn's session and transcript in one commit). */
export interface SqliteItems extends Storage {
  /** Encodes a write's changes (throws on a malformed item, like write). */
  changes(changes: StoreItems): ItemChange[];
  /** Checks every eTag and writes, inside the caller's transaction; throws ETagConflictError having written nothing. */
  writeRows(list: readonly ItemChange[], at: number): void;
  /** Deletes every expired row now (the hourly lifetimes sweep), a chunk at a time; resolves to how many. */
  purgeExpired(): Promise<number>;
}

const LIVE = '(expires_at IS NULL OR expires_at > ?)';
/**
 * Expired rows are invisible at once; deleting them is the sweep's housekeeping, by rowid ranges with the event loop
 * free between them. No index on expires_at: it cost every turn's write about 8 µs (≈ 15 % of its storage work),
 * while scanning 2,000 rows a step costs a few ms an hour.
 */
const PURGE_CHUNK = 2000;

export function createSqliteItems(db: SqliteDb, guard: (operation: string) => void, now: () => number, itemTtlMs: number | ItemLifetime | undefined, group: GroupCommit): SqliteItems {
  const lifetime = lifetimeOf(itemTtlMs);
  const select = db.prepare<[string, number], Row>(`SELECT json, etag FROM items WHERE key = ? AND ${LIVE}`);
  const selectETag = db.prepare<[string, number], string>(`SELECT etag FROM items WHERE key = ? AND ${LIVE}`).pluck();
  const chunkEnd = db.prepare<[number, number], number | null>('SELECT MAX(rowid) FROM (SELECT rowid FROM items WHERE rowid > ? ORDER BY rowid LIMIT ?)').pluck();
  const purgeRange = db.prepare<[number, number, number]>('DELETE FROM items WHERE rowid > ? AND rowid <= ? AND expires_at <= ?');
  const upsert = db.prepare<[string, string, string, number, number | null]>(
    `INSERT INTO items (key, json, etag, updated_at, expires_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated_at = excluded.updated_at,
       expires_at = excluded.expires_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM items WHERE key = ?');
  if (lifetime) sqliteCall('open', () => backfillExpiry(db, lifetime));

  // Every eTag is checked before any row is written, so a conflict leaves nothing half-written even inside a caller's
  // transaction (which then has nothing to roll back of ours).
  const writeRows = (list: readonly ItemChange[], at: number): void => {
    for (const { key, expected } of list) {
      if (conflicts(expected, selectETag.get(key, at))) throw new ETagConflictError(key, 'sqlite');
    }
    for (const { key, json, ttl } of list) upsert.run(key, json, newETag(), at, ttl > 0 ? at + ttl : null);
  };
  const encode = (changes: StoreItems): ItemChange[] =>
    changeList(changes).map(([key, item]) => ({ key, json: encodeItem(key, item), expected: expectedETag(item), ttl: ttlOf(lifetime, key, item) }));
  const deleteAll = db.transaction((keys: readonly string[]) => {
    for (const key of keys) remove.run(key);
  });

  return {
    changes: encode,
    writeRows,
    async purgeExpired() {
      let [from, purged] = [Number.MIN_SAFE_INTEGER, 0];
      for (;;) {
        const to = sqliteCall('storage.purge', () => chunkEnd.get(from, PURGE_CHUNK));
        if (to === null || to === undefined) return purged;
        purged += sqliteCall('storage.purge', () => purgeRange.run(from, to, now()).changes);
        from = to;
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async read(keys: string[]): Promise<StoreItems> {
      guard('storage.read');
      const list = keyList(keys);
      return sqliteCall('storage.read', () => {
        const found: StoreItems = {};
        const since = now();
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
      // In the batch's immediate transaction: the write lock is taken before the eTag is read.
      const at = now();
      await group.run('storage.write', () => writeRows(list, at));
    },
    async delete(keys: string[]): Promise<void> {
      guard('storage.delete');
      const list = keyList(keys);
      if (list.length > 0) sqliteCall('storage.delete', () => deleteAll.immediate(list));
    },
  };
}

/** Rows written before lifetimes existed (no expiry yet) get the one their kind has now, counted from their last write. */
function backfillExpiry(db: SqliteDb, lifetime: ItemLifetime): void {
  const rows = db.prepare<[], { key: string; json: string; updated_at: number }>('SELECT key, json, updated_at FROM items WHERE expires_at IS NULL').all();
  const set = db.prepare<[number, string]>('UPDATE items SET expires_at = ? WHERE key = ?');
  db.transaction(() => {
    for (const row of rows) {
      const ttl = ttlOf(lifetime, row.key, JSON.parse(row.json) as StoreItem);
      if (ttl > 0) set.run(row.updated_at + ttl, row.key);
    }
  }).immediate();
}
