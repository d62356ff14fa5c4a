// Redis test fixtures: a server for the file (REDIS_URL or a private one) and a fresh key prefix per test.
import { Redis } from 'ioredis';
import { createRedisStore, type RedisStoreOptions } from '../../../bot/storage';
import { redisSource, startRedisServer, type RedisServer } from '../../support/redis-server';
import type { StoreFixture } from './contract';

let counter = 0;

/** Deletes every key under a prefix (SCAN, never FLUSHALL: REDIS_URL may be shared with other tests). */
export async function deleteByPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) await redis.del(key);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A fixture factory for describeStoreContract: each test gets its own prefix on the shared server. */
export function redisFixture(url: () => string, extra: Partial<RedisStoreOptions> = {}): () => Promise<StoreFixture> {
  return async () => {
    counter += 1;
    const prefix = `test:${process.pid}:${Date.now().toString(36)}:${counter}:`;
    return {
      open: async () => createRedisStore({ url: url(), prefix, commandTimeoutMs: 5000, ...extra }),
      dispose: () => deleteByPrefix(url(), prefix),
    };
  };
}

/** The Redis a test file uses: REDIS_URL when set (CI), else a private server started in beforeAll. */
export function useRedis(): { url: () => string } {
  const source = redisSource();
  let server: RedisServer | undefined;
  let url = source.kind === 'url' ? source.url : '';
  beforeAll(async () => {
    if (source.kind !== 'binary') return;
    server = await startRedisServer(source.binary);
    url = server.url;
  });
  afterAll(async () => {
    await server?.stop();
  });
  return { url: () => url };
}
