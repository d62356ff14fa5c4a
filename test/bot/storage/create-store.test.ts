// createStore: REDIS_URL set ⇒ Redis, else SQLite under DATA_DIR (created if missing).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStore } from '../../../bot/storage';

describe('createStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-create-store-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('opens SQLite under the data directory when no Redis URL is given', async () => {
    const dataDir = path.join(dir, 'data');
    const store = createStore({ dataDir });
    expect(store.kind).toBe('sqlite');
    await store.ping();
    await store.close();
    expect(fs.existsSync(path.join(dataDir, 'bot.sqlite'))).toBe(true);
  });

  it('picks Redis when a Redis URL is given, and leaves the data directory alone', async () => {
    const dataDir = path.join(dir, 'data');
    // Nothing needs to answer: the choice is made without connecting first.
    const store = createStore({ dataDir, redisUrl: 'redis://127.0.0.1:1', prefix: 'x:' });
    expect(store.kind).toBe('redis');
    await store.close();
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
