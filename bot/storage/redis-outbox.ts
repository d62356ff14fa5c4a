// The Outbox on Redis: a hash per item plus sorted sets by due time and by creation; claims lease atomically in Lua.
import type { Outbox, OutboxItem } from '../ports';
import type { RedisContext } from './redis-context';
import { OUTBOX_CLAIM, OUTBOX_DELIVERED, OUTBOX_ENQUEUE, OUTBOX_FAILED, OUTBOX_PURGE, OUTBOX_TAKE, runScript } from './redis-scripts';

/** Purges work through the creation index in batches, each its own bounded call. */
const BATCH = 100;

function toItem(fields: Record<string, string>): OutboxItem | undefined {
  if (!fields.id) return undefined;
  return {
    id: fields.id,
    kind: fields.kind,
    payload: JSON.parse(fields.payload) as OutboxItem['payload'],
    attempts: Number(fields.attempts),
    dueAt: Number(fields.dueAt),
    createdAt: Number(fields.createdAt),
    state: fields.state as OutboxItem['state'],
    ...(fields.lastError === undefined ? {} : { lastError: fields.lastError }),
  };
}

/** HGETALL as a Lua reply: a flat [field, value, …] list. */
function pairs(flat: unknown): Record<string, string> {
  const list = Array.isArray(flat) ? (flat as string[]) : [];
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < list.length; i += 2) out[list[i]] = list[i + 1];
  return out;
}

export function createRedisOutbox({ client, keys, now, call }: RedisContext): Outbox {
  // The item hash is the truth; the sorted sets follow it. Each step heals the gap a crash between two could leave:
  // a re-enqueue re-adds a pending item to the sets, a claim drops ids whose item is gone or no longer pending.
  const take = async (id: string, leaseEnd: number): Promise<OutboxItem | undefined> => {
    const item = toItem(pairs(await runScript(client, OUTBOX_TAKE, [keys.outboxItem(id)], [leaseEnd])));
    if (!item) await client.zrem(keys.outboxDue, id);
    return item;
  };

  return {
    async enqueue({ id, kind, payload }) {
      const json = JSON.stringify(payload);
      await call('outbox.enqueue', async () => {
        const [state, dueAt, createdAt] = (await runScript(client, OUTBOX_ENQUEUE, [keys.outboxItem(id)], [id, kind, json, now()])) as string[];
        if (state !== 'pending') return;
        await Promise.all([client.zadd(keys.outboxDue, 'NX', dueAt, id), client.zadd(keys.outboxAll, 'NX', createdAt, id)]);
      });
    },
    async claimDue(at, limit, leaseMs) {
      if (limit <= 0) return [];
      return call('outbox.claimDue', async () => {
        const ids = (await runScript(client, OUTBOX_CLAIM, [keys.outboxDue], [at, limit, at + leaseMs])) as string[];
        const items = await Promise.all(ids.map((id) => take(id, at + leaseMs)));
        return items.filter((item): item is OutboxItem => item !== undefined);
      });
    },
    async markDelivered(id) {
      await call('outbox.markDelivered', async () => {
        if (Number(await runScript(client, OUTBOX_DELIVERED, [keys.outboxItem(id)], [])) === 1) await client.zrem(keys.outboxDue, id);
      });
    },
    async markFailed(id, error, retryAt, dead) {
      await call('outbox.markFailed', async () => {
        const changed = Number(await runScript(client, OUTBOX_FAILED, [keys.outboxItem(id)], [dead ? 'dead' : 'pending', error, retryAt]));
        if (changed !== 1) return;
        await (dead ? client.zrem(keys.outboxDue, id) : client.zadd(keys.outboxDue, retryAt, id));
      });
    },
    async get(id) {
      return toItem(await call('outbox.get', () => client.hgetall(keys.outboxItem(id))));
    },
    async list(state) {
      const all = await call('outbox.list', async () => {
        const ids = await client.zrange(keys.outboxAll, '0', '-1');
        return Promise.all(ids.map((id) => client.hgetall(keys.outboxItem(id))));
      });
      return all
        .map(toItem)
        .filter((item): item is OutboxItem => item !== undefined && (state === undefined || item.state === state));
    },
    async remove(ids) {
      // The item first, then the sets: a crash in between leaves ids that the next claim or list skips.
      await call('outbox.remove', () => Promise.all(ids.map(async (id) => {
        await client.del(keys.outboxItem(id));
        await Promise.all([client.zrem(keys.outboxDue, id), client.zrem(keys.outboxAll, id)]);
      })));
    },
    async purge(olderThan) {
      const ids = await call('outbox.purge', () => client.zrangebyscore(keys.outboxAll, '-inf', `(${olderThan}`));
      let purged = 0;
      for (let i = 0; i < ids.length; i += BATCH) {
        const batch = ids.slice(i, i + BATCH);
        const done = await call('outbox.purge', () => Promise.all(batch.map(async (id) => {
          const gone = Number(await runScript(client, OUTBOX_PURGE, [keys.outboxItem(id)], []));
          if (gone !== 0) await Promise.all([client.zrem(keys.outboxDue, id), client.zrem(keys.outboxAll, id)]);
          return gone;
        })));
        purged += done.filter((n) => n === 1).length;
      }
      return purged;
    },
  };
}
