// BENCH_PROFILE=1: the SQLite bot under `--cpu-prof` at 32 concurrent conversations, then its profile summarised.
import fs from 'node:fs';
import path from 'node:path';
import { spawnServer } from './child';
import { BOT_JOURNEY } from './journey';
import { runLoad } from './load';
import { monotonicUs, summarizeProfile, type ProfileWindow } from './profile';
import type { BenchSink } from './sink';

export interface ProfileRunOptions {
  readonly workDir: string;
  readonly knowledgeDir: string;
  readonly sink: BenchSink;
  readonly seconds: number;
  readonly progress: (message: string) => void;
}

export async function profileBot(options: ProfileRunOptions): Promise<ReturnType<typeof summarizeProfile>> {
  const profDir = fs.mkdtempSync(path.join(options.workDir, 'prof-'));
  const keep = path.join(__dirname, 'bot.cpuprofile');
  options.progress(`profiling the SQLite bot at 32 concurrent for ${options.seconds} s`);
  const server = await spawnServer({
    kind: 'bot', cwd: options.workDir, logFile: path.join(options.workDir, 'profile.log'), cpuProfDir: profDir,
    env: { DATA_DIR: fs.mkdtempSync(path.join(options.workDir, 'prof-data-')), KNOWLEDGE_DIR: options.knowledgeDir, REDIS_URL: '', LOG_LEVEL: 'info' },
  });
  let window: ProfileWindow | undefined;
  try {
    const warmupMs = 500;
    const fromUs = monotonicUs() + warmupMs * 1000;
    await runLoad({ target: server.url, sink: options.sink, concurrency: 32, script: BOT_JOURNEY, conversationPrefix: 'prof', warmupMs, durationMs: options.seconds * 1000 });
    window = { fromUs, toUs: monotonicUs() };
  } finally {
    await server.stop();
  }
  const file = fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('the profiled bot wrote no .cpuprofile');
  fs.copyFileSync(path.join(profDir, file), keep);
  options.progress(`profile kept at ${path.relative(process.cwd(), keep)} (open in Chrome DevTools → Performance)`);
  return summarizeProfile(keep, window);
}
