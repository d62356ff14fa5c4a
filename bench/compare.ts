// `npm run bench:compare`: before/after of a change on this shared, noisy machine. The bot of each variant (a git ref
// built by bench/variants.ts, or '.' for this tree) runs as its own child process beside the echo bot and an A/A twin
// of the first variant; every round measures every server once, in a shuffled order; the report gives medians and,
// per variant, the median of its per-round ratios to the first variant (paired, so drifts of the machine cancel out;
// with a twin, to the mean of the first variant and its twin) with their interquartile range. The A/A twin's row is
// the noise floor: a difference inside it is not a finding.
// Knobs: BENCH_VARIANTS (base=HEAD,new=.; `name=ref+KEY=VALUE` adds environment), BENCH_ROUNDS (12), BENCH_SECONDS (2),
// BENCH_CONCURRENCY (32), BENCH_STORE (sqlite | redis), BENCH_AA (1; 0 = no twin).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnServer, type ChildServer } from './child';
import { BOT_JOURNEY } from './journey';
import { runLoad, type LoadResult } from './load';
import { benchRedis } from './servers';
import { startBenchSink } from './sink';
import { median, quantile } from './stats';
import { buildVariant, parseVariant, type Variant } from './variants';

const env = (name: string, fallback: string): string => process.env[name] || fallback;
const ROUNDS = Number(env('BENCH_ROUNDS', '12'));
const SECONDS = Number(env('BENCH_SECONDS', '2'));
const WARMUP_MS = Number(env('BENCH_WARMUP_MS', '1000'));
const CONCURRENCY = Number(env('BENCH_CONCURRENCY', '32'));
const STORE = env('BENCH_STORE', 'sqlite');
const progress = (message: string): void => void process.stderr.write(`[compare] ${message}\n`);

interface Server {
  readonly name: string;
  readonly child: ChildServer;
}

/** Fisher–Yates with a seeded generator, so a run's order can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  const next = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The per-field mean of two cells (only the fields the ratios read). */
function meanOf(a: LoadResult, b: LoadResult | undefined): LoadResult {
  if (!b) return a;
  const avg = (x: number | undefined, y: number | undefined): number | undefined => (x === undefined || y === undefined ? undefined : (x + y) / 2);
  return { ...a, turnsPerSecond: (a.turnsPerSecond + b.turnsPerSecond) / 2, p99: (a.p99 + b.p99) / 2, serverCpuMsPerTurn: avg(a.serverCpuMsPerTurn, b.serverCpuMsPerTurn) };
}

const fmt = (n: number | undefined, digits = 2): string => (n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits));

/** Median and interquartile range of per-round ratios `pick(run) / pick(base run)`. */
function paired(runs: readonly LoadResult[], base: readonly LoadResult[], pick: (r: LoadResult) => number | undefined): string {
  const ratios = runs.map((r, i) => (pick(r) ?? NaN) / (pick(base[i]) ?? NaN)).filter(Number.isFinite).sort((a, b) => a - b);
  if (ratios.length === 0) return '-';
  return `${fmt(median(ratios))} [${fmt(quantile(ratios, 0.25))}–${fmt(quantile(ratios, 0.75))}]`;
}

async function main(): Promise<void> {
  const specs = env('BENCH_VARIANTS', 'base=HEAD,new=.').split(',').map(parseVariant);
  const variants = specs.map((spec) => buildVariant(spec, progress));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-compare-'));
  const sink = await startBenchSink();
  const notes: string[] = [];
  const redis = STORE === 'redis' ? await benchRedis(notes) : undefined;
  if (STORE === 'redis' && !redis) throw new Error(notes.join('; '));
  const servers: Server[] = [];
  try {
    const start = async (name: string, kind: 'bot' | 'echo', variant?: Variant): Promise<void> => {
      const child = await spawnServer({
        kind, cwd: workDir, logFile: path.join(workDir, `${name}.log`), ...(variant ? { entry: variant.entry } : {}),
        env: !variant ? {} : {
          DATA_DIR: fs.mkdtempSync(path.join(workDir, `${name}-`)), KNOWLEDGE_DIR: variant.knowledgeDir, LOG_LEVEL: 'info',
          REDIS_URL: redis ? `${redis.url}/${servers.length}` : '', CONVERSATION_RATE_LIMIT_PER_MINUTE: '0', HANDOFF_BF_EVENTS: 'true', ...variant.env,
        },
      });
      servers.push({ name, child });
    };
    await start('echo', 'echo');
    for (const v of variants) await start(v.name, 'bot', v);
    if (env('BENCH_AA', '1') !== '0') await start(`${variants[0].name}-aa`, 'bot', variants[0]);
    progress(`${ROUNDS} rounds × ${servers.map((s) => s.name).join('/')} @${CONCURRENCY} on ${STORE}, ${SECONDS} s cells, shuffled`);
    const cells = new Map<string, LoadResult[]>(servers.map((s) => [s.name, []]));
    for (let r = 0; r < ROUNDS; r += 1) {
      for (const server of shuffled(servers, r + 1)) {
        const result = await runLoad({
          target: server.child.url, sink, concurrency: CONCURRENCY, script: BOT_JOURNEY, conversationPrefix: `${server.name}-r${r}`,
          warmupMs: WARMUP_MS, durationMs: SECONDS * 1000, serverCpuMs: server.child.cpuMs,
          serverGc: { start: server.child.gcStart, stop: server.child.gcStop },
        });
        cells.get(server.name)?.push(result);
        progress(`  round ${r + 1} ${server.name}: ${result.turnsPerSecond} turns/s cpu ${result.serverCpuMsPerTurn} p99 ${result.p99}${result.errors ? ` ERRORS ${result.errors}: ${result.firstError}` : ''}`);
      }
    }
    const first = cells.get(variants[0].name) ?? [];
    const twin = cells.get(`${variants[0].name}-aa`);
    // The base of each round: the first variant, or the mean of it and its twin (a lone copy can sit a few % off).
    const base = twin ? first.map((r, i) => meanOf(r, twin[i])) : first;
    const echo = cells.get('echo') ?? [];
    const lines = [
      '', `${ROUNDS} rounds @${CONCURRENCY} on ${STORE}, load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
      `${'server'.padEnd(12)}${'turns/s'.padStart(8)}${'cpu'.padStart(7)}${'p99'.padStart(8)}${'gc'.padStart(6)}${'KB'.padStart(6)}  ${'×echo'.padEnd(18)}${'cpu ÷ base'.padEnd(19)}${'turns/s ÷ base'.padEnd(19)}p99 ÷ base`,
      twin ? `(base = the mean of ${variants[0].name} and its A/A twin in each round)` : '',
    ];
    for (const server of servers) {
      const runs = cells.get(server.name) ?? [];
      const errors = runs.reduce((sum, r) => sum + r.errors, 0);
      const m = (pick: (r: LoadResult) => number | undefined): number => median(runs.map((r) => pick(r) ?? NaN));
      lines.push([
        server.name.padEnd(12), fmt(m((r) => r.turnsPerSecond), 0).padStart(8), fmt(m((r) => r.serverCpuMsPerTurn)).padStart(7), fmt(m((r) => r.p99), 0).padStart(8),
        `${fmt(m((r) => r.gcShare) * 100, 0)}%`.padStart(6), fmt(m((r) => r.allocKbPerTurn), 0).padStart(6), '  ',
        paired(runs, echo, (r) => r.turnsPerSecond).padEnd(18), paired(runs, base, (r) => r.serverCpuMsPerTurn).padEnd(19),
        paired(runs, base, (r) => r.turnsPerSecond).padEnd(19), paired(runs, base, (r) => r.p99), errors ? `  ${errors} ERRORS` : '',
      ].join(''));
    }
    console.log(lines.join('\n'));
    const file = path.join(__dirname, 'compare-results.json');
    fs.writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), store: STORE, concurrency: CONCURRENCY, variants, cells: Object.fromEntries(cells) }, null, 1)}\n`);
  } finally {
    await Promise.all(servers.map((s) => s.child.stop()));
    await redis?.server?.stop();
    await sink.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
