// The Redis fault suites' shared set-up: a private durable Redis (AOF, fsync always, so stopping or killing it is an
// outage rather than a data loss) and the bot world on it, started before the suite and stopped after it.
import { describeIfAvailable, findRedisServerBinary, startRedisServer, type RedisServer } from '../../support/redis-server';
import { startFaultWorld, type FaultWorld } from './fault-world';

export interface RedisWorld {
  readonly redis: RedisServer;
  readonly world: FaultWorld;
}

const redisBinary = findRedisServerBinary();

/** A suite over a bot on its own Redis; skipped loudly without redis-server (failing under CI=true). */
export function describeWithRedisWorld(name: string, body: (get: () => RedisWorld) => void): void {
  describeIfAvailable(name, redisBinary ? undefined : 'no redis-server binary on PATH', () => {
    let redis: RedisServer | undefined;
    let world: FaultWorld | undefined;
    beforeAll(async () => {
      redis = await startRedisServer(String(redisBinary), { durable: true });
      world = await startFaultWorld({ redisUrl: redis.url });
    }, 180_000);
    afterAll(async () => {
      await world?.close();
      await redis?.stop();
    }, 60_000);
    body(() => {
      if (!redis || !world) throw new Error('the Redis world did not start');
      return { redis, world };
    });
  });
}
