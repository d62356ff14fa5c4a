// Opens the SQLite file (WAL, busy_timeout, schema) and turns driver failures into StorageUnavailableError.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StorageUnavailableError, type UnavailableReason } from './errors';

export type SqliteDb = Database.Database;

const SCHEMA = `
-- A rowid table: sessions are ~1 KB rows, which WITHOUT ROWID stores worse (read+write measured ≈ 120 vs 150–220 µs).
CREATE TABLE IF NOT EXISTS items (
  key TEXT PRIMARY KEY, json TEXT NOT NULL, etag TEXT NOT NULL, updated_at INTEGER NOT NULL, expires_at INTEGER
);
CREATE TABLE IF NOT EXISTS logs (
  key TEXT NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (key, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS outbox (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, payload TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL,
  due_at INTEGER NOT NULL, lease_until INTEGER NOT NULL, last_error TEXT, created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, due_at);
CREATE INDEX IF NOT EXISTS outbox_created ON outbox (created_at, id);
`;

export interface OpenOptions {
  readonly dataDir: string;
  readonly fileName: string;
  readonly busyTimeoutMs: number;
}

/** Opens (creating the directory and tables if missing) one connection; throws StorageUnavailableError if it can't. */
export function openSqlite({ dataDir, fileName, busyTimeoutMs }: OpenOptions): SqliteDb {
  return sqliteCall('open', () => {
    fs.mkdirSync(dataDir, { recursive: true });
    const db = new Database(path.join(dataDir, fileName), { timeout: busyTimeoutMs });
    try {
      // WAL: readers never wait for the writer; NORMAL sync is durable across a process crash (not a power cut).
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
      // Deleted and overwritten rows are zeroed in the file at once, so an erased user's words survive in no free page
      // or free space inside a page (the WAL's old frames are dropped by the checkpoint after an erasure: scrubSqlite).
      db.pragma('secure_delete = ON');
      db.transaction(() => {
        db.exec(SCHEMA);
        // Files from before item lifetimes: the column is added; their rows get an expiry when next written.
        const columns = db.prepare<[], { name: string }>('PRAGMA table_info(items)').all().map((c) => c.name);
        if (!columns.includes('expires_at')) db.exec('ALTER TABLE items ADD COLUMN expires_at INTEGER');
      }).immediate();
      return db;
    } catch (err) {
      db.close();
      throw err;
    }
  });
}

/**
 * After an erasure: copies the WAL into the database and truncates it to nothing (old page images in the WAL still
 * hold deleted rows; secure_delete has already zeroed them in the pages themselves). Waits for readers through the
 * busy timeout; returns false when another connection kept the WAL busy (the next checkpoint clears it).
 */
export function scrubSqlite(db: SqliteDb): boolean {
  const [result] = sqliteCall('scrub', () => db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]);
  return result?.busy === 0;
}

/** Runs a synchronous driver call; SQLite's own failures (busy, I/O, closed) become StorageUnavailableError. */
export function sqliteCall<T>(operation: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const reason = sqliteReason(err);
    if (reason === undefined) throw err;
    throw new StorageUnavailableError('sqlite', operation, reason, { cause: err });
  }
}

function sqliteReason(err: unknown): UnavailableReason | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  // By code, not `instanceof SqliteError`: the native addon keeps the first SqliteError class it was given, so a
  // second module registry (Jest runs one per test file) would see errors of a "different" class.
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return 'busy';
    if (/^SQLITE_(IOERR|FULL|CANTOPEN|READONLY|CORRUPT|NOTADB|PERM)/.test(code)) return 'io';
    return 'unknown';
  }
  if (err instanceof Error && /database connection is not open/.test(err.message)) return 'closed';
  if (code === 'EACCES' || code === 'ENOSPC' || code === 'EROFS' || code === 'ENOTDIR') return 'io';
  return undefined;
}
