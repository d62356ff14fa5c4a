// Correct to the last conversation: 1,200 scripted conversations (about 2,400 sessions of every kind: small talk,
// confirmed at every step, escalated for every reason, fixes left and assumed, returns within 72 hours, sessions split
// by idle time and by explicit ends, CSAT answered, answered twice and skipped, test traffic) go through the real
// conversation service and store; the report must equal the truth tallied from the scripts' plans, exactly. Once on
// SQLite, once with two instances on one Redis taking turns of the same conversations.
import { createAnalyticsRecorder } from '../../bot/analytics/recorder';
import { parseFilter } from '../../bot/analytics/filters';
import { buildSummary } from '../../bot/analytics/report';
import type { Summary } from '../../bot/analytics/summary-types';
import { createConversationService } from '../../bot/conversation';
import { createLogger } from '../../bot/logger';
import type { BotStore, ConversationService } from '../../bot/ports';
import { createRedisStore, createSqliteStore } from '../../bot/storage';
import { describeIfAvailable, redisSource, startRedisServer, type RedisServer } from '../support/redis-server';
import { makeDataDir, removeDataDir } from '../support/start-bot';
import { createScriptedEngine } from './support/scripted-engine';
import { buildWorld, FLOWS, type ScriptConversation, type Truth, type World } from './support/script-world';

const CONVERSATIONS = 1200;
const world: World = buildWorld(CONVERSATIONS);
const logger = createLogger({ level: 'silent' });
const flows = Object.entries(FLOWS).map(([id, steps]) => ({ id, steps: steps.map((s) => ({ id: s })) }));

function service(store: BotStore): ConversationService {
  return createConversationService({ engine: createScriptedEngine(), store, logger, analytics: createAnalyticsRecorder({ knowledge: 'k-test', sessionMinutes: 30 }) });
}

/** Plays every conversation, several at a time; each turn goes to the instance `route` picks. */
async function play(instances: readonly ConversationService[], route: (conversation: number, turn: number) => number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < world.conversations.length) {
      const index = next++;
      const c = world.conversations[index] as ScriptConversation;
      for (const [i, t] of c.turns.entries()) {
        await (instances[route(index, i)] as ConversationService).handle({
          address: { channel: c.channel, conversationKey: `${c.channel}:${c.id}`, reference: {} },
          user: { id: `u-${c.id}` },
          input: { kind: t.kind, now: new Date(t.at).toISOString(), locale: 'en-US', ...(t.kind === 'message' ? { text: JSON.stringify(t.events) } : {}) },
          activityId: `${c.id}-${i}`,
          ...(c.test ? { test: true } : {}),
        });
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

function expectTruth(r: Summary, t: Truth): void {
  const { csat, reasons, steps, ...counts } = t;
  expect(r).toMatchObject(counts);
  expect(r.csat).toMatchObject({ responses: csat.responses, asked: csat.asked, mean: Math.round((csat.sum / csat.responses) * 100) / 100 });
  expect(r.escalations.reasons).toEqual(reasons);
  const got = Object.fromEntries(r.steps.map((s) => [`${s.flow}/${s.step}`, { shown: s.shown, fixed: s.fixed, not_fixed: s.not_fixed, already_tried: s.already_tried, dropped: s.dropped, escalated: s.escalated, waiting: s.waiting }]));
  expect(got).toEqual(steps);
}

async function report(store: BotStore): Promise<Summary> {
  return buildSummary({ analytics: store.analytics as NonNullable<BotStore['analytics']>, sessionMinutes: 30, flows, now: () => world.now }, parseFilter({}));
}

describe('analytics correctness over scripted conversations', () => {
  it('plays a world with every kind of outcome in it', () => {
    const t = world.truth;
    expect(world.conversations.length).toBeGreaterThanOrEqual(1000);
    for (const n of [t.unengaged, t.resolved_confirmed, t.resolved_assumed, t.escalated, t.abandoned, t.awaiting_return, t.in_progress, t.csat.responses, t.csat.asked - t.csat.responses]) {
      expect(n).toBeGreaterThan(20);
    }
    expect(Object.keys(t.reasons).sort()).toEqual(['all_fixes_failed', 'asked_apple', 'asked_person', 'repeated_misunderstanding']);
  });

  it('reports exactly the truth on SQLite', async () => {
    const dir = await makeDataDir();
    const store = createSqliteStore({ dataDir: dir });
    try {
      await play([service(store)], () => 0);
      expectTruth(await report(store), world.truth);
      // Test traffic is kept, and shown when asked for.
      const all = await buildSummary({ analytics: store.analytics as NonNullable<BotStore['analytics']>, sessionMinutes: 30, now: () => world.now }, parseFilter({ include_test: 'true' }));
      expect(all.sessions).toBeGreaterThan(world.truth.sessions);
    } finally {
      await store.close();
      await removeDataDir(dir);
    }
  }, 120_000);
});

const source = redisSource();
describeIfAvailable('analytics correctness with two instances on one Redis', source.kind === 'none' ? source.reason : undefined, () => {
  let redis: RedisServer | undefined;
  beforeAll(async () => {
    if (source.kind === 'binary') redis = await startRedisServer(source.binary);
  });
  afterAll(async () => redis?.stop());

  it('counts every turn once whichever instance wrote it, and reports exactly the truth', async () => {
    const url = source.kind === 'url' ? source.url : String(redis?.url);
    const prefix = `analytics-${Date.now()}:`;
    const [a, b] = [createRedisStore({ url, prefix, logger }), createRedisStore({ url, prefix, logger })];
    try {
      // Turns of one conversation alternate between the instances (no sticky sessions).
      await play([service(a), service(b)], (conversation, turn) => (conversation + turn) % 2);
      expectTruth(await report(a), world.truth);
      expect(await report(b)).toEqual(await report(a));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 300_000);
});
