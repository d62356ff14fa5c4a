// The per-conversation queue: one task at a time per key, in order; other keys run alongside; idle() waits.
import { createKeyedQueue } from '../../../bot/conversation/keyed-queue';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createKeyedQueue', () => {
  it('runs tasks of one key in order, and a failure does not block the next', async () => {
    const queue = createKeyedQueue();
    const order: string[] = [];
    const gate = deferred();
    const a = queue.run('k', async () => {
      await gate.promise;
      order.push('a');
    });
    const b = queue.run('k', async () => {
      order.push('b');
      throw new Error('b failed');
    });
    const c = queue.run('k', async () => void order.push('c'));
    const other = queue.run('other', async () => void order.push('other'));
    await other;
    expect(order).toEqual(['other']);
    gate.resolve();
    await a;
    await expect(b).rejects.toThrow('b failed');
    await c;
    expect(order).toEqual(['other', 'a', 'b', 'c']);
  });

  it('reports idle once nothing is queued or running', async () => {
    const queue = createKeyedQueue();
    await queue.idle();
    const gate = deferred();
    void queue.run('k', () => gate.promise);
    let idle = false;
    const waiting = queue.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    expect(queue.size()).toBe(1);
    gate.resolve();
    await waiting;
    expect(queue.size()).toBe(0);
  });
});
