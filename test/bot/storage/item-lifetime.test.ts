// Item lifetimes per kind (a policy from key and item): expiry on every store, the SQLite column added to older files
// and backfilled, the purge, and secure deletion (no deleted or overwritten row left in the file or the WAL).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import type { BotStore } from '../../../bot/ports';
import { createMemoryStore, createRedisStore, createSqliteStore } from '../../../bot/storage';
import type { ItemLifetime } from '../../../bot/storage/item-lifetime';
import { filesContaining } from '../../support/raw-bytes';
import { describeIfAvailable, redisSource } from '../../support/redis-server';
import { deleteByPrefix, useRedis } from './redis-fixture';

const SHORT = 60_000;
/** Sessions live a minute; closed things an hour; `forever/` items never expire. */
const policy: ItemLifetime = (key, item) => (key.startsWith('forever/') ? 0 : item.closed ? 60 * SHORT : SHORT);
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-lifetime-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe.each([
  ['memory', (now: () => number) => createMemoryStore({ now, itemTtlMs: policy })],
  ['sqlite', (now: () => number) => createSqliteStore({ dataDir: tempDir(), now, itemTtlMs: policy })],
])('item lifetimes on %s (fake clock)', (_name, open: (now: () => number) => BotStore) => {
  let clock = 1_000_000;
  let store: BotStore;
  beforeEach(() => {
    clock = 1_000_000;
    store = open(() => clock);
  });
  afterEach(() => store.close());

  it('gives each item the lifetime of its kind, decided again at every write', async () => {
    await store.storage.write({ 'session/a': { n: 1 }, 'handoff/b': { closed: false }, 'forever/c': { n: 1 } });
    clock += SHORT;
    expect(Object.keys(await store.storage.read(['session/a', 'handoff/b', 'forever/c']))).toEqual(['forever/c']);
    await store.storage.write({ 'handoff/b': { closed: true } });
    clock += 59 * SHORT;
    expect(Object.keys(await store.storage.read(['handoff/b', 'forever/c']))).toEqual(['handoff/b', 'forever/c']);
    clock += SHORT;
    expect(Object.keys(await store.storage.read(['handoff/b', 'forever/c']))).toEqual(['forever/c']);
    expect(await store.purgeExpired?.()).toBeGreaterThanOrEqual(0);
  });
});

describe('item lifetimes on sqlite: the file', () => {
  it('purges expired rows on demand, in chunks past the first 2,000 rows, and leaves the others', async () => {
    let clock = 0;
    const dataDir = tempDir();
    const store = createSqliteStore({ dataDir, now: () => clock, itemTtlMs: policy });
    const many = Object.fromEntries(Array.from({ length: 4100 }, (_, i) => [`session/old-${i}`, { n: i }]));
    await store.storage.write({ ...many, 'forever/x': { n: 1 } });
    clock = SHORT - 1;
    expect(await store.purgeExpired?.()).toBe(0);
    clock = 2 * SHORT;
    expect(await store.purgeExpired?.()).toBe(4100);
    const db = new Database(path.join(dataDir, 'bot.sqlite'), { readonly: true });
    expect(db.prepare('SELECT key FROM items').pluck().all()).toEqual(['forever/x']);
    db.close();
    await store.close();
  });

  it('adds the expiry column to a file from before lifetimes and gives its rows their lifetime from their last write', async () => {
    const dataDir = tempDir();
    const old = new Database(path.join(dataDir, 'bot.sqlite'));
    old.exec('CREATE TABLE items (key TEXT PRIMARY KEY, json TEXT NOT NULL, etag TEXT NOT NULL, updated_at INTEGER NOT NULL)');
    old.prepare('INSERT INTO items VALUES (?, ?, ?, ?)').run('session/legacy', '{"n":1}', 'e1', 1000);
    old.prepare('INSERT INTO items VALUES (?, ?, ?, ?)').run('forever/legacy', '{"n":1}', 'e2', 1000);
    old.close();
    let clock = 1000 + SHORT - 1;
    const store = createSqliteStore({ dataDir, now: () => clock, itemTtlMs: policy });
    expect(Object.keys(await store.storage.read(['session/legacy', 'forever/legacy']))).toEqual(['session/legacy', 'forever/legacy']);
    clock += 1;
    expect(Object.keys(await store.storage.read(['session/legacy', 'forever/legacy']))).toEqual(['forever/legacy']);
    await store.close();
  });

  it('leaves no byte of a deleted or overwritten row in any file once scrubbed (secure_delete + WAL checkpoint)', async () => {
    const dataDir = tempDir();
    const store = createSqliteStore({ dataDir });
    const other = createSqliteStore({ dataDir }); // a second connection, as the bot beside the privacy CLI
    for (let i = 0; i < 5; i += 1) {
      await store.storage.write({ [`session/neighbour-${i}`]: { text: 'the neighbour stays' } });
      await store.storage.write({ 'session/erased': { text: `purple elephant ${i} ${'x'.repeat(i * 2000)}` } });
      await store.logs.append('transcript/erased', { text: `purple elephant line ${i}` });
    }
    await store.outbox.enqueue({ id: 'ticket:erased', kind: 'ticket', payload: { text: 'purple elephant ticket' } });
    expect(filesContaining(dataDir, 'purple elephant')).not.toEqual([]);
    await other.storage.delete(['session/erased']);
    await other.logs.delete('transcript/erased');
    await other.outbox.remove(['ticket:erased']);
    await other.scrub?.();
    expect(filesContaining(dataDir, 'purple elephant')).toEqual([]);
    expect(filesContaining(dataDir, 'the neighbour stays')).not.toEqual([]);
    expect(await store.storage.read(['session/neighbour-4'])).toHaveProperty(['session/neighbour-4', 'text'], 'the neighbour stays');
    await Promise.all([store.close(), other.close()]);
  });
});

const source = redisSource();
describeIfAvailable('item lifetimes on redis', source.kind === 'none' ? source.reason : undefined, () => {
  const redis = useRedis();
  const prefix = `test:${process.pid}:lifetime:`;
  afterEach(() => deleteByPrefix(redis.url(), prefix));

  it('sets an absolute expiry from the store clock per kind, and none for items that live on', async () => {
    const raw = new Redis(redis.url());
    const clock = Date.now();
    const store = createRedisStore({ url: redis.url(), prefix, itemTtlMs: policy, now: () => clock });
    await store.storage.write({ 'session/a': { n: 1 }, 'handoff/b': { closed: true }, 'forever/c': { n: 1 } });
    expect(await raw.pexpiretime(`${prefix}item:{session/a}`)).toBe(clock + SHORT);
    expect(await raw.pexpiretime(`${prefix}item:{handoff/b}`)).toBe(clock + 60 * SHORT);
    expect(await raw.pttl(`${prefix}item:{forever/c}`)).toBe(-1);
    await store.close();
    raw.disconnect();
  });

  it('lets Redis drop an item whose lifetime ended by the store clock (written "long ago")', async () => {
    const store = createRedisStore({ url: redis.url(), prefix, itemTtlMs: policy, now: () => Date.now() - 2 * SHORT });
    await store.storage.write({ 'session/old': { n: 1 }, 'forever/x': { n: 1 } });
    expect(Object.keys(await store.storage.read(['session/old', 'forever/x']))).toEqual(['forever/x']);
    await store.close();
  });
});
