// One contract for the analytics side of every store (memory, SQLite, Redis): the same writes give the same answers
// (dates, test traffic, one conversation's sessions, the event log's cursor, unlink, retention).
import type { AnalyticsStore, AnalyticsWrite, SessionFacts } from '../../bot/analytics/types';
import { createLogger } from '../../bot/logger';
import type { BotStore } from '../../bot/ports';
import { createMemoryStore, createRedisStore, createSqliteStore } from '../../bot/storage';
import { describeIfAvailable, redisSource, startRedisServer, type RedisServer } from '../support/redis-server';
import { makeDataDir, removeDataDir } from '../support/start-bot';

const DAY = 86_400_000;
const T = Date.parse('2026-03-02T10:00:00Z');

const session = (id: string, conversation: string, startedAt: number, test = false): SessionFacts => ({
  id, conversation, channel: 'webchat', knowledge: 'k', test, startedAt, lastAt: startedAt + 60_000, engaged: true, userMessages: 1, unrecognized: 0, outOfScope: 0, steps: [],
});
const write = (s: SessionFacts): AnalyticsWrite => ({ turn: { at: s.lastAt, session: s.id, kind: 'message', channel: s.channel, knowledge: 'k', test: s.test, events: [{ type: 'not_understood' }] }, sessions: [s] });

function contract(name: string, open: () => Promise<{ store: BotStore; close: () => Promise<void> }>): void {
  describe(name, () => {
    let store: BotStore;
    let close: () => Promise<void>;
    let a: AnalyticsStore;
    beforeEach(async () => {
      ({ store, close } = await open());
      a = store.analytics as AnalyticsStore;
      for (const s of [session('s1', 'webchat:x', T), session('s2', 'webchat:x', T + DAY), session('s3', 'webchat:y', T + 2 * DAY, true)]) await a.write(write(s));
    });
    afterEach(async () => close());

    it('reads sessions by start date, test traffic only when asked, and one conversation oldest first', async () => {
      expect((await a.sessions({})).map((s) => s.id).sort()).toEqual(['s1', 's2']);
      expect((await a.sessions({ includeTest: true })).map((s) => s.id).sort()).toEqual(['s1', 's2', 's3']);
      expect((await a.sessions({ from: T + DAY, to: T + 2 * DAY })).map((s) => s.id)).toEqual(['s2']);
      expect((await a.conversationSessions('webchat:x')).map((s) => s.id)).toEqual(['s1', 's2']);
    });

    it('pages the event log by cursor, oldest first', async () => {
      const first = await a.turns('', 2);
      expect(first.rows.map((r) => r.turn.session)).toEqual(['s1', 's2']);
      const rest = await a.turns(first.rows[1]?.cursor as string, 10);
      expect(rest.rows.map((r) => r.turn.session)).toEqual(['s3']);
      expect((await a.turns(rest.rows[0]?.cursor as string, 10)).rows).toEqual([]);
    });

    it('writes a session again by id (the latest facts win)', async () => {
      await a.write(write({ ...session('s1', 'webchat:x', T), userMessages: 7 }));
      expect((await a.sessions({})).find((s) => s.id === 's1')?.userMessages).toBe(7);
    });

    it('unlinks a conversation: its sessions stay, under the anonymous id', async () => {
      expect(await a.unlink('webchat:x', 'anonymous:1')).toBe(2);
      expect(await a.conversationSessions('webchat:x')).toEqual([]);
      expect((await a.conversationSessions('anonymous:1')).map((s) => [s.id, s.conversation])).toEqual([['s1', 'anonymous:1'], ['s2', 'anonymous:1']]);
    });

    it('drops sessions started (and events written) before the retention cut-off', async () => {
      expect(await a.expire(Date.parse('2026-03-03T00:00:00Z'))).toBe(1);
      expect((await a.sessions({ includeTest: true })).map((s) => s.id).sort()).toEqual(['s2', 's3']);
      // Redis trims its event stream by the time each row was written (its stream ids), here all just now.
      if (store.kind !== 'redis') expect((await a.turns('', 10)).rows.map((r) => r.turn.session)).toEqual(['s2', 's3']);
    });
  });
}

contract('memory analytics', async () => {
  const store = createMemoryStore();
  return { store, close: () => store.close() };
});

contract('SQLite analytics', async () => {
  const dir = await makeDataDir();
  const store = createSqliteStore({ dataDir: dir });
  return { store, close: async () => { await store.close(); await removeDataDir(dir); } };
});

const source = redisSource();
describeIfAvailable('Redis analytics', source.kind === 'none' ? source.reason : undefined, () => {
  let redis: RedisServer | undefined;
  let n = 0;
  beforeAll(async () => {
    if (source.kind === 'binary') redis = await startRedisServer(source.binary);
  });
  afterAll(async () => redis?.stop());
  contract('on one node', async () => {
    const url = source.kind === 'url' ? source.url : String(redis?.url);
    const store = createRedisStore({ url, prefix: `contract-${process.pid}-${(n += 1)}:`, logger: createLogger({ level: 'silent' }) });
    return { store, close: () => store.close() };
  });
});
