// Servers under test as child processes on 127.0.0.1 (their own event loop, apart from the load generator): the real
// bot (`node dist/bot/main.js`) or the echo baseline. Ready = GET /healthz answers 200 (bounded deadline). Over an
// IPC channel a child reports its memory after a full GC; it exits by itself if the benchmark process goes away.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import ts from 'typescript';

export const ROOT = path.resolve(__dirname, '..');
const READY_DEADLINE_MS = 120_000;
const STOP_DEADLINE_MS = 15_000;

/**
 * Runs before the entry module: memory on request (after gc); V8's GC profiler between 'gc-start' and 'gc-stop'
 * (main-thread GC time and bytes allocated: the heap used before each GC minus after the previous one); no orphans.
 */
const PRELUDE = [
  "const v8 = require('v8'); let gcp;",
  "const gcSummary = (r) => { let ms = 0, bytes = 0, after; for (const s of r.statistics) { ms += s.cost / 1000;",
  "  if (after !== undefined) bytes += Math.max(0, s.beforeGC.heapStatistics.usedHeapSize - after); after = s.afterGC.heapStatistics.usedHeapSize; }",
  "  return { ms, allocatedBytes: bytes, collections: r.statistics.length }; };",
  "process.on('message', (m) => {",
  "  if (m === 'memory') { global.gc(); process.send({ memory: process.memoryUsage() }); }",
  "  else if (m === 'gc-start') { gcp?.stop(); gcp = new v8.GCProfiler(); gcp.start(); process.send({ gcStarted: true }); }",
  "  else if (m === 'gc-stop') { const r = gcp?.stop(); gcp = undefined; process.send({ gc: r ? gcSummary(r) : undefined }); }",
  "});",
  "process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));",
  'require(process.env.BENCH_ENTRY);',
].join('\n');

export type ServerKind = 'bot' | 'echo';

/** Main-thread GC time and bytes allocated over a window, from V8's GCProfiler in the child. */
export interface GcSample {
  readonly ms: number;
  /** Heap bytes allocated between the window's first and last GC (undercounts the tail after the last GC). */
  readonly allocatedBytes: number;
  readonly collections: number;
}

export interface SpawnOptions {
  readonly kind: ServerKind;
  /** Variables on top of PATH and HOME (the bot's own .env is not read: the child runs in `cwd`). */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  /** Where stdout and stderr go (the bot's JSON log lines). */
  readonly logFile: string;
  /** Another compiled entry than the kind's own (e.g. an experimental copy of dist/ to compare against). */
  readonly entry?: string;
  /** Write a V8 CPU profile here when the child exits (`--cpu-prof`). */
  readonly cpuProfDir?: string;
}

export interface ChildServer {
  readonly kind: ServerKind;
  readonly url: string;
  readonly pid: number;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  readonly readyMs: number;
  memory(): Promise<NodeJS.MemoryUsage>;
  /** Starts V8's GC profiler in the child; `stop` returns what it saw since. */
  gcStart(): Promise<void>;
  gcStop(): Promise<GcSample | undefined>;
  /** CPU time (user + system) the process has used so far, from /proc; undefined where there is no /proc. */
  cpuMs(): number | undefined;
  /** SIGTERM (SIGKILL after a deadline); resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const live = new Set<ChildProcess>();
process.once('exit', () => live.forEach((child) => child.kill('SIGKILL')));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** utime + stime of a process in ms (/proc/<pid>/stat fields 14 and 15, in clock ticks of 10 ms on Linux). */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

export function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
  });
}

/**
 * Both servers run as plain compiled JavaScript, no loader hooks, so neither pays for a TypeScript runtime: the bot
 * from the build (`dist/bot/main.js`), the echo bot transpiled here next to it (`dist/bench/echo-bot.js`).
 */
function entryOf(kind: ServerKind): string {
  // BENCH_BOT_REF (bench/run.ts) measures another commit's bot, built into .bench-variants/.
  if (kind === 'bot') return process.env.BENCH_BOT_ENTRY || path.join(ROOT, 'dist/bot/main.js');
  const source = fs.readFileSync(path.join(ROOT, 'bench/echo-bot.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  const entry = path.join(ROOT, 'dist/bench/echo-bot.js');
  fs.mkdirSync(path.dirname(entry), { recursive: true });
  fs.writeFileSync(entry, outputText);
  return entry;
}

/** Sends a request over IPC and resolves with the first answer carrying `key`. */
function ask<T>(child: ChildProcess, request: string, key: string): Promise<T> {
  return new Promise((resolve) => {
    const listen = (m: unknown): void => {
      if (typeof m !== 'object' || m === null || !(key in m)) return;
      child.off('message', listen);
      resolve(m as T);
    };
    child.on('message', listen);
    child.send(request);
  });
}

export async function spawnServer(options: SpawnOptions): Promise<ChildServer> {
  const port = await freePort();
  const entry = options.entry ?? entryOf(options.kind);
  const prof = options.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfDir] : [];
  const out = fs.openSync(options.logFile, 'a');
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env, PORT: String(port), HOST: '127.0.0.1', BENCH_ENTRY: entry };
  const started = performance.now();
  const child = spawn(process.execPath, ['--expose-gc', ...prof, '-e', PRELUDE], { cwd: options.cwd, env, stdio: ['ignore', out, out, 'ipc'] });
  fs.closeSync(out);
  live.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => (live.delete(child), resolve(code))));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_DEADLINE_MS;
  while ((await httpStatus(`${url}/healthz`)) !== 200) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      const log = fs.readFileSync(options.logFile, 'utf8').slice(-3000);
      throw new Error(`${options.kind} server did not become ready (exit ${child.exitCode}); log tail:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const readyMs = performance.now() - started;
  return {
    kind: options.kind, url, pid: child.pid ?? 0, readyMs,
    memory: () => ask<{ memory: NodeJS.MemoryUsage }>(child, 'memory', 'memory').then((m) => m.memory),
    gcStart: () => ask(child, 'gc-start', 'gcStarted').then(() => undefined),
    gcStop: () => ask<{ gc?: GcSample }>(child, 'gc-stop', 'gc').then((m) => m.gc),
    cpuMs: () => processCpuMs(child.pid ?? 0),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_DEADLINE_MS);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
