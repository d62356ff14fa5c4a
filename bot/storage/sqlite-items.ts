// botbuilder Storage on SQLite: compare-and-set by eTag inside one immediate transaction per write.
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { ETagConflictError } from './errors';
import type { SqliteDb } from './sqlite-db';
import { sqliteCall } from './sqlite-db';
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
  /** Deletes every expired row now (the lifetimes sweep); returns how many. */
  purgeExpired(): number;
}

/** Expired rows are invisible at once; deleting them is housekeeping, done at most this often. */
const PURGE_EVERY_MS = 60 * 60 * 1000;
const LIVE = '(expires_at IS NULL OR expires_at > ?)';

export function createSqliteItems(db: SqliteDb, guard: (operation: string) => void, now: () => number, itemTtlMs?: number | ItemLifetime): SqliteItems {
  const lifetime = lifetimeOf(itemTtlMs);
  // Only with lifetimes: the purge needs it, but it costs every write a little (measured: bench layers).
  if (lifetime) sqliteCall('open', () => db.exec('CREATE INDEX IF NOT EXISTS items_expiry ON items (expires_at) WHERE expires_at IS NOT NULL'));
  const select = db.prepare<[string, number], Row>(`SELECT json, etag FROM items WHERE key = ? AND ${LIVE}`);
  const selectETag = db.prepare<[string, number], string>(`SELECT etag FROM items WHERE key = ? AND ${LIVE}`).pluck();
  const purge = db.prepare<[number]>('DELETE FROM items WHERE expires_at <= ?');
  let lastPurge = Number.NEGATIVE_INFINITY;
  /** Purge at most hourly, or once per the shortest lifetime seen when that is shorter. */
  let shortest = PURGE_EVERY_MS;
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
    for (const { ttl } of list) if (ttl > 0 && ttl < shortest) shortest = ttl;
    if (lifetime && at - lastPurge >= shortest) {
      purge.run(at);
      lastPurge = at;
    }
  };
  // Immediate: the write lock is taken before the eTag is read, so another connection can't slip in between.
  const writeAll = db.transaction(writeRows);
  const encode = (changes: StoreItems): ItemChange[] =>
    changeList(changes).map(([key, item]) => ({ key, json: encodeItem(key, item), expected: expectedETag(item), ttl: ttlOf(lifetime, key, item) }));
  const deleteAll = db.transaction((keys: readonly string[]) => {
    for (const key of keys) remove.run(key);
  });

  return {
    changes: encode,
    writeRows,
    purgeExpired: () => sqliteCall('storage.purge', () => purge.run(now()).changes),
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
      sqliteCall('storage.write', () => writeAll.immediate(list, now()));
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
