// The real bot as a separate process (`bot/main.ts` through tsx's loader, so no build is needed), on 127.0.0.1:0.
// Ready when its "bot listening" log line names the URL (bounded deadline); the log is kept to print on failure.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '../..');
const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
/** Generous: a cold start trains the NLU, and two bots (plus other suites) share two cores. */
const READY_DEADLINE_MS = 120_000;
const EXIT_DEADLINE_MS = 20_000;

export interface BotProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** Resolves with the exit code (null when killed by a signal) once the process is gone. */
  readonly exited: Promise<number | null>;
  /** The bot's log lines so far (JSON), for failure messages. */
  log(): string;
  /** Sends the signal and waits for the exit (SIGKILL after a deadline). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

export function startBotProcess(name: string, env: Readonly<Record<string, string>>): Promise<BotProcess> {
  // A clean environment: nothing from the developer's shell or a .env file (cwd is the repo, so set what matters).
  const childEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', REDIS_URL: '', ...env };
  const child = spawn(process.execPath, ['--import', TSX_LOADER, path.join(ROOT, 'bot/main.ts')], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => (running.delete(child), resolve(code))));
  const log = (): string => lines.slice(-80).join('\n');
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_DEADLINE_MS);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  return new Promise((resolve, reject) => {
    let partial = '';
    let ready = false;
    const timer = setTimeout(() => void stop('SIGKILL').then(() => reject(new Error(`${name}: not listening within ${READY_DEADLINE_MS} ms\n${log()}`))), READY_DEADLINE_MS);
    child.stderr.on('data', (chunk: Buffer) => lines.push(`[stderr] ${chunk.toString().trimEnd()}`));
    child.stdout.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > 2000) lines.splice(0, 1000);
        const url = !ready && line.includes('"bot listening"') ? (JSON.parse(line) as { url?: string }).url : undefined;
        if (!url) continue;
        ready = true;
        clearTimeout(timer);
        resolve({ name, url, pid: child.pid ?? 0, exited, log, stop });
      }
    });
    void exited.then((code) => {
      if (ready) return;
      clearTimeout(timer);
      reject(new Error(`${name}: exited with ${code} before listening\n${log()}`));
    });
  });
}
