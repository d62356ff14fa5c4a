// The servers the turn benchmark alternates between, each in its own child process: the echo baseline, the real bot
// on SQLite and on Redis (a private redis-server, else REDIS_URL; loudly absent otherwise), and an A/A control: a
// second copy of the echo bot (or of the SQLite bot, BENCH_AA=bot-sqlite) whose ratio to its twin is the noise floor.
import fs from 'node:fs';
import path from 'node:path';
import { findRedisServerBinary, startRedisServer, type RedisServer } from '../test/support/redis-server';
import { spawnServer, type ChildServer } from './child';
import { BOT_JOURNEY } from './journey';
import type { SystemUnderTest } from './turns';

export interface BenchServers {
  /** The echo baseline first: ratios are taken against it. */
  readonly systems: readonly SystemUnderTest[];
  stop(): Promise<void>;
}

export interface ServersOptions {
  readonly workDir: string;
  readonly knowledgeDir: string;
  readonly notes: string[];
  readonly progress: (message: string) => void;
  /** Which server gets an A/A twin: 'echo' (default), 'bot-sqlite', or 'off'. */
  readonly aa?: string;
}

/** A Redis for the bot: a private server (nothing else's keys, nothing to flush) or, without the binary, REDIS_URL. */
export async function benchRedis(notes: string[]): Promise<{ url: string; server?: RedisServer } | undefined> {
  const binary = findRedisServerBinary();
  if (binary) {
    const server = await startRedisServer(binary);
    return { url: server.url, server };
  }
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL };
  notes.push('Redis NOT MEASURED: no redis-server binary and no REDIS_URL (apt-get install redis-server)');
  return undefined;
}

/** The bot's log line for a message answered by the per-conversation limiter instead of the engine. */
const RATE_LIMITED = '"msg":"conversation over its message rate limit"';

function countLines(file: string, needle: string): number {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split(needle).length - 1 : 0;
}

export async function startServers(options: ServersOptions): Promise<BenchServers> {
  const { workDir, knowledgeDir } = options;
  const started: ChildServer[] = [];
  const botEnv = (name: string, redisUrl = ''): Record<string, string> => ({
    DATA_DIR: fs.mkdtempSync(path.join(workDir, `${name}-`)), KNOWLEDGE_DIR: knowledgeDir, REDIS_URL: redisUrl, LOG_LEVEL: 'info',
    CONVERSATION_RATE_LIMIT_PER_MINUTE: '0', // throughput runs send far faster than a person may
    HANDOFF_BF_EVENTS: 'true', // all features on: each escalation also sends the hub its handoff.initiate event
  });
  const redis = await benchRedis(options.notes);
  try {
    options.progress(`starting echo, bot-sqlite${redis ? ', bot-redis' : ''}, A/A ${options.aa ?? 'echo'}`);
    const spawnOne = async (name: string, kind: 'bot' | 'echo', env: Record<string, string>, against?: string): Promise<SystemUnderTest> => {
      const server = await spawnServer({ kind, env, cwd: workDir, logFile: path.join(workDir, `${name}.log`) });
      started.push(server);
      return { name, url: server.url, script: BOT_JOURNEY, cpuMs: server.cpuMs, gc: { start: server.gcStart, stop: server.gcStop }, ...(against ? { against } : {}) };
    };
    const systems = [await spawnOne('echo', 'echo', {}), await spawnOne('bot-sqlite', 'bot', botEnv('sqlite'))];
    if (redis) systems.push(await spawnOne('bot-redis', 'bot', botEnv('redis', redis.url)));
    const aa = options.aa ?? 'echo';
    if (aa === 'echo') systems.push(await spawnOne('echo-aa', 'echo', {}, 'echo'));
    else if (aa === 'bot-sqlite') systems.push(await spawnOne('bot-sqlite-aa', 'bot', botEnv('sqlite-aa'), 'bot-sqlite'));
    return {
      systems,
      async stop() {
        const codes = await Promise.all(started.map((s) => s.stop()));
        codes.forEach((code, i) => code !== 0 && options.notes.push(`${started[i].kind} server ${i} exited with ${code} on SIGTERM`));
        for (const system of systems) {
          const limited = countLines(path.join(workDir, `${system.name}.log`), RATE_LIMITED);
          if (limited > 0) options.notes.push(`INVALID: ${limited} ${system.name} turns hit the per-conversation rate limit (canned reply, no engine)`);
        }
        await redis?.server?.stop();
      },
    };
  } catch (err) {
    await Promise.all(started.map((s) => s.stop('SIGKILL')));
    await redis?.server?.stop();
    throw err;
  }
}
