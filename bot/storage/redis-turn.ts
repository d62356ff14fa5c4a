// BotStore.writeTurn on a single Redis node: the session's compare-and-set, the transcript append and the turn's
// analytics rows in one Lua script, so one round trip and one atomic step instead of several commands.
import type { StoreItems } from 'botbuilder';
import type { AnalyticsWrite } from '../analytics/types';
import type { BotStore } from '../ports';
import { ETagConflictError } from './errors';
import { analyticsArgs } from './redis-analytics';
import type { RedisContext } from './redis-context';
import { runScript, TURN_WRITE, TURN_WRITE_COUNTED } from './redis-scripts';
import { ttlOf, type ItemLifetime } from './item-lifetime';
import { changeList, encodeItem, expectedETag, newETag } from './store-items';

export function createTurnWriter({ client, keys, now, call }: RedisContext, lifetime?: ItemLifetime): NonNullable<BotStore['writeTurn']> {
  return async (changes: StoreItems, logKey: string, entries: readonly unknown[], analytics?: AnalyticsWrite) => {
    const list = changeList(changes);
    if (list.length !== 1) throw new TypeError('Storage: writeTurn writes exactly one item');
    const [[key, item]] = list;
    const json = encodeItem(key, item);
    const jsons = entries.map((entry) => JSON.stringify(entry ?? null));
    const at = now();
    const turnKeys = [keys.item(key), keys.log(logKey), keys.logAt(logKey), keys.logIndex];
    const itemArgs = [expectedETag(item) ?? '', json, newETag(), at, ttlOf(lifetime, key, item), logKey];
    const written = await call('storage.write', () => {
      if (!analytics) return runScript(client, TURN_WRITE, turnKeys, [...itemArgs, ...jsons]);
      const counted = analyticsArgs({ keys }, analytics);
      return runScript(client, TURN_WRITE_COUNTED, [...turnKeys, ...counted.keys], [...itemArgs, jsons.length, ...jsons, ...counted.args]);
    });
    if (Number(written) !== 1) throw new ETagConflictError(key, 'redis');
  };
}
