// The whole contract against a one-node Redis Cluster: any script or command spanning two slots fails with CROSSSLOT.
import { Redis } from 'ioredis';
import { describeIfAvailable, findRedisServerBinary, startRedisServer, type RedisServer } from '../../support/redis-server';
import { describeStoreContract } from './contract';
import { redisFixture } from './redis-fixture';

const binary = findRedisServerBinary();

describeIfAvailable('redis store on Redis Cluster', binary ? undefined : 'no redis-server binary to run a cluster node', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer(binary as string, { cluster: true });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('really enforces slots (so the contract passing below means every script stays in one slot)', async () => {
    const raw = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    await expect(raw.eval('return 1', 2, 'bot:item:{a}', 'bot:item:{b}')).rejects.toThrow(/CROSSSLOT/);
    await expect(raw.eval('return 1', 2, 'bot:log:{a}', 'bot:log:{a}:at')).resolves.toBe(1);
    raw.disconnect();
  });

  describeStoreContract('redis cluster', redisFixture(() => server.url, { cluster: true }), { durable: true, sharedBus: true });
});
