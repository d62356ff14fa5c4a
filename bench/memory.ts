// Memory of the bot process (SQLite, the default): RSS and V8 heap after a full GC, idle after start, after a warm-up,
// then after 10,000 more conversations (one turn each, left mid-flow). Growth = after − warm-up, per 10,000.
// Why a warm-up as long as the measurement: the first burst of load grows V8's committed heap and malloc's arenas to a
// high-water mark they keep (measured here: idle 167 MB → 323 MB after the first 10,000, then 331 and 333 MB after
// 20,000 and 30,000, live heap flat at ≈ 50 MB; 5,000 were not always enough). What each further conversation leaves
// behind is the growth after that; the first burst is reported too (idle → after the warm-up).
import path from 'node:path';
import { spawnServer } from './child';
import { createPoster } from './load';
import type { BenchSink } from './sink';
import { round, toMb } from './stats';

export interface MemoryPoint {
  readonly rssMb: number;
  readonly heapUsedMb: number;
}

export interface MemoryResult {
  readonly idle: MemoryPoint;
  readonly afterWarmup: MemoryPoint;
  readonly afterConversations: MemoryPoint;
  readonly warmupConversations: number;
  readonly conversations: number;
  /** RSS and heap growth per 10,000 conversations (after the warm-up). */
  readonly rssGrowthPer10kMb: number;
  readonly heapGrowthPer10kMb: number;
  readonly errors: number;
}

const point = (m: NodeJS.MemoryUsage): MemoryPoint => ({ rssMb: toMb(m.rss), heapUsedMb: toMb(m.heapUsed) });

/** `count` new conversations, one message each, `concurrency` at a time; returns the number of failed turns. */
async function converse(url: string, sink: BenchSink, prefix: string, count: number, concurrency: number): Promise<number> {
  const poster = createPoster(url, sink, concurrency);
  let next = 0;
  let errors = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      const outcome = await poster.turn(`${prefix}-${i}`, `${prefix}-${i}-t0`, 'my backup failed', `${prefix}-user-${i}`);
      if (outcome.error) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  poster.close();
  return errors;
}

export async function measureMemory(options: { workDir: string; dataDir: string; knowledgeDir: string; sink: BenchSink; conversations: number }): Promise<MemoryResult> {
  const server = await spawnServer({
    kind: 'bot', cwd: options.workDir, logFile: path.join(options.workDir, 'memory.log'),
    env: { DATA_DIR: options.dataDir, KNOWLEDGE_DIR: options.knowledgeDir, REDIS_URL: '', LOG_LEVEL: 'info' },
  });
  try {
    const idle = point(await server.memory());
    const warmupConversations = options.conversations;
    let errors = await converse(server.url, options.sink, 'mem-warm', warmupConversations, 32);
    const afterWarmup = point(await server.memory());
    errors += await converse(server.url, options.sink, 'mem', options.conversations, 32);
    const afterConversations = point(await server.memory());
    const per10k = 10_000 / options.conversations;
    return {
      idle, afterWarmup, afterConversations, warmupConversations, conversations: options.conversations, errors,
      rssGrowthPer10kMb: round((afterConversations.rssMb - afterWarmup.rssMb) * per10k, 1),
      heapGrowthPer10kMb: round((afterConversations.heapUsedMb - afterWarmup.heapUsedMb) * per10k, 1),
    };
  } finally {
    await server.stop();
  }
}
