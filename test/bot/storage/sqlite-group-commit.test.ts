// The SQLite store's group commit and checkpoint thread: what several conversations writing at once may and may not
// share (a transaction, never a failure), that a resolved write is committed, and that the WAL stays small.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore, isETagConflict, StorageUnavailableError } from '../../../bot/storage';
import { createGroupCommit } from '../../../bot/storage/sqlite-group-commit';
import { startCheckpointer } from '../../../bot/storage/sqlite-checkpointer';

const tempDirs: string[] = [];
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-group-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

const openDb = (dir: string): Database.Database => {
  const db = new Database(path.join(dir, 'g.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v INTEGER)');
  return db;
};

describe('createGroupCommit', () => {
  it('commits the writes asked for in one pass of the event loop in one transaction, each caller getting its own result', async () => {
    const db = openDb(tempDir());
    const group = createGroupCommit(db);
    const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    // WAL frames written: one transaction appends each page it changed once; twenty would append twenty or more.
    const framesWritten = async (write: (i: number) => Promise<number>): Promise<{ results: number[]; frames: number }> => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => write(i)));
      const [status] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
      return { results, frames: status.log };
    };
    const together = await framesWritten((i) => group.run('storage.write', () => {
      insert.run(`k${i}`, i);
      return i * 2;
    }));
    expect(together.results).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
    expect(together.frames).toBeLessThan(5);
    let chain = Promise.resolve(0);
    const oneByOne = await framesWritten((i) => (chain = chain.then(() => group.run('storage.write', () => insert.run(`j${i}`, i).changes))));
    expect(oneByOne.frames).toBeGreaterThanOrEqual(20);
    expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(40);
    db.close();
  });

  it("fails only the write whose eTag conflicts; the batch's other writes land", async () => {
    const store = createSqliteStore({ dataDir: tempDir() });
    await store.storage.write({ a: { n: 1 }, b: { n: 1 } });
    const { a, b } = await store.storage.read(['a', 'b']);
    const outcomes = await Promise.allSettled([
      store.storage.write({ a: { ...a, n: 2 } }),
      store.storage.write({ a: { ...a, n: 3 } }), // the same eTag as the first: loses the race
      store.storage.write({ b: { ...b, n: 2 } }),
      store.logs.append('log/x', 'line'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(isETagConflict((outcomes[1] as PromiseRejectedResult).reason)).toBe(true);
    expect(await store.storage.read(['a', 'b'])).toMatchObject({ a: { n: 2 }, b: { n: 2 } });
    expect(await store.logs.length('log/x')).toBe(1);
    await store.close();
  });

  it("runs each write alone after one write's own failure, so only that caller fails", async () => {
    const db = openDb(tempDir());
    const group = createGroupCommit(db);
    const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    const outcomes = await Promise.allSettled([
      group.run('storage.write', () => insert.run('x', 1)),
      group.run('storage.write', () => insert.run('x', 2)), // a constraint violation: this write's own fault
      group.run('storage.write', () => insert.run('y', 3)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT k, v FROM t ORDER BY k').all()).toEqual([{ k: 'x', v: 1 }, { k: 'y', v: 3 }]);
    db.close();
  });

  it('fails every write of the batch with StorageUnavailableError when the store itself fails, writing nothing', async () => {
    const dir = tempDir();
    const db = openDb(dir);
    db.pragma('busy_timeout = 20');
    const group = createGroupCommit(db);
    const other = new Database(path.join(dir, 'g.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    const outcomes = await Promise.allSettled(['a', 'b', 'c'].map((k) => group.run('logs.append', () => db.prepare('INSERT INTO t (k, v) VALUES (?, 1)').run(k))));
    for (const outcome of outcomes) {
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(StorageUnavailableError);
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ operation: 'logs.append', reason: 'busy' });
    }
    other.exec('ROLLBACK');
    other.close();
    expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(0);
    db.close();
  });

  it("resolves a turn's write only once another connection can read it (the reply waits for the commit)", async () => {
    const dataDir = tempDir();
    const store = createSqliteStore({ dataDir });
    const reader = new Database(path.join(dataDir, 'bot.sqlite'), { readonly: true });
    const seen = await Promise.all(Array.from({ length: 8 }, async (_, i) => {
      await store.writeTurn?.({ [`session/c${i}`]: { turn: i } }, `transcript/c${i}`, [{ from: 'user', text: `hi ${i}` }]);
      const row = reader.prepare('SELECT json FROM items WHERE key = ?').pluck().get(`session/c${i}`) as string | undefined;
      const lines = reader.prepare('SELECT COUNT(*) FROM logs WHERE key = ?').pluck().get(`transcript/c${i}`);
      return { turn: row ? (JSON.parse(row) as { turn: number }).turn : undefined, lines };
    }));
    expect(seen).toEqual(Array.from({ length: 8 }, (_, i) => ({ turn: i, lines: 1 })));
    reader.close();
    await store.close();
  });
});

describe('startCheckpointer', () => {
  it('checkpoints the WAL off the event loop (no automatic checkpoint on the main connection) and stops cleanly', async () => {
    const dir = tempDir();
    const db = openDb(dir);
    const checkpointer = startCheckpointer(db, { everyMs: 20 });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const insert = db.prepare('INSERT OR REPLACE INTO t (k, v) VALUES (?, ?)');
    for (let i = 0; i < 2000; i += 1) insert.run(`k${i % 50}`, i);
    // Once the worker's passes have copied the WAL into the database file, the file alone (no -wal) has every row.
    const rowsInFile = (): number => {
      const copy = path.join(tempDir(), 'copy.sqlite');
      fs.copyFileSync(path.join(dir, 'g.sqlite'), copy);
      const alone = new Database(copy, { readonly: true });
      try {
        return alone.prepare('SELECT COUNT(*) FROM t WHERE v >= 1950').pluck().get() as number;
      } catch {
        return 0;
      } finally {
        alone.close();
      }
    };
    const deadline = Date.now() + 5000;
    while (rowsInFile() < 50 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rowsInFile()).toBe(50);
    await checkpointer.stop();
    db.close();
  });

  it('keeps the WAL bounded under steady writes (a fence holds writes for one pass, so SQLite starts it afresh)', async () => {
    const dataDir = tempDir();
    const store = createSqliteStore({ dataDir });
    // About 2,000 writes a second, every 2 ms: a busy bot's rate, with no pause long enough for a pass to catch up alone.
    const started = Date.now();
    for (let n = 0; Date.now() - started < 2000; n += 8) {
      await Promise.all(Array.from({ length: 8 }, (_, j) => store.storage.write({ [`k${(n + j) % 200}`]: { n, pad: 'x'.repeat(1500) } })));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(fs.statSync(path.join(dataDir, 'bot.sqlite-wal')).size).toBeLessThan(16 * 2 ** 20);
    await store.close();
  });

  it('falls back to automatic checkpoints on the main connection when the thread cannot run', async () => {
    const dir = path.join(tempDir(), 'gone');
    fs.mkdirSync(dir);
    const db = openDb(dir);
    fs.rmSync(dir, { recursive: true }); // the worker's own connection cannot open the file any more
    const checkpointer = startCheckpointer(db, { everyMs: 20 });
    const deadline = Date.now() + 5000;
    while (db.pragma('wal_autocheckpoint', { simple: true }) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await checkpointer.stop();
    db.close();
  });
});
