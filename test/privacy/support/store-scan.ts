// Reads back everything a store holds, as the place (table/key) and its text, to look for what users said.
import path from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';

export interface Place {
  readonly where: string;
  readonly text: string;
}

/** Every row of every table of the bot's SQLite file. */
export function sqlitePlaces(dataDir: string): Place[] {
  const db = new Database(path.join(dataDir, 'bot.sqlite'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    return tables.flatMap((table) => {
      const rows = db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
      return rows.map((row) => ({ where: `${table}:${String(row.key ?? row.id ?? '')}`, text: JSON.stringify(row) }));
    });
  } finally {
    db.close();
  }
}

/** Every key under the prefix with its value (any type) and its absolute expiry (-1: none). */
export async function redisPlaces(url: string, prefix: string): Promise<(Place & { expiresAt: number })[]> {
  const redis = new Redis(url, { maxRetriesPerRequest: 0 });
  try {
    const places: (Place & { expiresAt: number })[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        const value =
          type === 'hash' ? await redis.hgetall(key)
          : type === 'list' ? await redis.lrange(key, 0, -1)
          : type === 'zset' ? await redis.zrange(key, '0', '-1')
          : type === 'string' ? await redis.get(key)
          : type;
        if (type !== 'none') places.push({ where: key.slice(prefix.length), text: JSON.stringify(value), expiresAt: await redis.pexpiretime(key) });
      }
    } while (cursor !== '0');
    return places;
  } finally {
    redis.disconnect();
  }
}

/** The places that hold the needle. */
export const holding = <P extends Place>(places: readonly P[], needle: string): P[] => places.filter((p) => p.text.includes(needle));
