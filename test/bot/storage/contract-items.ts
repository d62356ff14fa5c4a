// Contract part: botbuilder Storage semantics (read / write with eTag / delete) and no lost update under contention.
import type { StoreItem } from 'botbuilder';
import { ETagConflictError, isETagConflict } from '../../../bot/storage';
import type { ContractContext } from './contract';

export function itemsContract(ctx: ContractContext): void {
  describe('storage (botbuilder Storage)', () => {
    it('reads nothing for missing keys and for an empty key list', async () => {
      const { storage } = ctx.store();
      await expect(storage.read(['nope', 'none'])).resolves.toEqual({});
      await expect(storage.read([])).resolves.toEqual({});
    });

    it('writes several items and reads them back with a string eTag each', async () => {
      const { storage } = ctx.store();
      await storage.write({ 'session/a': { step: 'one', facts: { os: 'iOS 18' } }, 'session/b': { step: 'two' } });
      const read = await storage.read(['session/a', 'session/b', 'session/c']);
      expect(Object.keys(read).sort()).toEqual(['session/a', 'session/b']);
      expect(read['session/a']).toEqual({ step: 'one', facts: { os: 'iOS 18' }, eTag: expect.any(String) });
      expect(read['session/a'].eTag).not.toBe(read['session/b'].eTag);
    });

    it('hands out copies: changing a read item changes nothing stored', async () => {
      const { storage } = ctx.store();
      await storage.write({ k: { list: [1] } });
      const first = (await storage.read(['k'])).k as StoreItem;
      first.list.push(2);
      expect(((await storage.read(['k'])).k as StoreItem).list).toEqual([1]);
    });

    it('accepts a write carrying the current eTag and gives the item a new eTag', async () => {
      const { storage } = ctx.store();
      await storage.write({ k: { n: 1 } });
      const read = (await storage.read(['k'])).k as StoreItem;
      await storage.write({ k: { ...read, n: 2 } });
      const after = (await storage.read(['k'])).k as StoreItem;
      expect(after.n).toBe(2);
      expect(after.eTag).not.toBe(read.eTag);
    });

    it('rejects a write carrying a stale eTag with an "eTag conflict" error and keeps the stored item', async () => {
      const { storage } = ctx.store();
      await storage.write({ k: { n: 1 } });
      const stale = (await storage.read(['k'])).k as StoreItem;
      await storage.write({ k: { ...stale, n: 2 } });
      const error = await storage.write({ k: { ...stale, n: 3 } }).then(() => undefined, (err: unknown) => err);
      expect(isETagConflict(error)).toBe(true);
      expect(error).toBeInstanceOf(ETagConflictError);
      expect((error as Error).message).toContain('eTag conflict');
      expect((error as ETagConflictError).key).toBe('k');
      expect(((await storage.read(['k'])).k as StoreItem).n).toBe(2);
    });

    it.each([
      ['eTag "*"', { eTag: '*' }],
      ['no eTag', {}],
    ])('overwrites unconditionally with %s', async (_label, extra) => {
      const { storage } = ctx.store();
      await storage.write({ k: { n: 1 } });
      await storage.write({ k: { n: 2 } });
      await storage.write({ k: { n: 3, ...extra } });
      expect((await storage.read(['k'])).k).toEqual({ n: 3, eTag: expect.any(String) });
    });

    it('writes a key that does not exist even with an eTag (botbuilder rule: nothing to conflict with)', async () => {
      const { storage } = ctx.store();
      await storage.write({ gone: { n: 1, eTag: 'from-an-old-read' } });
      expect(((await storage.read(['gone'])).gone as StoreItem).n).toBe(1);
    });

    it('deletes keys, and deleting a missing key is not an error', async () => {
      const { storage } = ctx.store();
      await storage.write({ a: { n: 1 }, b: { n: 2 } });
      await storage.delete(['a', 'missing']);
      expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['b']);
    });

    it('loses no update when parallel writers read-modify-write one key, retrying on conflict', async () => {
      const { storage } = ctx.store();
      const writers = 12;
      let conflictsSeen = 0;
      await storage.write({ counter: { n: 0 } });
      const increment = async (): Promise<void> => {
        for (;;) {
          const current = (await storage.read(['counter'])).counter as StoreItem;
          try {
            await storage.write({ counter: { ...current, n: current.n + 1 } });
            return;
          } catch (err) {
            if (!isETagConflict(err)) throw err;
            conflictsSeen += 1;
          }
        }
      };
      await Promise.all(Array.from({ length: writers }, increment));
      expect(((await storage.read(['counter'])).counter as StoreItem).n).toBe(writers);
      // The writers really raced: otherwise this test would prove nothing.
      expect(conflictsSeen).toBeGreaterThan(0);
    });
  });
}
