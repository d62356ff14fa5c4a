// `npm run bench:analytics`: how long the summary takes over 100,000 generated sessions (about three steps each, every
// outcome), on SQLite and, when a redis-server is on the PATH or REDIS_URL is set, on Redis. Median of 5 after a warm-up.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFilter } from '../bot/analytics/filters';
import { buildSummary } from '../bot/analytics/report';
import type { AnalyticsStore, SessionFacts } from '../bot/analytics/types';
import { createLogger } from '../bot/logger';
import type { BotStore } from '../bot/ports';
import { createRedisStore, createSqliteStore } from '../bot/storage';
import { startRedisServer, findRedisServerBinary } from '../test/support/redis-server';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 100_000);
const STEPS = ['check_storage', 'check_wifi', 'check_status', 'restart_iphone', 'update_ios', 'reset_network', 'sign_out_in'];
const NOW = Date.parse('2026-06-30T12:00:00Z');

function generate(i: number): SessionFacts {
  const r = (n: number): number => (i * 2654435761 + n * 40503) % 1000 / 1000;
  const startedAt = NOW - Math.floor(r(1) * 90 * 86_400_000);
  const reach = 1 + Math.floor(r(2) * STEPS.length);
  const kind = Math.floor(r(3) * 5);
  const steps = STEPS.slice(0, reach).map((step, k) => ({ flow: 'iphone-backup-failed', step, ...(k < reach - 1 ? { answer: r(4 + k) < 0.8 ? 'not_fixed' : 'already_tried' } : kind === 0 ? { answer: 'fixed' } : {}) }));
  return {
    id: `s${i}`, conversation: `webchat:c${Math.floor(i / 2)}`, channel: r(5) < 0.7 ? 'webchat' : 'msteams', locale: 'en-US', language: 'en', knowledge: 'abc123', test: r(6) < 0.02,
    startedAt, lastAt: startedAt + reach * 60_000, engaged: kind !== 4, userMessages: reach + 1, unrecognized: r(7) < 0.1 ? 1 : 0, outOfScope: 0,
    flow: 'iphone-backup-failed', steps, lastStep: steps.length - 1,
    ...(kind === 0 ? { resolved: { flow: 'iphone-backup-failed', step: STEPS[reach - 1] as string }, csatAsked: true, ...(r(8) < 0.6 ? { csat: 1 + Math.floor(r(9) * 5) } : {}) } : {}),
    ...(kind === 1 ? { escalated: { reason: 'all_fixes_failed', routes: ['apple'], flow: 'iphone-backup-failed', step: STEPS[reach - 1] as string } } : {}),
    ...(r(10) < 0.1 ? { returned: true as const } : {}),
    lastSaid: `Step: ${STEPS[reach - 1]}`,
  };
}

async function fill(store: BotStore): Promise<void> {
  const analytics = store.analytics as AnalyticsStore;
  const batch: Promise<void>[] = [];
  for (let i = 0; i < SESSIONS; i += 1) {
    const s = generate(i);
    batch.push(analytics.write({ turn: { at: s.lastAt, session: s.id, kind: 'message', channel: s.channel, knowledge: s.knowledge, test: s.test, events: [] }, sessions: [s] }));
    if (batch.length >= 500) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
}

async function time(store: BotStore): Promise<{ medianMs: number; sessions: number }> {
  const source = { analytics: store.analytics as AnalyticsStore, sessionMinutes: 30, now: () => NOW };
  const filter = parseFilter({ include_test: 'true' });
  await buildSummary(source, filter);
  const runs: number[] = [];
  let counted = 0;
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    counted = (await buildSummary(source, filter)).sessions;
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  return { medianMs: Math.round(runs[2] as number), sessions: counted };
}

async function main(): Promise<void> {
  const logger = createLogger({ level: 'silent' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-analytics-'));
  const results: Record<string, unknown> = {};
  try {
    const sqlite = createSqliteStore({ dataDir: dir });
    await fill(sqlite);
    results.sqlite = await time(sqlite);
    await sqlite.close();
    const binary = process.env.REDIS_URL ? undefined : findRedisServerBinary();
    const server = binary ? await startRedisServer(binary) : undefined;
    const url = process.env.REDIS_URL ?? server?.url;
    if (url) {
      const redis = createRedisStore({ url, prefix: `bench-analytics-${Date.now()}:`, logger, commandTimeoutMs: 30_000 });
      await fill(redis);
      results.redis = await time(redis);
      await redis.close();
    }
    await server?.stop();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ sessions: SESSIONS, node: process.version, cpus: os.cpus().length, results }, null, 2));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
