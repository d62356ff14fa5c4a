// `npm run bench`: one run on this machine, written to bench/results.json with a short table on stdout.
// Turns through POST /api/messages (echo baseline vs the real bot mid-flow on SQLite and on Redis, alternated),
// start-up to ready (cold/warm), NLU training and classify latency, memory after 10,000 conversations.
// Knobs: BENCH_SECONDS (3), BENCH_WARMUP_MS (1000), BENCH_ROUNDS (3), BENCH_CONCURRENCY (1,8,32,128), BENCH_CONVERSATIONS (10000),
// BENCH_PROFILE=1 (CPU profile of the bot at 32 concurrent), BENCH_BUILD=0 (reuse dist/),
// BENCH_ONLY=nlu,startup,turns,layers,memory,profile, BENCH_AA=echo|bot-sqlite|off (the A/A control's server),
// BENCH_BOT_REF=<git ref> (the bot servers from that commit, built into .bench-variants/; layers and NLU stay this tree's).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './child';
import { measureBrain, loadKnowledgeOrThrow } from './brain-speed';
import { BOT_JOURNEY, checkJourney } from './journey';
import { measureMemory } from './memory';
import { formatReport, type BenchResults } from './report';
import { startBenchSink } from './sink';
import { measureStartup } from './startup';
import { startServers } from './servers';
import { measureTurns, type TurnsRow } from './turns';
import { profileBot } from './profile-run';
import { measureLayers } from './layers';
import { buildVariant } from './variants';

const env = (name: string, fallback: string): string => process.env[name] || fallback;
const SECONDS = Number(env('BENCH_SECONDS', '3'));
const WARMUP_MS = Number(env('BENCH_WARMUP_MS', '1000'));
const ROUNDS = Number(env('BENCH_ROUNDS', '3'));
const CONCURRENCY = env('BENCH_CONCURRENCY', '1,8,32,128').split(',').map(Number);
const CONVERSATIONS = Number(env('BENCH_CONVERSATIONS', '10000'));
const ONLY = new Set(env('BENCH_ONLY', 'nlu,startup,turns,layers,memory').split(','));
const KNOWLEDGE_DIR = path.join(ROOT, 'knowledge');
const progress = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

/** Compiles bot/ and dialogs/ into dist/ (what `npm start` runs). Type errors elsewhere in a tree mid-work only warn. */
function build(notes: string[]): void {
  if (process.env.BENCH_BUILD === '0') return;
  progress('building dist/ (tsc -p tsconfig.build.json)');
  const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (tsc.status !== 0) notes.push(`tsc reported errors (dist/ emitted anyway): ${tsc.stdout.split('\n')[0]}`);
  if (!fs.existsSync(path.join(ROOT, 'dist/bot/main.js'))) throw new Error(`dist/bot/main.js missing after the build:\n${tsc.stdout}`);
}

/** Issue 18's targets: ≥ 0.65 × echo's turns/s at 32 conversations, p99 ≤ 2 × echo's p99 at 128. */
const MIN_RATIO = 0.65;
const MAX_P99_RATIO = 2;

function target(rows: readonly TurnsRow[], system: string, concurrency: number): string {
  const row = rows.find((r) => r.system === system && r.concurrency === concurrency);
  return row ? `${row.ratio.toFixed(2)} ${row.ratio >= MIN_RATIO && row.errors === 0 ? 'met' : 'MISSED'}` : 'not measured';
}

function tailTarget(rows: readonly TurnsRow[], system: string, concurrency: number): string {
  const row = rows.find((r) => r.system === system && r.concurrency === concurrency);
  return row ? `${row.p99Ratio.toFixed(1)} × (${row.p99.toFixed(0)} ms) ${row.p99Ratio <= MAX_P99_RATIO && row.errors === 0 ? 'met' : 'MISSED'}` : 'not measured';
}

async function main(): Promise<void> {
  const machine = {
    cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}`,
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20), loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    startedAt: new Date().toISOString(),
  };
  const notes: string[] = [];
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-bench-'));
  const sink = await startBenchSink();
  const results: { -readonly [K in keyof BenchResults]: BenchResults[K] } = {
    machine, settings: { seconds: SECONDS, rounds: ROUNDS, concurrency: CONCURRENCY, conversations: CONVERSATIONS, journey: BOT_JOURNEY },
    targets: {}, turns: [], notes,
  };
  try {
    build(notes);
    if (process.env.BENCH_BOT_REF) {
      const variant = buildVariant({ name: 'bot', ref: process.env.BENCH_BOT_REF, env: {} }, progress);
      process.env.BENCH_BOT_ENTRY = variant.entry;
      notes.push(`bot servers from ${process.env.BENCH_BOT_REF} (${variant.entry}), with this tree's knowledge; layers and NLU from this tree`);
    }
    if (ONLY.has('nlu')) {
      progress('NLU: training and classify latency, journey check');
      results.nlu = measureBrain(KNOWLEDGE_DIR);
      checkJourney(loadKnowledgeOrThrow(KNOWLEDGE_DIR));
    }
    if (ONLY.has('startup')) {
      progress('start-up: cold and warm');
      results.startup = await measureStartup(workDir, KNOWLEDGE_DIR);
    }
    if (ONLY.has('turns')) {
      const servers = await startServers({ workDir, knowledgeDir: KNOWLEDGE_DIR, notes, progress, aa: env('BENCH_AA', 'echo') });
      try {
        progress(`turns: ${ROUNDS} rounds × ${CONCURRENCY.join('/')} concurrent × ${servers.systems.map((s) => s.name).join('/')} × ${SECONDS} s`);
        results.turns = await measureTurns(servers.systems, sink, {
          concurrencies: CONCURRENCY, rounds: ROUNDS, warmupMs: WARMUP_MS, durationMs: SECONDS * 1000,
          onCell: (system, round, r) => progress(`  round ${round + 1} ${system} @${r.concurrency}: ${r.turnsPerSecond} turns/s p50 ${r.p50} p99 ${r.p99}${r.errors ? ` errors ${r.errors}: ${r.firstError}` : ''}`),
        });
      } finally {
        await servers.stop();
      }
    }
    if (ONLY.has('profile') || process.env.BENCH_PROFILE === '1') {
      results.profile = await profileBot({ workDir, knowledgeDir: KNOWLEDGE_DIR, sink, seconds: SECONDS * 2, progress });
    }
    if (ONLY.has('layers')) {
      progress('layers: CPU per turn of the engine and the conversation service, in process');
      results.layers = await measureLayers(KNOWLEDGE_DIR, workDir);
    }
    if (ONLY.has('memory')) {
      progress(`memory: idle, then ${CONVERSATIONS} conversations`);
      results.memory = await measureMemory({ workDir, dataDir: fs.mkdtempSync(path.join(workDir, 'mem-')), knowledgeDir: KNOWLEDGE_DIR, sink, conversations: CONVERSATIONS });
    }
  } finally {
    await sink.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  results.targets = {
    [`bot-sqlite ≥ ${MIN_RATIO} × echo @32`]: target(results.turns, 'bot-sqlite', 32),
    [`bot-redis ≥ ${MIN_RATIO} × echo @32`]: target(results.turns, 'bot-redis', 32),
    [`bot-sqlite p99 ≤ ${MAX_P99_RATIO} × echo's @128`]: tailTarget(results.turns, 'bot-sqlite', 128),
    [`bot-redis p99 ≤ ${MAX_P99_RATIO} × echo's @128`]: tailTarget(results.turns, 'bot-redis', 128),
    'ready < 1.5 s': results.startup ? `cold ${results.startup.coldMs} ms, warm ${results.startup.warmMs} ms` : 'not measured',
    'classify p99 < 1 ms': results.nlu ? `${results.nlu.classify.p99} ms ${results.nlu.classify.p99 < 1 ? 'met' : 'MISSED'}` : 'not measured',
    'RSS growth / 10k conversations < 50 MB': results.memory ? `${results.memory.rssGrowthPer10kMb} MB ${results.memory.rssGrowthPer10kMb < 50 ? 'met' : 'MISSED'}` : 'not measured',
  };
  fs.writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatReport(results));
  console.log('\nwritten: bench/results.json');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
