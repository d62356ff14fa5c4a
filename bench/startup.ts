// Start-up to ready: `node dist/bot/main.js` spawned until GET /healthz answers 200. Cold = an empty DATA_DIR (the
// NLU trains); warm = a fresh DATA_DIR holding what a cold start left behind apart from the SQLite database (the
// model cache keyed by the knowledge hash, if the NLU writes one). Alternated, medians reported.
import fs from 'node:fs';
import path from 'node:path';
import { spawnServer } from './child';
import { median, round } from './stats';

export interface StartupResult {
  readonly coldMs: number;
  readonly warmMs: number;
  /** The bot process's own CPU time (all threads) until ready: steadier than wall time on a shared machine. */
  readonly coldCpuMs?: number;
  readonly warmCpuMs?: number;
  readonly runs: number;
  /** Files carried from a cold start's DATA_DIR into the warm one: empty means there was no model cache to reuse. */
  readonly carriedFiles: readonly string[];
}

const isDatabase = (file: string): boolean => /^bot\.sqlite(-wal|-shm|-journal)?$/.test(file);

async function timeStart(dataDir: string, workDir: string, knowledgeDir: string): Promise<{ wall: number; cpu?: number }> {
  const server = await spawnServer({
    kind: 'bot', cwd: workDir, logFile: path.join(workDir, 'startup.log'),
    env: { DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir, REDIS_URL: '', LOG_LEVEL: 'info' },
  });
  const cpu = server.cpuMs();
  const exit = await server.stop();
  if (exit !== 0) throw new Error(`start-up run: the bot exited with ${exit} on SIGTERM (see ${workDir}/startup.log)`);
  return { wall: server.readyMs, cpu };
}

export async function measureStartup(workDir: string, knowledgeDir: string, runs = 3): Promise<StartupResult> {
  const cold: { wall: number; cpu?: number }[] = [];
  const warm: { wall: number; cpu?: number }[] = [];
  let carried: string[] = [];
  for (let i = 0; i < runs; i += 1) {
    const coldDir = fs.mkdtempSync(path.join(workDir, 'cold-'));
    cold.push(await timeStart(coldDir, workDir, knowledgeDir));
    const warmDir = fs.mkdtempSync(path.join(workDir, 'warm-'));
    carried = fs.readdirSync(coldDir).filter((file) => !isDatabase(file));
    for (const file of carried) fs.cpSync(path.join(coldDir, file), path.join(warmDir, file), { recursive: true });
    warm.push(await timeStart(warmDir, workDir, knowledgeDir));
  }
  const cpu = (runs: typeof cold): { cpu?: number } => (runs.every((r) => r.cpu !== undefined) ? { cpu: round(median(runs.map((r) => r.cpu ?? 0)), 0) } : {});
  return {
    coldMs: round(median(cold.map((r) => r.wall)), 0), warmMs: round(median(warm.map((r) => r.wall)), 0),
    ...(cpu(cold).cpu !== undefined ? { coldCpuMs: cpu(cold).cpu } : {}), ...(cpu(warm).cpu !== undefined ? { warmCpuMs: cpu(warm).cpu } : {}),
    runs, carriedFiles: carried,
  };
}
