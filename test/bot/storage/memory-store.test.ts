// The memory store against the shared contract, plus its outage switch (the edge's apology tests use it).
import { createMemoryStore, isStorageUnavailable } from '../../../bot/storage';
import { describeStoreContract } from './contract';

describeStoreContract(
  'memory',
  async () => {
    // One instance is the whole backing: opening "again" hands back the same store.
    const store = createMemoryStore();
    return { open: async () => store, dispose: async () => undefined };
  },
  { durable: false, sharedBus: false },
);

describe('createMemoryStore', () => {
  it('rejects with StorageUnavailableError while an outage is simulated, and works again after', async () => {
    const store = createMemoryStore();
    await store.storage.write({ k: { n: 1 } });
    store.simulateOutage(true);
    const results = await Promise.allSettled([store.ping(), store.storage.read(['k']), store.logs.append('l', 1), store.outbox.list()]);
    expect(results.every((r) => r.status === 'rejected' && isStorageUnavailable(r.reason))).toBe(true);
    store.simulateOutage(false);
    expect((await store.storage.read(['k'])).k).toMatchObject({ n: 1 });
  });

  it('uses the clock it is given for log retention', async () => {
    let now = 1_000;
    const store = createMemoryStore({ now: () => now });
    await store.logs.append('transcript/a', 1);
    now = 5_000;
    await store.logs.append('transcript/b', 1);
    expect(await store.logs.expire('transcript/', 2_000)).toBe(1);
    expect(await store.logs.length('transcript/b')).toBe(1);
  });
});
