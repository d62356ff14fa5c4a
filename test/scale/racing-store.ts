// A BotStore wrapper that makes two turns of one conversation truly overlap: once armed for a conversation, a read of
// its session waits until the other instance has read it too, so both decide on the same eTag and one write must
// conflict and retry. Counts the conflicts, so a test can prove the retry path ran rather than hope it did.
import type { Storage } from 'botbuilder';
import type { BotStore } from '../../bot/ports';
import { isETagConflict } from '../../bot/storage';

const BARRIER_DEADLINE_MS = 5000;

export interface Race {
  /** The next reads of `session/<conversationKey>` wait for each other, `readers` of them (then it disarms). */
  arm(conversationKey: string, readers?: number): void;
  readonly conflicts: () => number;
  /** Wraps one instance's store; every instance of the race wraps its own with the same Race. */
  wrap(store: BotStore): BotStore;
}

export function createRace(): Race {
  let armed: { key: string; readers: number; arrived: number; release: () => void; released: Promise<void> } | undefined;
  let conflicts = 0;

  async function arrive(keys: readonly string[]): Promise<void> {
    const gate = armed;
    if (!gate || !keys.includes(gate.key)) return;
    gate.arrived += 1;
    if (gate.arrived >= gate.readers) {
      armed = undefined;
      gate.release();
      return;
    }
    // Bounded: if the other read never comes, carry on (the test's assertions then say so) rather than hang.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([gate.released, new Promise((resolve) => (timer = setTimeout(resolve, BARRIER_DEADLINE_MS)))]);
    clearTimeout(timer);
  }

  return {
    arm(conversationKey, readers = 2) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      armed = { key: `session/${conversationKey}`, readers, arrived: 0, release, released };
    },
    conflicts: () => conflicts,
    wrap(store) {
      const storage: Storage = {
        read: async (keys) => {
          const items = await store.storage.read(keys);
          await arrive(keys);
          return items;
        },
        write: async (changes) => {
          try {
            await store.storage.write(changes);
          } catch (err) {
            if (isETagConflict(err)) conflicts += 1;
            throw err;
          }
        },
        delete: (keys) => store.storage.delete(keys),
      };
      return { kind: store.kind, storage, logs: store.logs, outbox: store.outbox, bus: store.bus, ping: () => store.ping(), close: () => store.close() };
    },
  };
}
