// Item expiry (itemTtlMs): an item not written for the TTL reads as missing, on every backend.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import type { StoreItem } from 'botbuilder';
import type { BotStore } from '../../../bot/ports';
import { createMemoryStore, createRedisStore, createSqliteStore } from '../../../bot/storage';
import { describeIfAvailable, redisSource } from '../../support/redis-server';
import { deleteByPrefix, useRedis } from './redis-fixture';

const TTL = 60_000;
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe.each([
  ['memory', (now: () => number) => createMemoryStore({ now, itemTtlMs: TTL })],
  ['sqlite', (now: () => number) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-ttl-'));
    dirs.push(dataDir);
    return createSqliteStore({ dataDir, now, itemTtlMs: TTL });
  }],
])('item TTL on %s (fake clock)', (_name, open: (now: () => number) => BotStore) => {
  let clock = 1_000_000;
  let store: BotStore;
  beforeEach(() => {
    clock = 1_000_000;
    store = open(() => clock);
  });
  afterEach(() => store.close());

  it('keeps an item until the TTL has passed since its last write, then reads it as missing', async () => {
    await store.storage.write({ 'session/a': { n: 1 } });
    clock += TTL - 1;
    expect(await store.storage.read(['session/a'])).toHaveProperty('session/a');
    clock += 1;
    expect(await store.storage.read(['session/a'])).toEqual({});
  });

  it('renews the TTL on every write', async () => {
    await store.storage.write({ k: { n: 1 } });
    clock += TTL - 1;
    await store.storage.write({ k: { n: 2 } });
    clock += TTL - 1;
    expect(((await store.storage.read(['k'])).k as StoreItem).n).toBe(2);
  });

  it('treats an expired item as missing for eTag checks: a write from an old read succeeds', async () => {
    await store.storage.write({ k: { n: 1 } });
    const old = (await store.storage.read(['k'])).k as StoreItem;
    await store.storage.write({ k: { n: 2 } });
    clock += TTL;
    await store.storage.write({ k: { ...old, n: 3 } });
    expect(((await store.storage.read(['k'])).k as StoreItem).n).toBe(3);
  });
});

describe('item TTL on sqlite: housekeeping', () => {
  it('deletes expired rows from the file when purged (the hourly sweep), not on the turn\'s write', async () => {
    let clock = 0;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-ttl-'));
    dirs.push(dataDir);
    const store = createSqliteStore({ dataDir, now: () => clock, itemTtlMs: TTL });
    await store.storage.write({ old: { n: 1 } });
    clock = 2 * TTL;
    await store.storage.write({ fresh: { n: 1 } });
    const db = new Database(path.join(dataDir, 'bot.sqlite'), { readonly: true });
    expect(db.prepare('SELECT key FROM items ORDER BY key').pluck().all()).toEqual(['fresh', 'old']);
    expect(await store.purgeExpired?.()).toBe(1);
    expect(db.prepare('SELECT key FROM items').pluck().all()).toEqual(['fresh']);
    db.close();
    await store.close();
  });
});

const source = redisSource();
describeIfAvailable('item TTL on redis', source.kind === 'none' ? source.reason : undefined, () => {
  const redis = useRedis();
  const prefix = `test:${process.pid}:ttl:`;
  afterEach(() => deleteByPrefix(redis.url(), prefix));

  it('sets PEXPIRE on each write, renews it, and clears it when the TTL is turned off', async () => {
    const raw = new Redis(redis.url());
    const withTtl = createRedisStore({ url: redis.url(), prefix, itemTtlMs: TTL });
    await withTtl.storage.write({ k: { n: 1 } });
    const ttl = await raw.pttl(`${prefix}item:{k}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(TTL);
    const without = createRedisStore({ url: redis.url(), prefix });
    await without.storage.write({ k: { n: 2 } });
    expect(await raw.pttl(`${prefix}item:{k}`)).toBe(-1);
    await Promise.all([withTtl.close(), without.close()]);
    raw.disconnect();
  });

  it('lets Redis drop the item when the TTL runs out (polled, bounded)', async () => {
    const store = createRedisStore({ url: redis.url(), prefix, itemTtlMs: 50 });
    await store.storage.write({ short: { n: 1 } });
    const deadline = Date.now() + 5_000;
    while (Object.keys(await store.storage.read(['short'])).length > 0) {
      if (Date.now() > deadline) throw new Error('item did not expire');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await store.close();
  });
});
