// The SQLite store against the shared contract, plus what only a file can do: two connections, a lock held elsewhere.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { StoreItem } from 'botbuilder';
import { createSqliteStore, isETagConflict, StorageUnavailableError } from '../../../bot/storage';
import { describeStoreContract } from './contract';

const tempDirs: string[] = [];
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-sqlite-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describeStoreContract(
  'sqlite',
  async () => {
    const dataDir = tempDir();
    return { open: async () => createSqliteStore({ dataDir }), dispose: async () => undefined };
  },
  { durable: true, sharedBus: false },
);

describe('createSqliteStore', () => {
  it('creates DATA_DIR if missing and puts the database in WAL mode', async () => {
    const dataDir = path.join(tempDir(), 'nested', 'data');
    const store = createSqliteStore({ dataDir });
    await store.close();
    const db = new Database(path.join(dataDir, 'bot.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('loses no update when writers on two connections to one file race on a key', async () => {
    const dataDir = tempDir();
    const stores = [createSqliteStore({ dataDir }), createSqliteStore({ dataDir })];
    await stores[0].storage.write({ counter: { n: 0 } });
    const increment = async (i: number): Promise<void> => {
      const { storage } = stores[i % 2];
      for (;;) {
        const current = (await storage.read(['counter'])).counter as StoreItem;
        try {
          return await storage.write({ counter: { ...current, n: current.n + 1 } });
        } catch (err) {
          if (!isETagConflict(err)) throw err;
        }
      }
    };
    await Promise.all(Array.from({ length: 10 }, (_, i) => increment(i)));
    expect(((await stores[1].storage.read(['counter'])).counter as StoreItem).n).toBe(10);
    for (const store of stores) await store.close();
  });

  describe('while another connection holds the write lock', () => {
    it('fails writes with StorageUnavailableError after busy_timeout (no hang), keeps reads, and recovers', async () => {
      const dataDir = tempDir();
      const store = createSqliteStore({ dataDir, busyTimeoutMs: 50 });
      await store.storage.write({ k: { n: 1 } });
      const other = new Database(path.join(dataDir, 'bot.sqlite'));
      other.exec('BEGIN IMMEDIATE');

      const attempts = await Promise.allSettled([
        store.storage.write({ k: { n: 2 } }),
        store.logs.append('transcript/a', 'x'),
        store.outbox.enqueue({ id: 'o', kind: 'k', payload: {} }),
        store.outbox.claimDue(Date.now(), 5, 1000),
      ]);
      for (const attempt of attempts) {
        expect(attempt.status).toBe('rejected');
        const reason = (attempt as PromiseRejectedResult).reason as StorageUnavailableError;
        expect(reason).toBeInstanceOf(StorageUnavailableError);
        expect(reason).toMatchObject({ code: 'STORAGE_UNAVAILABLE', backend: 'sqlite', reason: 'busy' });
      }
      // WAL: readers don't wait for the writer, and nothing was half-written.
      expect((await store.storage.read(['k'])).k).toMatchObject({ n: 1 });
      expect(await store.logs.length('transcript/a')).toBe(0);

      other.exec('ROLLBACK');
      other.close();
      await store.storage.write({ k: { n: 2 } });
      expect((await store.storage.read(['k'])).k).toMatchObject({ n: 2 });
      await store.close();
    });
  });

  it('refuses to open where no directory can be made, with StorageUnavailableError', () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, '');
    expect(() => createSqliteStore({ dataDir: path.join(file, 'data') })).toThrow(StorageUnavailableError);
  });
});
