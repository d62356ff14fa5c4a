// The BotStore for several instances: everything in Redis (single node, managed, or Cluster), the Bus on pub/sub.
import { Cluster } from 'ioredis';
import type { Logger } from '../logger';
import type { BotStore } from '../ports';
import { createRedisAnalytics } from './redis-analytics';
import { createRedisBus } from './redis-bus';
import { closeRedis, connectRedis } from './redis-client';
import { createCall, type RedisContext } from './redis-context';
import { lifetimeOf, type ItemLifetime } from './item-lifetime';
import { createRedisItems } from './redis-items';
import { createRedisKeys } from './redis-keys';
import { createRedisLogs } from './redis-logs';
import { createRedisOutbox } from './redis-outbox';
import { createTurnWriter } from './redis-turn';

export interface RedisStoreOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://` (TLS). */
  readonly url: string;
  /** Prepended to every key and channel, so several bots (or test runs) can share one Redis. Default `bot:`. */
  readonly prefix?: string;
  /** `url` names one node of a Redis Cluster. */
  readonly cluster?: boolean;
  /** A command unanswered after this long fails with StorageUnavailableError (reason `timeout`). Default 2000. */
  readonly commandTimeoutMs?: number;
  /** Default 2000. An operation's overall deadline is the command timeout plus this. */
  readonly connectTimeoutMs?: number;
  /**
   * Items not written for this long expire (Redis PEXPIREAT, renewed by every write): one number for every item, or a
   * lifetime per item (bot/privacy/lifetimes.ts). 0 or unset: kept forever.
   */
  readonly itemTtlMs?: number | ItemLifetime;
  readonly logger?: Logger;
  readonly now?: () => number;
}

export const DEFAULT_REDIS_PREFIX = 'bot:';

/** Connects in the background: until Redis answers, operations fail fast with StorageUnavailableError. */
export function createRedisStore(options: RedisStoreOptions): BotStore {
  const commandTimeoutMs = options.commandTimeoutMs ?? 2000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 2000;
  const keys = createRedisKeys(options.prefix ?? DEFAULT_REDIS_PREFIX);
  const client = connectRedis({ ...options, commandTimeoutMs, connectTimeoutMs });
  let closed = false;
  const ctx: RedisContext = {
    client,
    keys,
    now: options.now ?? Date.now,
    call: createCall({ isClosed: () => closed, deadlineMs: commandTimeoutMs + connectTimeoutMs }),
  };
  const bus = createRedisBus(ctx, options.logger);
  const lifetime = lifetimeOf(options.itemTtlMs);
  const storage = createRedisItems(ctx, lifetime);
  const logs = createRedisLogs(ctx);

  return {
    kind: 'redis',
    storage,
    logs,
    // One script and one round trip on a single node; on a Cluster (keys in several slots) the write, then the append.
    writeTurn: client instanceof Cluster ? undefined : createTurnWriter(ctx, lifetime),
    outbox: createRedisOutbox(ctx),
    analytics: createRedisAnalytics(ctx),
    bus,
    async ping() {
      await ctx.call('ping', () => client.ping());
    },
    async close() {
      if (closed) return;
      closed = true;
      await bus.close();
      await closeRedis(client);
    },
  };
}
