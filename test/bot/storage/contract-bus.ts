// Contract part: the Bus (publish / subscribe / unsubscribe), and across two stores when the backend shares it.
import type { Bus } from '../../../bot/ports';
import type { ContractContext, ContractOptions } from './contract';

/** Collects a topic's messages; `next(n)` resolves once n have arrived (events, not sleeps). */
async function collect(bus: Bus, topic: string) {
  const messages: string[] = [];
  let waiting: { n: number; resolve: () => void } | undefined;
  const unsubscribe = await bus.subscribe(topic, (message) => {
    messages.push(message);
    if (waiting && messages.length >= waiting.n) waiting.resolve();
  });
  const next = (n: number): Promise<string[]> =>
    messages.length >= n ? Promise.resolve(messages) : new Promise((resolve) => (waiting = { n, resolve: () => resolve(messages) }));
  return { messages, next, unsubscribe };
}

export function busContract(ctx: ContractContext, options: ContractOptions): void {
  describe('bus', () => {
    it('delivers published messages to every subscriber of the topic, in order, and to no other topic', async () => {
      const { bus } = ctx.store();
      const one = await collect(bus, 'dl/conv-1');
      const two = await collect(bus, 'dl/conv-1');
      const other = await collect(bus, 'dl/conv-2');
      await bus.publish('dl/conv-1', 'a');
      await bus.publish('dl/conv-1', 'b');
      await bus.publish('dl/conv-2', 'end');
      expect(await one.next(2)).toEqual(['a', 'b']);
      expect(await two.next(2)).toEqual(['a', 'b']);
      expect(await other.next(1)).toEqual(['end']);
    });

    it('stops delivering after unsubscribe (checked with a later message on another topic)', async () => {
      const { bus } = ctx.store();
      const gone = await collect(bus, 'topic');
      const kept = await collect(bus, 'topic');
      const sentinel = await collect(bus, 'sentinel');
      await bus.publish('topic', 'first');
      await gone.next(1);
      await gone.unsubscribe();
      await gone.unsubscribe();
      await bus.publish('topic', 'second');
      await bus.publish('sentinel', 'done');
      await sentinel.next(1);
      expect(await kept.next(2)).toEqual(['first', 'second']);
      expect(gone.messages).toEqual(['first']);
    });

    it('treats the same function subscribed twice as two subscriptions', async () => {
      const { bus } = ctx.store();
      const heard: string[] = [];
      const handler = (message: string): void => void heard.push(message);
      const first = await bus.subscribe('twice', handler);
      await bus.subscribe('twice', handler);
      const sentinel = await collect(bus, 'twice');
      await bus.publish('twice', 'a');
      await sentinel.next(1);
      await first();
      await bus.publish('twice', 'b');
      await sentinel.next(2);
      expect(heard).toEqual(['a', 'a', 'b']);
    });

    it('survives a subscriber that throws', async () => {
      const { bus } = ctx.store();
      await bus.subscribe('t', () => {
        throw new Error('subscriber bug');
      });
      const fine = await collect(bus, 't');
      await bus.publish('t', 'x');
      expect(await fine.next(1)).toEqual(['x']);
    });

    if (options.sharedBus) {
      it('carries messages between two stores on the same backing (two instances)', async () => {
        const other = await ctx.open();
        const heard = await collect(other.bus, 'agent/relay');
        await ctx.store().bus.publish('agent/relay', 'from instance A');
        expect(await heard.next(1)).toEqual(['from instance A']);
      });
    }
  });
}
