// bot/main.ts as a real process (through tsx): it serves, stops cleanly on SIGTERM, and a busy port or invalid
// knowledge makes it exit non-zero with a clear message. (Spawning costs seconds: keep this file to these three.)
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { makeDataDir, removeDataDir } from '../support/start-bot';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
// Each test starts a process that compiles TypeScript and trains the NLU: seconds, more on a busy machine.
const PROCESS_TIMEOUT = 120_000;

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the bot; `onLine` sees each stdout line and may return a follow-up (e.g. send SIGTERM). */
function runBot(env: Record<string, string>, onLine?: (line: string, kill: (signal: NodeJS.Signals) => void) => void): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['bot/main.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 110_000);
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach((line) => onLine?.(line, (signal) => child.kill(signal)));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await makeDataDir();
});
afterEach(() => removeDataDir(dataDir));

describe('bot process', () => {
  it('refuses to start on invalid knowledge, listing the problems', async () => {
    const knowledge = path.join(dataDir, 'knowledge');
    await mkdir(knowledge);
    await writeFile(path.join(knowledge, 'bot.yaml'), 'replies:\n  welcome:\n    chek: "typo"\n');
    const exit = await runBot({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledge });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toMatch(/bot\.yaml:\d+/);
    expect(exit.stderr).toMatch(/did not start/);
  }, PROCESS_TIMEOUT);

  it('serves /healthz, then stops with exit code 0 on SIGTERM', async () => {
    let health = 0;
    const exit = await runBot({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }, (line, kill) => {
      const parsed = (line.startsWith('{') ? JSON.parse(line) : {}) as { msg?: string; url?: string };
      if (parsed.msg !== 'bot listening' || !parsed.url) return;
      void fetch(`${parsed.url}/healthz`).then((r) => {
        health = r.status;
        kill('SIGTERM');
      });
    });
    expect({ code: exit.code, health, stderr: exit.stderr }).toEqual({ code: 0, health: 200, stderr: '' });
    expect(exit.stdout).toMatch(/"msg":"stopped"/);
  }, PROCESS_TIMEOUT);

  it('exits non-zero with a clear message when the port is busy', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const exit = await runBot({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir });
      expect(exit.code).toBe(1);
      expect(exit.stderr).toContain(`Port ${port} is already in use`);
    } finally {
      busy.close();
    }
  }, PROCESS_TIMEOUT);
});
