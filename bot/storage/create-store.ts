// Picks the store from configuration: Redis when REDIS_URL is set (several instances), else SQLite under DATA_DIR.
import type { Logger } from '../logger';
import type { BotStore } from '../ports';
import type { ItemLifetime } from './item-lifetime';
import { createRedisStore } from './redis-store';
import { createSqliteStore } from './sqlite-store';

export interface CreateStoreOptions {
  /** Where the SQLite file lives (created if missing). */
  readonly dataDir: string;
  /** When set, Redis is used and dataDir is not touched. */
  readonly redisUrl?: string;
  /** Redis key and channel prefix; default `bot:`. */
  readonly prefix?: string;
  /** REDIS_URL names a node of a Redis Cluster. */
  readonly redisCluster?: boolean;
  /**
   * Sessions and other items not written for this long expire (0 or unset: kept forever). Keep it well above the idle
   * time after which a user is offered to pick up where they left off, or there will be nothing left to pick up.
   * A function gives each item its own lifetime (bot/privacy/lifetimes.ts).
   */
  readonly itemTtlMs?: number | ItemLifetime;
  readonly logger?: Logger;
}

export function createStore(options: CreateStoreOptions): BotStore {
  if (options.redisUrl) {
    const { redisUrl: url, prefix, redisCluster: cluster, itemTtlMs, logger } = options;
    return createRedisStore({ url, prefix, cluster, itemTtlMs, logger });
  }
  return createSqliteStore({ dataDir: options.dataDir, itemTtlMs: options.itemTtlMs, logger: options.logger });
}
