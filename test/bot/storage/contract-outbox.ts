// Contract part: the durable outbox (idempotent enqueue, leased claims, retries, dead letters, delivery).
import type { ContractContext } from './contract';

const LEASE = 30_000;
const ticket = (id: string, n = 1) => ({ id, kind: 'ticket', payload: { n } });

export function outboxContract(ctx: ContractContext): void {
  describe('outbox', () => {
    it('stores an enqueued item as pending, due now, with no attempts', async () => {
      const { outbox } = ctx.store();
      const before = Date.now();
      await outbox.enqueue({ id: 'handoff:1', kind: 'ticket', payload: { story: ['a'], n: 1 } });
      const item = await outbox.get('handoff:1');
      expect(item).toEqual({
        id: 'handoff:1', kind: 'ticket', payload: { story: ['a'], n: 1 }, attempts: 0, state: 'pending',
        dueAt: expect.any(Number), createdAt: expect.any(Number),
      });
      expect(item?.createdAt).toBeGreaterThanOrEqual(before);
      expect(await outbox.get('missing')).toBeUndefined();
    });

    it('enqueues an id once: a second enqueue changes nothing, even after delivery', async () => {
      const { outbox } = ctx.store();
      await outbox.enqueue(ticket('t1', 1));
      await outbox.enqueue(ticket('t1', 2));
      expect(await outbox.list()).toHaveLength(1);
      expect((await outbox.get('t1'))?.payload).toEqual({ n: 1 });
      await outbox.markDelivered('t1');
      await outbox.enqueue(ticket('t1', 3));
      expect(await outbox.get('t1')).toMatchObject({ state: 'delivered', payload: { n: 1 } });
    });

    it('claims due items up to the limit and leases them until the lease runs out', async () => {
      const { outbox } = ctx.store();
      for (const id of ['a', 'b', 'c']) await outbox.enqueue(ticket(id));
      const now = Date.now() + 1;
      expect(await outbox.claimDue(now - 60_000, 10, LEASE)).toEqual([]);
      const first = await outbox.claimDue(now, 2, LEASE);
      expect(first).toHaveLength(2);
      expect(first.every((item) => item.attempts === 1)).toBe(true);
      expect((await outbox.claimDue(now, 10, LEASE)).map((i) => i.id)).toHaveLength(1);
      expect(await outbox.claimDue(now + LEASE - 1, 10, LEASE)).toEqual([]);
      const again = await outbox.claimDue(now + LEASE + 1, 10, LEASE);
      expect(again.map((i) => i.id).sort()).toEqual(['a', 'b', 'c']);
      expect(again.every((item) => item.attempts === 2)).toBe(true);
    });

    it('never gives one item to two parallel claimers', async () => {
      const { outbox } = ctx.store();
      const ids = Array.from({ length: 20 }, (_, i) => `item-${String(i).padStart(2, '0')}`);
      await Promise.all(ids.map((id) => outbox.enqueue(ticket(id))));
      const other = await ctx.open();
      const now = Date.now() + 1;
      const claims = await Promise.all([outbox.claimDue(now, 15, LEASE), other.outbox.claimDue(now, 15, LEASE), outbox.claimDue(now, 15, LEASE)]);
      const claimed = claims.flat().map((item) => item.id);
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.sort()).toEqual(ids);
    });

    it('retries a failed item at its retry time and records the error', async () => {
      const { outbox } = ctx.store();
      await outbox.enqueue(ticket('t'));
      const now = Date.now() + 1;
      await outbox.claimDue(now, 1, LEASE);
      await outbox.markFailed('t', 'help desk answered 503', now + 5_000, false);
      expect(await outbox.get('t')).toMatchObject({ state: 'pending', lastError: 'help desk answered 503', dueAt: now + 5_000, attempts: 1 });
      expect(await outbox.claimDue(now + 4_999, 1, LEASE)).toEqual([]);
      expect(await outbox.claimDue(now + 5_000, 1, LEASE)).toMatchObject([{ id: 't', attempts: 2 }]);
    });

    it('parks a dead item for good', async () => {
      const { outbox } = ctx.store();
      await outbox.enqueue(ticket('t'));
      const now = Date.now() + 1;
      await outbox.claimDue(now, 1, LEASE);
      await outbox.markFailed('t', 'rejected: 400', now, true);
      expect(await outbox.claimDue(now + 10 * LEASE, 10, LEASE)).toEqual([]);
      expect(await outbox.list('dead')).toMatchObject([{ id: 't', state: 'dead', lastError: 'rejected: 400' }]);
    });

    it('delivers an item once: never claimed again, and a late failure report does not revive it', async () => {
      const { outbox } = ctx.store();
      await outbox.enqueue(ticket('t'));
      const now = Date.now() + 1;
      await outbox.claimDue(now, 1, LEASE);
      await outbox.markDelivered('t');
      await outbox.markFailed('t', 'late', now, false);
      await outbox.markDelivered('missing');
      await outbox.markFailed('missing', 'x', now, false);
      expect(await outbox.claimDue(now + 10 * LEASE, 10, LEASE)).toEqual([]);
      expect(await outbox.get('t')).toMatchObject({ state: 'delivered' });
      expect(await outbox.get('missing')).toBeUndefined();
    });

    it('lists items oldest first, optionally by state', async () => {
      const { outbox } = ctx.store();
      for (const id of ['first', 'second', 'third']) await outbox.enqueue(ticket(id));
      await outbox.markDelivered('second');
      expect((await outbox.list()).map((i) => i.id)).toEqual(['first', 'second', 'third']);
      expect((await outbox.list('pending')).map((i) => i.id)).toEqual(['first', 'third']);
      expect((await outbox.list('delivered')).map((i) => i.id)).toEqual(['second']);
      expect(await outbox.list('dead')).toEqual([]);
    });

    it('removes items whatever their state: gone from get, list and claims', async () => {
      const { outbox } = ctx.store();
      for (const id of ['keep', 'pending', 'done']) await outbox.enqueue(ticket(id));
      await outbox.markDelivered('done');
      await outbox.remove(['pending', 'done', 'missing']);
      await outbox.remove([]);
      expect((await outbox.list()).map((i) => i.id)).toEqual(['keep']);
      expect(await outbox.get('pending')).toBeUndefined();
      expect((await outbox.claimDue(Date.now() + 1, 10, LEASE)).map((i) => i.id)).toEqual(['keep']);
    });

    it('purges delivered and dead items created before the cut-off, never pending ones', async () => {
      const { outbox } = ctx.store();
      for (const id of ['delivered', 'dead', 'pending']) await outbox.enqueue(ticket(id));
      await outbox.markDelivered('delivered');
      await outbox.markFailed('dead', 'gone', Date.now(), true);
      expect(await outbox.purge(Date.now() - 60_000)).toBe(0);
      expect(await outbox.purge(Date.now() + 60_000)).toBe(2);
      expect((await outbox.list()).map((i) => i.id)).toEqual(['pending']);
    });
  });
}
