// Append-only logs on Redis: a list per key (index = sequence number, so RPUSH gives gap-free numbers atomically).
import type { Logs } from '../ports';
import type { RedisContext } from './redis-context';
import { LOG_APPEND, LOG_APPEND_MANY, LOG_EXPIRE, runScript, ZREM_IF_OLDER } from './redis-scripts';

/** Retention works through the index in batches (each its own bounded call), so one expire never floods Redis. */
const BATCH = 100;

export function createRedisLogs({ client, keys, now, call }: RedisContext): Logs {
  const expireOne = async (key: string, olderThan: number): Promise<number> => {
    const existed = Number(await runScript(client, LOG_EXPIRE, [keys.log(key), keys.logAt(key)], [olderThan]));
    await runScript(client, ZREM_IF_OLDER, [keys.logIndex], [key, olderThan]);
    return existed;
  };

  return {
    async append(key, entry) {
      const json = JSON.stringify(entry ?? null);
      const at = now();
      // The index (another slot) is written first: a failure between the two leaves an index entry without a log,
      // which retention simply drops, rather than a log that retention never finds.
      return call('logs.append', async () => {
        const [, seq] = await Promise.all([
          client.zadd(keys.logIndex, at, key),
          runScript(client, LOG_APPEND, [keys.log(key), keys.logAt(key)], [json, at]),
        ]);
        return Number(seq);
      });
    },
    async appendMany(key, entries) {
      if (entries.length === 0) return call('logs.length', () => client.llen(keys.log(key)));
      const jsons = entries.map((entry) => JSON.stringify(entry ?? null));
      const at = now();
      // As append: the index first (same round trip), then every entry in one RPUSH, so their numbers are consecutive.
      return call('logs.append', async () => {
        const [, seq] = await Promise.all([
          client.zadd(keys.logIndex, at, key),
          runScript(client, LOG_APPEND_MANY, [keys.log(key), keys.logAt(key)], [at, ...jsons]),
        ]);
        return Number(seq);
      });
    },
    async read(key, from, limit) {
      const start = Math.max(0, from);
      const stop = limit === undefined ? -1 : start + limit - 1;
      const rows = await call('logs.read', async () => (limit !== undefined && limit <= 0 ? [] : client.lrange(keys.log(key), start, stop)));
      return rows.map((json, i) => ({ seq: start + i, entry: JSON.parse(json) as unknown }));
    },
    async length(key) {
      return call('logs.length', () => client.llen(keys.log(key)));
    },
    async delete(key) {
      await call('logs.delete', () => Promise.all([client.del(keys.log(key), keys.logAt(key)), client.zrem(keys.logIndex, key)]));
    },
    async expire(prefix, olderThan) {
      const candidates = await call('logs.expire', () => client.zrangebyscore(keys.logIndex, '-inf', `(${olderThan}`));
      const stale = candidates.filter((key) => key.startsWith(prefix));
      let dropped = 0;
      for (let i = 0; i < stale.length; i += BATCH) {
        const batch = stale.slice(i, i + BATCH);
        const results = await call('logs.expire', () => Promise.all(batch.map((key) => expireOne(key, olderThan))));
        dropped += results.reduce((sum, n) => sum + n, 0);
      }
      return dropped;
    },
  };
}
