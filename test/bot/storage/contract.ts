// The one BotStore contract, run against every backend (memory, SQLite, Redis): same tests, same expectations.
import type { BotStore } from '../../../bot/ports';
import { isStorageUnavailable } from '../../../bot/storage';
import { busContract } from './contract-bus';
import { itemsContract } from './contract-items';
import { logsContract } from './contract-logs';
import { outboxContract } from './contract-outbox';
import { turnContract } from './contract-turn';

/** A fresh, empty backing for one test; `open` returns a new store over it (the same data each time when durable). */
export interface StoreFixture {
  open(): Promise<BotStore>;
  dispose(): Promise<void>;
}

export interface ContractOptions {
  /** Data survives close + reopen (SQLite, Redis; not memory). */
  readonly durable: boolean;
  /** Two stores opened on one backing hear each other's bus messages (Redis). */
  readonly sharedBus: boolean;
}

/** What each part of the contract gets: the store under test and a way to open another one on the same backing. */
export interface ContractContext {
  store(): BotStore;
  open(): Promise<BotStore>;
}

export function describeStoreContract(name: string, makeFixture: () => Promise<StoreFixture>, options: ContractOptions): void {
  describe(`BotStore contract: ${name}`, () => {
    let fixture: StoreFixture;
    let opened: BotStore[] = [];
    const context: ContractContext = {
      store: () => opened[0],
      open: async () => {
        const store = await fixture.open();
        opened.push(store);
        return store;
      },
    };

    beforeEach(async () => {
      fixture = await makeFixture();
      opened = [];
      await context.open();
    });
    afterEach(async () => {
      for (const store of opened) await store.close();
      await fixture.dispose();
    });

    itemsContract(context);
    logsContract(context);
    turnContract(context);
    outboxContract(context);
    busContract(context, options);

    describe('lifecycle', () => {
      it('answers ping while open', async () => {
        await expect(context.store().ping()).resolves.toBeUndefined();
      });

      it('rejects every operation after close with StorageUnavailableError, and closes twice quietly', async () => {
        const store = context.store();
        await store.close();
        await store.close();
        const attempts: Promise<unknown>[] = [
          store.ping(),
          store.storage.read(['a']),
          store.storage.write({ a: { n: 1 } }),
          store.logs.append('log', 1),
          store.outbox.enqueue({ id: 'x', kind: 'k', payload: {} }),
          store.bus.publish('t', 'm'),
        ];
        for (const attempt of await Promise.allSettled(attempts)) {
          expect(attempt.status).toBe('rejected');
          expect(isStorageUnavailable((attempt as PromiseRejectedResult).reason)).toBe(true);
        }
      });

      // Memory is not durable by design, so it has no such test (rather than a skipped one).
      if (options.durable) it('keeps items, logs and outbox across close and reopen', async () => {
        const first = context.store();
        await first.storage.write({ 'session/a': { step: 'check-cable' } });
        await first.logs.append('transcript/a', { text: 'hi' });
        await first.outbox.enqueue({ id: 'ticket-1', kind: 'ticket', payload: { n: 1 } });
        await first.close();

        const second = await context.open();
        const read = await second.storage.read(['session/a']);
        expect(read['session/a']).toMatchObject({ step: 'check-cable' });
        expect(await second.logs.read('transcript/a', 0)).toEqual([{ seq: 0, entry: { text: 'hi' } }]);
        expect(await second.outbox.get('ticket-1')).toMatchObject({ kind: 'ticket', payload: { n: 1 }, state: 'pending' });
      });
    });
  });
}
