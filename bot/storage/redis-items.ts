// botbuilder Storage on Redis: a hash per item, compare-and-set by eTag in one Lua script (atomic, one slot).
import type { Storage, StoreItems } from 'botbuilder';
import { ETagConflictError } from './errors';
import type { RedisContext } from './redis-context';
import { ITEM_WRITE, runScript } from './redis-scripts';
import { ttlOf, type ItemLifetime } from './item-lifetime';
import { changeList, decodeItem, encodeItem, expectedETag, keyList, newETag } from './store-items';

export function createRedisItems({ client, keys, now, call }: RedisContext, lifetime?: ItemLifetime): Storage {
  return {
    async read(list: string[]): Promise<StoreItems> {
      const wanted = keyList(list);
      // One command per key (auto-pipelined into one round trip): keys live in different Cluster slots.
      const rows = await call('storage.read', () => Promise.all(wanted.map((key) => client.hmget(keys.item(key), 'v', 'e'))));
      const found: StoreItems = {};
      rows.forEach(([json, eTag], i) => {
        if (json !== null && eTag !== null) found[wanted[i]] = decodeItem(json, eTag);
      });
      return found;
    },
    async write(changes: StoreItems): Promise<void> {
      const list = changeList(changes).map(([key, item]) => ({ key, json: encodeItem(key, item), expected: expectedETag(item) ?? '', ttl: ttlOf(lifetime, key, item) }));
      const at = now();
      // Keys in different slots can't share a transaction: each key is its own compare-and-set (as in botbuilder's
      // MemoryStorage, the other keys of a batch are still written when one conflicts).
      const written = await call('storage.write', () =>
        Promise.all(list.map((c) => runScript(client, ITEM_WRITE, [keys.item(c.key)], [c.expected, c.json, newETag(), at, c.ttl]))),
      );
      const conflict = written.findIndex((result) => Number(result) !== 1);
      if (conflict >= 0) throw new ETagConflictError(list[conflict].key, 'redis');
    },
    async delete(list: string[]): Promise<void> {
      const wanted = keyList(list);
      await call('storage.delete', () => Promise.all(wanted.map((key) => client.del(keys.item(key)))));
    },
  };
}
