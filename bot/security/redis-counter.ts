// The per-conversation message counter shared by every instance when REDIS_URL is set: rate-limit-redis's store (an
// atomic INCR + PEXPIRE script, fixed windows) on its own ioredis connection. Without it each instance would allow
// the full rate, so N instances behind a load balancer would let a conversation send N times as fast.
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { Logger } from '../logger';
import { closeRedis, connectRedis } from '../storage/redis-client';
import type { ConversationCounter } from './conversation-counter';

export interface RedisCounterOptions {
  readonly url: string;
  /** Hits allowed per key per window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Key prefix in Redis; the store's `bot:` namespace by default. */
  readonly prefix?: string;
  readonly logger?: Logger;
}

export const DEFAULT_COUNTER_PREFIX = 'bot:rate/conversation/';

export function createRedisCounter(options: RedisCounterOptions): ConversationCounter {
  const client = connectRedis({ url: options.url, logger: options.logger });
  const store = new RedisStore({
    prefix: options.prefix ?? DEFAULT_COUNTER_PREFIX,
    sendCommand: (command: string, ...args: string[]) => client.call(command, ...args) as Promise<RedisReply>,
  });
  // init() loads the scripts; if Redis is down then, the next hit tries again rather than failing forever.
  let ready: Promise<void> | undefined;
  const init = (): Promise<void> =>
    (ready ??= store.init({ windowMs: options.windowMs } as Parameters<RedisStore['init']>[0]).catch((err: unknown) => {
      ready = undefined;
      throw err;
    }));

  return {
    async hit(key) {
      await init();
      const { totalHits } = await store.increment(key);
      return totalHits <= options.limit;
    },
    close: () => closeRedis(client),
  };
}
