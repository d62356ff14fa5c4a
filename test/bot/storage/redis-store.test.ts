// The Redis store against the shared contract (REDIS_URL, or a private redis-server), plus Redis-only behaviour.
import { createRedisStore, StorageUnavailableError } from '../../../bot/storage';
import { describeIfAvailable, redisSource } from '../../support/redis-server';
import { describeStoreContract } from './contract';
import { deleteByPrefix, redisFixture, useRedis } from './redis-fixture';

const source = redisSource();

describeIfAvailable('redis store', source.kind === 'none' ? source.reason : undefined, () => {
  const redis = useRedis();

  describeStoreContract('redis', redisFixture(redis.url), { durable: true, sharedBus: true });

  describe('createRedisStore', () => {
    it('keeps stores with different prefixes apart on one Redis', async () => {
      const a = createRedisStore({ url: redis.url(), prefix: `test:${process.pid}:a:` });
      const b = createRedisStore({ url: redis.url(), prefix: `test:${process.pid}:b:` });
      await a.storage.write({ k: { owner: 'a' } });
      await a.logs.append('log', 1);
      expect(await b.storage.read(['k'])).toEqual({});
      expect(await b.logs.length('log')).toBe(0);
      await Promise.all([a.close(), b.close()]);
      await Promise.all([deleteByPrefix(redis.url(), `test:${process.pid}:a:`), deleteByPrefix(redis.url(), `test:${process.pid}:b:`)]);
    });

    it('keeps keys with braces and percent signs distinct (hash-tag escaping)', async () => {
      const prefix = `test:${process.pid}:braces:`;
      const store = createRedisStore({ url: redis.url(), prefix });
      const keys = ['session/{x}', 'session/%7Bx%7D', 'session/}{', 'session/'];
      for (const [i, key] of keys.entries()) await store.storage.write({ [key]: { i } });
      const read = await store.storage.read(keys);
      expect(keys.map((key) => read[key]?.i)).toEqual([0, 1, 2, 3]);
      await store.close();
      await deleteByPrefix(redis.url(), prefix);
    });

    it('refuses a prefix with braces, which would pin every key to one Cluster slot', () => {
      expect(() => createRedisStore({ url: redis.url(), prefix: '{bot}:' })).toThrow(TypeError);
    });
  });
});

describe('createRedisStore without a reachable Redis', () => {
  it('fails operations quickly with StorageUnavailableError (nothing listens on the port)', async () => {
    // Port 1 on loopback: nothing listens there, so every connection attempt is refused at once.
    const store = createRedisStore({ url: 'redis://127.0.0.1:1', commandTimeoutMs: 1000, connectTimeoutMs: 1000 });
    const results = await Promise.allSettled([store.ping(), store.storage.read(['k']), store.logs.append('l', 1)]);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(StorageUnavailableError);
      expect((result as PromiseRejectedResult).reason).toMatchObject({ backend: 'redis', reason: 'connection' });
    }
    await store.close();
  });
});
