// Storage micro-benchmark (not a test): a turn's storage work (read + eTag write, then + 2 transcript appends) per store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { StoreItem } from 'botbuilder';
import type { BotStore } from '../bot/ports';
import { createMemoryStore, createRedisStore, createSqliteStore, isETagConflict } from '../bot/storage';
import { findRedisServerBinary, startRedisServer, type RedisServer } from '../test/support/redis-server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 1);
/** Stores take turns round by round and the median is reported: a shared machine's noise hits them all alike. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = [1, 32];
/** A session about the size of one mid-flow (≈ 1.3 KB of JSON). */
const session = {
  flow: 'iphone-backup-failed', step: 'check-icloud-storage', locale: 'en',
  facts: { device: 'iPhone 15', os: 'iOS 18.1', method: 'icloud', storageFull: 'unknown' },
  steps: Array.from({ length: 6 }, (_, i) => ({ id: `step-${i}`, outcome: i % 2 ? 'not_fixed' : 'done', at: new Date(0).toISOString() })),
  recentActivityIds: Array.from({ length: 10 }, (_, i) => `activity-${i}-0123456789abcdef`),
  notes: 'x'.repeat(400),
};

type Workload = 'read+write' | 'read+write+2 appends';

/** One conversation's turn: read, write back on the eTag read (retry on conflict), optionally log two lines. */
async function turn(store: BotStore, key: string, workload: Workload): Promise<void> {
  for (;;) {
    const current = ((await store.storage.read([`session/${key}`]))[`session/${key}`] ?? {}) as StoreItem;
    try {
      await store.storage.write({ [`session/${key}`]: { ...session, ...current, turns: (current.turns ?? 0) + 1 } });
      break;
    } catch (err) {
      if (!isETagConflict(err)) throw err;
    }
  }
  if (workload === 'read+write+2 appends') {
    await store.logs.append(`transcript/${key}`, { from: 'user', text: 'it still fails', at: new Date().toISOString() });
    await store.logs.append(`transcript/${key}`, { from: 'bot', text: 'Let us check iCloud storage next.', at: new Date().toISOString() });
  }
}

async function measure(store: BotStore, workload: Workload, concurrency: number) {
  const latencies: number[] = [];
  const run = async (until: number, record: boolean, worker: number) => {
    for (let i = 0; performance.now() < until; i += 1) {
      const started = performance.now();
      await turn(store, `bench-${worker}-${i % 50}`, workload);
      if (record) latencies.push(performance.now() - started);
    }
  };
  const warmUntil = performance.now() + 200;
  await Promise.all(Array.from({ length: concurrency }, (_, w) => run(warmUntil, false, w)));
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, w) => run(start + SECONDS * 1000, true, w)));
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { turnsPerSecond: Math.round(latencies.length / elapsed), p50: round(pick(0.5)), p99: round(pick(0.99)) };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-storage-'));
  let server: RedisServer | undefined;
  let redisUrl = process.env.REDIS_URL;
  const binary = findRedisServerBinary();
  if (!redisUrl && binary) {
    server = await startRedisServer(binary);
    redisUrl = server.url;
  }
  const stores: [string, () => BotStore][] = [
    ['memory', () => createMemoryStore()],
    ['sqlite', () => createSqliteStore({ dataDir })],
  ];
  if (redisUrl) stores.push(['redis', () => createRedisStore({ url: redisUrl, prefix: `bench:${process.pid}:` })]);
  else console.warn('redis: skipped (no REDIS_URL and no redis-server binary)');

  type Sample = Awaited<ReturnType<typeof measure>>;
  const samples = new Map<string, Sample[]>();
  const opened = stores.map(([name, open]) => [name, open()] as const);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, store] of opened) {
      for (const workload of ['read+write', 'read+write+2 appends'] as const) {
        for (const concurrency of CONCURRENCY) {
          const cell = JSON.stringify([name, workload, concurrency]);
          samples.set(cell, [...(samples.get(cell) ?? []), await measure(store, workload, concurrency)]);
        }
      }
    }
  }
  for (const [, store] of opened) await store.close();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const rows = [...samples].map(([cell, runs]) => {
    const [store, workload, concurrency] = JSON.parse(cell) as [string, Workload, number];
    return {
      store, workload, concurrency,
      turnsPerSecond: median(runs.map((r) => r.turnsPerSecond)),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
    };
  });
  console.table(rows);
  console.log(JSON.stringify({ bench: 'storage', node: process.version, cpus: os.cpus().length, load: os.loadavg()[0], seconds: SECONDS, rounds: ROUNDS, rows }));
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
