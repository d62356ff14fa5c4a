// Every kind of item has a lifetime (bot/privacy/lifetimes.ts): the policy per kind, then on each store a whole life
// of the bot's data (two users and a web chat user, a queued handoff with its ticket, one taken by an agent) with the
// clock moved past the longest lifetime: nothing said is left, except the handoff an agent still has, and the
// handoff index lists just that one.
import { itemLifetimes, userIndexLifetime } from '../../bot/privacy/lifetimes';
import { userIndexKey } from '../../bot/privacy/user-index';
import { sessionKey } from '../../bot/conversation';
import { recordKey as dlRecordKey } from '../../bot/directline/conversation-log';
import { recordKey as handoffKey } from '../../bot/handoff/records';
import { createRedisStore, createSqliteStore } from '../../bot/storage';
import { loadConfig } from '../../bot/config';
import { deleteByPrefix, useRedis } from '../bot/storage/redis-fixture';
import { filesContaining } from '../support/raw-bytes';
import { describeIfAvailable, redisSource } from '../support/redis-server';
import { A_WORDS, B_WORDS, C_WORDS, DAY, playScenario } from './support/lifetime-scenario';
import { holding, redisPlaces, sqlitePlaces } from './support/store-scan';

const config = loadConfig({});
const lifetime = itemLifetimes(config);
/** Past every default lifetime: the unrecognized-message log's 90 days are the longest. */
const LONGEST = 91 * DAY;
const MARKERS = ['saffron narwhal', 'quibble gazebo', 'cobalt ibex', 'velvet axolotl'];

describe('item lifetimes (defaults)', () => {
  it.each([
    ['a session', sessionKey('emulator:c'), {}, 30 * DAY],
    ['a web chat conversation record', dlRecordKey('dl_x'), {}, 30 * DAY],
    ['a queued handoff', handoffKey('emulator:c'), { state: 'queued' }, 30 * DAY],
    ['a closed handoff', handoffKey('emulator:c'), { state: 'closed' }, 30 * DAY],
    ['a handoff under an agent', handoffKey('emulator:c'), { state: 'active' }, 0],
    ['an agent login', 'agent/session/abc', {}, 480 * 60_000],
    ['the user index', userIndexKey('u'), {}, 30 * DAY],
    ['the handoff index', 'handoff/index', {}, 0],
  ])('%s', (_what, key, item, ms) => {
    expect(lifetime(key, item)).toBe(ms);
  });

  it('keeps the user index as long as the longest of what it points at, forever if one is forever', () => {
    expect(userIndexLifetime({ ...config, handoffRetentionDays: 60 })).toBe(60 * DAY);
    expect(userIndexLifetime({ ...config, sessionRetentionDays: 0 })).toBe(0);
  });
});

describe('a life of the data on SQLite, the clock moved past the longest lifetime', () => {
  it('leaves nothing anyone said, but the handoff an agent has; the index lists only it', async () => {
    let now = Date.now();
    const clock = { now: () => now };
    const scenario = await playScenario((dataDir) => createSqliteStore({ dataDir, now: clock.now, itemTtlMs: lifetime }), clock);
    try {
      for (const marker of MARKERS) expect(holding(sqlitePlaces(scenario.dataDir), marker)).not.toEqual([]);
      now += LONGEST;
      await scenario.sweep();
      const places = sqlitePlaces(scenario.dataDir);
      for (const marker of ['saffron narwhal', 'quibble gazebo', 'velvet axolotl']) expect(holding(places, marker)).toEqual([]);
      expect(holding(places, 'cobalt ibex').map((p) => p.where)).toEqual([`items:${handoffKey(scenario.bKey)}`]);
      const [index] = holding(places, 'handoff/index');
      expect(JSON.parse(JSON.parse(index.text).json)).toEqual({ keys: [scenario.bKey] });
      expect((await scenario.bot.bot.handoff.records.listOpen()).map((r) => r.conversationKey)).toEqual([scenario.bKey]);
      expect(filesContaining(scenario.dataDir, A_WORDS[0])).toEqual([]);
      expect(filesContaining(scenario.dataDir, C_WORDS)).toEqual([]);
      expect(filesContaining(scenario.dataDir, B_WORDS).length).toBeLessThanOrEqual(1);
    } finally {
      await scenario.close();
    }
  });
});

const source = redisSource();
describeIfAvailable('a life of the data on Redis, the clock moved past the longest lifetime', source.kind === 'none' ? source.reason : undefined, () => {
  const redis = useRedis();
  const prefix = `test:${process.pid}:privacy-life:`;
  afterEach(() => deleteByPrefix(redis.url(), prefix));

  it('sweeps the logs, and every other key that holds what anyone said expires by then, but the agent\'s handoff', async () => {
    let now = Date.now();
    const start = now;
    const clock = { now: () => now };
    const scenario = await playScenario(() => createRedisStore({ url: redis.url(), prefix, now: clock.now, itemTtlMs: lifetime }), clock);
    try {
      for (const marker of MARKERS) expect(holding(await redisPlaces(redis.url(), prefix), marker)).not.toEqual([]);
      now += LONGEST;
      await scenario.sweep();
      const places = await redisPlaces(redis.url(), prefix);
      // Redis drops each of these itself at its expiry (absolute, from the store clock): all before the longest lifetime.
      for (const marker of ['saffron narwhal', 'quibble gazebo', 'velvet axolotl']) {
        for (const place of holding(places, marker)) {
          expect({ where: place.where, expires: place.expiresAt > 0 && place.expiresAt <= start + LONGEST }).toEqual({ where: place.where, expires: true });
        }
      }
      const bPlaces = holding(places, 'cobalt ibex').filter((p) => p.expiresAt < 0);
      expect(bPlaces.map((p) => p.where)).toEqual([`item:{${handoffKey(scenario.bKey)}}`]);
      // The index keeps A's key while A's queued record lives (it expires by then); listing drops it once it is gone.
      const index = places.find((p) => p.where === 'item:{handoff/index}');
      const { keys } = JSON.parse((JSON.parse(index?.text ?? '{}') as { v: string }).v) as { keys: string[] };
      expect(keys).toContain(scenario.bKey);
      for (const key of keys.filter((k) => k !== scenario.bKey)) {
        expect(places.find((p) => p.where === `item:{${handoffKey(key)}}`)?.expiresAt).toBeLessThanOrEqual(start + LONGEST);
      }
      expect(filesContaining(scenario.dataDir, A_WORDS[1])).toEqual([]);
    } finally {
      await scenario.close();
    }
  });
});
