// `npm run bench:instructions`: instructions per turn (valgrind's callgrind, Ir) of each variant's bot, for the fine
// comparisons that CPU time on this shared machine cannot resolve: an instruction count does not care who else is
// running. Each variant (bench/variants.ts, as in bench:compare) runs twice, in the order A B … B A, so the two runs of
// one variant give the noise floor (JIT and GC timing still vary a little). Per run: the bot under callgrind with
// V8 single-threaded (`--single-threaded`: GC and compilation on the main thread, all counted), warm-up turns with
// instrumentation off, then the measured turns with it on (callgrind_control). Slow: ≈ 8 minutes a run.
// Knobs: BENCH_VARIANTS (base=HEAD,new=.), BENCH_WARMUP_TURNS (1500), BENCH_TURNS (1800), BENCH_CONCURRENCY (2).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, httpStatus } from './child';
import { BOT_JOURNEY } from './journey';
import { createPoster } from './load';
import { startBenchSink, type BenchSink } from './sink';
import { round } from './stats';
import { buildVariant, parseVariant, type Variant } from './variants';

const env = (name: string, fallback: string): string => process.env[name] || fallback;
const WARMUP = Number(env('BENCH_WARMUP_TURNS', '1500'));
const TURNS = Number(env('BENCH_TURNS', '1800'));
const CONCURRENCY = Number(env('BENCH_CONCURRENCY', '2'));
const READY_DEADLINE_MS = 600_000;
const progress = (message: string): void => void process.stderr.write(`[instructions] ${message}\n`);

/** callgrind_control finds the run by user and host names, which valgrind took from this environment. */
const names = { USER: process.env.USER || 'root', LOGNAME: process.env.LOGNAME || process.env.USER || 'root', HOST: '127.0.0.1' };
const control = (pid: number, ...args: string[]): void => void execFileSync('callgrind_control', [...args, String(pid)], { env: { ...process.env, ...names }, stdio: 'ignore' });

/** `count` turns of the journey, `CONCURRENCY` conversations at a time; throws on a failed turn. */
async function turns(url: string, sink: BenchSink, prefix: string, count: number): Promise<void> {
  const poster = createPoster(url, sink, CONCURRENCY);
  let next = 0;
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, async (_, w) => {
      for (let t = 0; next < count; t += 1, next += 1) {
        const conversation = `${prefix}-${w}-${Math.floor(t / 48)}`;
        const outcome = await poster.turn(conversation, `${conversation}-t${t}`, BOT_JOURNEY[(t % 48) % BOT_JOURNEY.length], `user-${w}`);
        if (outcome.error) throw new Error(`${prefix}: ${outcome.error}`);
      }
    }));
  } finally {
    poster.close();
  }
}

/** One run: instructions per measured turn. */
async function measure(variant: Variant, sink: BenchSink, workDir: string, run: string): Promise<number> {
  const port = await freePort();
  const out = path.join(workDir, `${run}.out`);
  const log = fs.openSync(path.join(workDir, `${run}.log`), 'a');
  const childEnv = {
    PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...names, PORT: String(port),
    DATA_DIR: fs.mkdtempSync(path.join(workDir, `${run}-`)), KNOWLEDGE_DIR: variant.knowledgeDir, REDIS_URL: '', LOG_LEVEL: 'info',
    CONVERSATION_RATE_LIMIT_PER_MINUTE: '0', HANDOFF_BF_EVENTS: 'true', ...variant.env,
  };
  const args = ['--tool=callgrind', '--instr-atstart=no', '--smc-check=all-non-file', `--callgrind-out-file=${out}`, process.execPath, '--single-threaded', variant.entry];
  const child = spawn('valgrind', args, { cwd: workDir, env: childEnv, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  try {
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + READY_DEADLINE_MS;
    while ((await httpStatus(`${url}/healthz`)) !== 200) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${run}: the bot did not start under valgrind (see ${workDir}/${run}.log)`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await turns(url, sink, `${run}-warm`, WARMUP);
    control(child.pid ?? 0, '-i', 'on');
    await turns(url, sink, `${run}-m`, TURNS);
    control(child.pid ?? 0, '-i', 'off');
    control(child.pid ?? 0, '-d');
  } finally {
    child.kill('SIGKILL');
  }
  const dump = fs.readdirSync(workDir).filter((f) => f.startsWith(`${run}.out`)).map((f) => fs.readFileSync(path.join(workDir, f), 'utf8')).join('\n');
  const totals = [...dump.matchAll(/^totals:\s+(\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  if (totals === 0) throw new Error(`${run}: no callgrind totals in ${out}*`);
  return totals / TURNS;
}

async function main(): Promise<void> {
  const variants = env('BENCH_VARIANTS', 'base=HEAD,new=.').split(',').map(parseVariant).map((spec) => buildVariant(spec, progress));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-instructions-'));
  const sink = await startBenchSink();
  const results = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  try {
    for (const variant of [...variants, ...[...variants].reverse()]) {
      const runs = results.get(variant.name) ?? [];
      const run = `${variant.name}-${runs.length + 1}`;
      progress(`${run}: ${WARMUP} warm-up turns, then ${TURNS} measured, ${CONCURRENCY} at a time, under callgrind`);
      runs.push(await measure(variant, sink, workDir, run));
      progress(`${run}: ${round(runs[runs.length - 1] / 1e6, 3)} M instructions per turn`);
    }
  } finally {
    await sink.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const base = mean(results.get(variants[0].name) ?? []);
  console.log(`\nInstructions per turn (callgrind Ir, millions; ${TURNS} turns after ${WARMUP} of warm-up, ${CONCURRENCY} at a time):`);
  for (const [name, runs] of results) {
    const spread = runs.length > 1 ? `, its two runs ${round((100 * Math.abs(runs[0] - runs[1])) / mean(runs), 1)} % apart` : '';
    console.log(`  ${name.padEnd(12)} ${runs.map((r) => round(r / 1e6, 3)).join(' / ').padEnd(18)} mean ${round(mean(runs) / 1e6, 3)}  ÷ ${variants[0].name} ${round(mean(runs) / base, 3)}${spread}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
