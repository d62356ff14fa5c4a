// Contract part: BotStore.writeTurn, a turn's session write and transcript append as one operation. Every store has
// it except Redis Cluster (a turn's keys span slots), where the conversation service writes and appends one by one.
import { isETagConflict } from '../../../bot/storage';
import type { ContractContext } from './contract';

export function turnContract(ctx: ContractContext): void {
  describe('writeTurn', () => {
    const present = () => {
      const store = ctx.store();
      if (!store.writeTurn) expect(store.kind).toBe('redis');
      return store.writeTurn ? { store, writeTurn: store.writeTurn.bind(store) } : undefined;
    };

    it('writes the item and appends the entries after the log\'s own', async () => {
      const turn = present();
      if (!turn) return;
      const { store, writeTurn } = turn;
      await store.logs.append('transcript/t1', { n: 0 });
      await writeTurn({ 'session/t1': { turns: 1 } }, 'transcript/t1', [{ n: 1 }, { n: 2 }]);
      const item = (await store.storage.read(['session/t1']))['session/t1'];
      expect(item).toMatchObject({ turns: 1, eTag: expect.any(String) });
      await writeTurn({ 'session/t1': { turns: 2, eTag: item.eTag } }, 'transcript/t1', [{ n: 3 }]);
      expect((await store.storage.read(['session/t1']))['session/t1']).toMatchObject({ turns: 2 });
      expect((await store.logs.read('transcript/t1', 0)).map((r) => r.entry)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }]);
      expect(await store.logs.append('transcript/t1', { n: 4 })).toBe(4);
    });

    it('writes nothing, the log included, when the eTag is stale', async () => {
      const turn = present();
      if (!turn) return;
      const { store, writeTurn } = turn;
      await store.storage.write({ 'session/t2': { turns: 1 } });
      const stale = (await store.storage.read(['session/t2']))['session/t2'].eTag as string;
      await store.storage.write({ 'session/t2': { turns: 5, eTag: stale } });
      const error = await writeTurn({ 'session/t2': { turns: 2, eTag: stale } }, 'transcript/t2', [{ n: 1 }]).then(() => undefined, (e: unknown) => e);
      expect(isETagConflict(error)).toBe(true);
      expect((await store.storage.read(['session/t2']))['session/t2']).toMatchObject({ turns: 5 });
      expect(await store.logs.length('transcript/t2')).toBe(0);
    });

    it('writes the item alone when there is nothing to append', async () => {
      const turn = present();
      if (!turn) return;
      const { store, writeTurn } = turn;
      await writeTurn({ 'session/t3': { turns: 1 } }, 'transcript/t3', []);
      expect((await store.storage.read(['session/t3']))['session/t3']).toMatchObject({ turns: 1 });
      expect(await store.logs.length('transcript/t3')).toBe(0);
    });
  });
}
