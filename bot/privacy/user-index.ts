// The user index (UserIndex, bot/ports.ts): `privacy/user/<user id>` lists the conversations a user took part in, on
// every channel, so an export or an erasure finds them. Written when a conversation first sees a user (and renewed
// before its lifetime ends), never on every turn; compare-and-set, so instances sharing a store lose no entry.
import type { Storage } from 'botbuilder';
import type { ChannelId, UserIndex } from '../ports';
import { isETagConflict } from '../storage/errors';
import { ITEM_PREFIXES } from './lifetimes';

interface Entry {
  readonly key: string;
  readonly channel: ChannelId;
  /** Epoch ms of the last note. */
  readonly at: number;
}
type Stored = { conversations?: Entry[]; eTag?: string };

const MAX_WRITES = 8;
export const userIndexKey = (userId: string): string => `${ITEM_PREFIXES.userIndex}${userId}`;

export interface UserIndexOptions {
  readonly storage: Storage;
  /** The index item's lifetime (bot/privacy/lifetimes.ts): notes are renewed at half of it. 0: forever. */
  readonly lifetimeMs: number;
  readonly now?: () => number;
}

export function createUserIndex(options: UserIndexOptions): UserIndex {
  const { storage } = options;
  const now = options.now ?? Date.now;
  const read = async (userId: string): Promise<Stored | undefined> => (await storage.read([userIndexKey(userId)]))[userIndexKey(userId)] as Stored | undefined;

  /** Reads, changes and writes the user's item with compare-and-set; an empty list deletes it. */
  async function change(userId: string, edit: (entries: readonly Entry[]) => Entry[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const item = await read(userId);
      const next = edit(item?.conversations ?? []);
      try {
        if (next.length === 0) return void (item ? await storage.delete([userIndexKey(userId)]) : undefined);
        return await storage.write({ [userIndexKey(userId)]: { conversations: next, ...(item?.eTag ? { eTag: item.eTag } : {}) } });
      } catch (err) {
        if (!isETagConflict(err) || attempt >= MAX_WRITES) throw err;
      }
    }
  }

  return {
    renewAfterMs: Math.floor(options.lifetimeMs / 2),
    add: (userId, channel, key) => change(userId, (entries) => [...entries.filter((e) => e.key !== key), { key, channel, at: now() }]),
    async conversations(userId, channel) {
      const entries = (await read(userId))?.conversations ?? [];
      return entries.filter((e) => channel === undefined || e.channel === channel).map((e) => e.key);
    },
    async remove(userId, keys) {
      if (keys.length === 0) return;
      const gone = new Set(keys);
      await change(userId, (entries) => entries.filter((e) => !gone.has(e.key)));
    },
  };
}
