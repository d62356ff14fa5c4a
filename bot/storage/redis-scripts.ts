// The Lua scripts that make Redis operations atomic. Each touches keys of a single Cluster slot (see redis-keys.ts).
import { createHash } from 'node:crypto';
import type { RedisClient } from './redis-client';

export interface LuaScript {
  readonly lua: string;
  readonly sha: string;
}

const script = (lua: string): LuaScript => ({ lua, sha: createHash('sha1').update(lua).digest('hex') });

/** EVALSHA, falling back to EVAL once per node that has not cached the script yet (after a restart or failover). */
export async function runScript(client: RedisClient, s: LuaScript, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
  try {
    return await client.evalsha(s.sha, keys.length, ...keys, ...args);
  } catch (err) {
    if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
    return client.eval(s.lua, keys.length, ...keys, ...args);
  }
}

/** The item write on its eTag, shared by ITEM_WRITE and TURN_WRITE (returns 0 on a conflict, else falls through). */
const ITEM_WRITE_LUA = `
if ARGV[1] ~= '' then
  local current = redis.call('HGET', KEYS[1], 'e')
  if current and current ~= ARGV[1] then return 0 end
end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'e', ARGV[3], 't', ARGV[4])
if tonumber(ARGV[5]) > 0 then redis.call('PEXPIREAT', KEYS[1], tonumber(ARGV[4]) + tonumber(ARGV[5])) else redis.call('PERSIST', KEYS[1]) end`;

/**
 * KEYS: item. ARGV: expected eTag ('' = unconditional), json, new eTag, now, TTL ms (0 = none). 1 written, 0 conflict.
 * The expiry is absolute (now + TTL, PEXPIREAT), so the store's clock decides it on Redis as it does on SQLite.
 */
export const ITEM_WRITE = script(`${ITEM_WRITE_LUA}
return 1`);

/** KEYS: list, last-append time. ARGV: json, now. Returns the entry's sequence number. */
export const LOG_APPEND = script(`
local n = redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2])
return n - 1`);

/**
 * A turn on a single node (its keys span slots, so never on a Cluster): ITEM_WRITE, then if it wrote, LOG_APPEND_MANY
 * with the log index. KEYS: item, list, last-append time, log index. ARGV: as ITEM_WRITE, then log name, json… (0+).
 */
export const TURN_WRITE = script(`${ITEM_WRITE_LUA}
if #ARGV > 6 then
  redis.call('ZADD', KEYS[4], ARGV[4], ARGV[6])
  redis.call('RPUSH', KEYS[2], unpack(ARGV, 7))
  redis.call('SET', KEYS[3], ARGV[4])
end
return 1`);

/**
 * A turn with its analytics rows, on a single node: TURN_WRITE, then (if it wrote) the event row and the session rows.
 * KEYS: item, list, last-append time, log index, events stream, days set, then per session: day hash, conversation set.
 * ARGV: as ITEM_WRITE, log name, line count n, n lines, event json, session count m, then per session: id, json, day.
 */
export const TURN_WRITE_COUNTED = script(`${ITEM_WRITE_LUA}
local n = tonumber(ARGV[7])
if n > 0 then
  redis.call('ZADD', KEYS[4], ARGV[4], ARGV[6])
  redis.call('RPUSH', KEYS[2], unpack(ARGV, 8, 7 + n))
  redis.call('SET', KEYS[3], ARGV[4])
end
local a = 8 + n
redis.call('XADD', KEYS[5], '*', 'j', ARGV[a])
local m = tonumber(ARGV[a + 1])
for i = 1, m do
  local b = a + 2 + (i - 1) * 3
  redis.call('HSET', KEYS[5 + i * 2], ARGV[b], ARGV[b + 1])
  redis.call('SADD', KEYS[6], ARGV[b + 2])
  redis.call('SADD', KEYS[6 + i * 2], ARGV[b + 2] .. '|' .. ARGV[b])
end
return 1`);

/** KEYS: list, last-append time. ARGV: now, json… (one or more). Returns the first entry's sequence number. */
export const LOG_APPEND_MANY = script(`
local n = redis.call('RPUSH', KEYS[1], unpack(ARGV, 2))
redis.call('SET', KEYS[2], ARGV[1])
return n - (#ARGV - 1)`);

/** KEYS: list, last-append time. ARGV: cut-off. Drops the log if last appended before the cut-off; 1 if it existed. */
export const LOG_EXPIRE = script(`
local at = tonumber(redis.call('GET', KEYS[2]) or '0')
if at >= tonumber(ARGV[1]) then return 0 end
local existed = redis.call('EXISTS', KEYS[1])
redis.call('DEL', KEYS[1], KEYS[2])
return existed`);

/** KEYS: sorted set. ARGV: member, cut-off. Removes the member only if its score is still before the cut-off. */
export const ZREM_IF_OLDER = script(`
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) < tonumber(ARGV[2]) then return redis.call('ZREM', KEYS[1], ARGV[1]) end
return 0`);

/** KEYS: item. Deletes a delivered or dead item: 1 deleted, 2 already gone (drop its ids), 0 pending (kept). */
export const OUTBOX_PURGE = script(`
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 2 end
if state == 'pending' then return 0 end
redis.call('DEL', KEYS[1])
return 1`);

/** KEYS: item. ARGV: id, kind, payload, now. Creates the item unless it exists; returns { state, dueAt, createdAt }. */
export const OUTBOX_ENQUEUE = script(`
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'id', ARGV[1], 'kind', ARGV[2], 'payload', ARGV[3], 'state', 'pending',
    'attempts', 0, 'dueAt', ARGV[4], 'createdAt', ARGV[4], 'leaseUntil', 0)
end
return redis.call('HMGET', KEYS[1], 'state', 'dueAt', 'createdAt')`);

/** KEYS: due set. ARGV: now, limit, lease end. Takes due ids and pushes their score to the lease end, atomically. */
export const OUTBOX_CLAIM = script(`
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
for _, id in ipairs(ids) do redis.call('ZADD', KEYS[1], ARGV[3], id) end
return ids`);

/** KEYS: item. ARGV: lease end. Counts the attempt and returns the item, or nil if it is gone or no longer pending. */
export const OUTBOX_TAKE = script(`
if redis.call('HGET', KEYS[1], 'state') ~= 'pending' then return false end
redis.call('HINCRBY', KEYS[1], 'attempts', 1)
redis.call('HSET', KEYS[1], 'leaseUntil', ARGV[1])
return redis.call('HGETALL', KEYS[1])`);

/** KEYS: item. Marks it delivered unless missing or already so; returns 1 if it changed. */
export const OUTBOX_DELIVERED = script(`
local state = redis.call('HGET', KEYS[1], 'state')
if not state or state == 'delivered' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'delivered', 'leaseUntil', 0)
return 1`);

/** KEYS: item. ARGV: new state, error, retry time. Only a pending item can fail; returns 1 if it changed. */
export const OUTBOX_FAILED = script(`
if redis.call('HGET', KEYS[1], 'state') ~= 'pending' then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'lastError', ARGV[2], 'dueAt', ARGV[3], 'leaseUntil', 0)
return 1`);
