// What every Redis module shares: the client, the key layout, the clock, and `call`, which bounds and types failures.
import { StorageUnavailableError, type UnavailableReason } from './errors';
import type { RedisClient } from './redis-client';
import type { RedisKeys } from './redis-keys';

export interface RedisContext {
  readonly client: RedisClient;
  readonly keys: RedisKeys;
  readonly now: () => number;
  /**
   * Runs one store operation: refused after close, failed after a deadline, and any driver or server failure turned
   * into StorageUnavailableError (eTag conflicts are decided outside, from the scripts' answers).
   */
  call<T>(operation: string, run: () => Promise<T>): Promise<T>;
}

export interface CallOptions {
  readonly isClosed: () => boolean;
  /**
   * The whole operation's deadline. ioredis bounds each command on a connection, but a Cluster client queues commands
   * without any bound while it has no slot map: this deadline covers that too.
   */
  readonly deadlineMs: number;
}

export function createCall({ isClosed, deadlineMs }: CallOptions): RedisContext['call'] {
  return async (operation, run) => {
    if (isClosed()) throw new StorageUnavailableError('redis', operation, 'closed');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Operation timed out after ${deadlineMs} ms`)), deadlineMs);
    });
    try {
      return await Promise.race([run(), deadline]);
    } catch (err) {
      throw new StorageUnavailableError('redis', operation, redisReason(err), { cause: err });
    } finally {
      clearTimeout(timer);
    }
  };
}

function redisReason(err: unknown): UnavailableReason {
  const message = err instanceof Error ? err.message : String(err);
  if (/timed out/i.test(message)) return 'timeout';
  if (/Connection is closed|ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EHOSTUNREACH|max retries|writeable|Reached the max/i.test(message)) {
    return 'connection';
  }
  if (/^(LOADING|BUSY|TRYAGAIN|CLUSTERDOWN|MASTERDOWN|READONLY)/.test(message)) return 'busy';
  return 'unknown';
}
