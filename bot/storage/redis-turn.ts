// BotStore.writeTurn on a single Redis node: the session's compare-and-set and the transcript append in one Lua script,
// so one round trip and one atomic step instead of three commands over two round trips.
import type { StoreItems } from 'botbuilder';
import type { BotStore } from '../ports';
import { ETagConflictError } from './errors';
import type { RedisContext } from './redis-context';
import { runScript, TURN_WRITE } from './redis-scripts';
import { ttlOf, type ItemLifetime } from './item-lifetime';
import { changeList, encodeItem, expectedETag, newETag } from './store-items';

export function createTurnWriter({ client, keys, now, call }: RedisContext, lifetime?: ItemLifetime): NonNullable<BotStore['writeTurn']> {
  return async (changes: StoreItems, logKey: string, entries: readonly unknown[]) => {
    const list = changeList(changes);
    if (list.length !== 1) throw new TypeError('Storage: writeTurn writes exactly one item');
    const [[key, item]] = list;
    const json = encodeItem(key, item);
    const jsons = entries.map((entry) => JSON.stringify(entry ?? null));
    const at = now();
    const written = await call('storage.write', () =>
      runScript(client, TURN_WRITE, [keys.item(key), keys.log(logKey), keys.logAt(logKey), keys.logIndex], [expectedETag(item) ?? '', json, newETag(), at, ttlOf(lifetime, key, item), logKey, ...jsons]),
    );
    if (Number(written) !== 1) throw new ETagConflictError(key, 'redis');
  };
}
