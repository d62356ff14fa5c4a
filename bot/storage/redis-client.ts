// Connects ioredis (single node or Cluster) so that a stopped Redis means a quick StorageUnavailableError, not a hang.
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger';

export type RedisClient = Redis | Cluster;

export interface RedisClientOptions {
  readonly url: string;
  /** Treat `url` as one seed node of a Redis Cluster. */
  readonly cluster?: boolean;
  readonly commandTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
  readonly logger?: Logger;
}

/** Reconnect forever (so service resumes by itself), but never wait more than half a second between tries. */
const retryDelay = (times: number): number => Math.min(50 * 2 ** Math.min(times, 4), 500);

export function connectRedis(options: RedisClientOptions): RedisClient {
  const common: RedisOptions = {
    connectTimeout: options.connectTimeoutMs ?? 2000,
    commandTimeout: options.commandTimeoutMs ?? 2000,
    // 0: commands waiting for a connection fail at the next failed reconnect (≤ 0.5 s) instead of queueing for minutes.
    maxRetriesPerRequest: 0,
    // A compare-and-set resent after a reconnect could report a conflict against its own first success: don't resend.
    autoResendUnfulfilledCommands: false,
    connectionName: 'bot-store',
    // After a refused connection ioredis still arms this timer on disconnect; short, so a closed store lets Node exit.
    disconnectTimeout: 100,
  };
  let client: RedisClient;
  if (options.cluster) {
    const url = new URL(options.url);
    client = new Cluster([{ host: url.hostname, port: Number(url.port || 6379) }], {
      clusterRetryStrategy: retryDelay,
      enableAutoPipelining: true,
      redisOptions: {
        ...common,
        username: url.username ? decodeURIComponent(url.username) : undefined,
        password: url.password ? decodeURIComponent(url.password) : undefined,
        tls: url.protocol === 'rediss:' ? {} : undefined,
      },
    });
  } else {
    client = new Redis(options.url, { ...common, retryStrategy: retryDelay, enableAutoPipelining: true });
  }
  watchHealth(client, options.logger);
  return client;
}

/** One warning when Redis goes away and one line when it is back, rather than an error event per reconnect attempt. */
export function watchHealth(client: RedisClient, logger: Logger | undefined): void {
  let healthy = true;
  client.on('error', (err: Error) => {
    if (healthy) logger?.warn({ err }, 'redis connection lost; reconnecting');
    healthy = false;
  });
  client.on('ready', () => {
    if (!healthy) logger?.info('redis connection restored');
    healthy = true;
  });
}

/** Closes politely when connected, at once otherwise (QUIT would wait for a Redis that is gone). */
export async function closeRedis(client: RedisClient): Promise<void> {
  if (client.status === 'ready') {
    try {
      await client.quit();
      return;
    } catch {
      // Fall through: the connection is going away anyway.
    }
  }
  client.disconnect();
}
