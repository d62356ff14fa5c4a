// The outbox worker over the memory store's outbox (same leasing rules as SQLite and Redis), with a hand-moved clock:
// delivery, backoff, dead after N attempts, permanent failures, leases between two workers, order per conversation.
import { createSilentLogger } from '../../bot/logger';
import { createOutboxWorker, PermanentDeliveryError, retryDelay, type OutboxHandler, type OutboxWorker } from '../../bot/outbox';
import type { OutboxItem } from '../../bot/ports';
import { createMemoryStore, type MemoryStore } from '../../bot/storage';
import { createTestClock, type TestClock } from '../handoff/support/clock';

let clock: TestClock;
let store: MemoryStore;
const logger = createSilentLogger();
const half = () => 0.5;

function worker(handlers: Record<string, OutboxHandler>, extra: { maxAttempts?: number; leaseMs?: number } = {}): OutboxWorker {
  return createOutboxWorker({ outbox: store.outbox, handlers, logger, now: clock.now, random: half, ...extra });
}
const item = (id: string) => store.outbox.get(id) as Promise<OutboxItem>;

beforeEach(() => {
  clock = createTestClock('2026-03-02T10:00:00Z');
  store = createMemoryStore({ now: clock.now });
});

describe('outbox worker', () => {
  it('delivers a due item once and marks it delivered', async () => {
    const seen: string[] = [];
    const w = worker({ ticket: async (i) => void seen.push(i.id) });
    await store.outbox.enqueue({ id: 't1', kind: 'ticket', payload: {} });
    expect(await w.tick()).toEqual({ claimed: 1, delivered: 1, retried: 0, dead: 0 });
    expect(await w.tick()).toEqual({ claimed: 0, delivered: 0, retried: 0, dead: 0 });
    expect(seen).toEqual(['t1']);
    expect(await item('t1')).toMatchObject({ state: 'delivered', attempts: 1 });
  });

  it('retries a failure after its backoff, and not before', async () => {
    let fail = true;
    const w = worker({ ticket: async () => { if (fail) throw new Error('HTTP 503'); } });
    await store.outbox.enqueue({ id: 't1', kind: 'ticket', payload: {} });
    expect((await w.tick()).retried).toBe(1);
    const failed = await item('t1');
    expect(failed).toMatchObject({ state: 'pending', attempts: 1, lastError: 'Error: HTTP 503', dueAt: clock.now() + retryDelay(1, half) });
    clock.advance(retryDelay(1, half) - 1);
    expect((await w.tick()).claimed).toBe(0);
    clock.advance(1);
    fail = false;
    expect((await w.tick()).delivered).toBe(1);
  });

  it('marks an item dead after the last attempt', async () => {
    const w = worker({ ticket: async () => { throw new Error('down'); } }, { maxAttempts: 3 });
    await store.outbox.enqueue({ id: 't1', kind: 'ticket', payload: {} });
    for (let i = 0; i < 3; i += 1) {
      await w.tick();
      clock.advance(3_600_000);
    }
    expect(await item('t1')).toMatchObject({ state: 'dead', attempts: 3 });
    expect((await w.tick()).claimed).toBe(0);
  });

  it.each([
    ['a permanent failure (4xx)', { ticket: async () => { throw new PermanentDeliveryError('HTTP 400'); } }],
    ['an item nobody handles', {}],
  ])('marks %s dead at once', async (_name, handlers: Record<string, OutboxHandler>) => {
    await store.outbox.enqueue({ id: 't1', kind: 'ticket', payload: {} });
    expect((await worker(handlers).tick()).dead).toBe(1);
    expect(await item('t1')).toMatchObject({ state: 'dead', attempts: 1 });
  });

  it('never lets two workers send one item at once (the lease), and retries it once the lease has run out', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const calls: string[] = [];
    const slow = worker({ ticket: async (i) => { calls.push(`slow ${i.attempts}`); await gate; throw new Error('lost'); } }, { leaseMs: 60_000 });
    const other = worker({ ticket: async (i) => void calls.push(`other ${i.attempts}`) }, { leaseMs: 60_000 });
    await store.outbox.enqueue({ id: 't1', kind: 'ticket', payload: {} });
    const first = slow.tick();
    await new Promise((resolve) => setImmediate(resolve)); // let the first pass claim
    expect((await other.tick()).claimed).toBe(0);
    release();
    await first;
    clock.advance(3_600_000);
    expect((await other.tick()).delivered).toBe(1);
    expect(calls).toEqual(['slow 1', 'other 2']);
  });

  it('delivers items of one conversation in order, others alongside', async () => {
    const order: string[] = [];
    const w = worker({ notice: async (i) => void order.push(i.id) });
    for (const id of ['a1', 'b1', 'a2', 'a3']) await store.outbox.enqueue({ id, kind: 'notice', payload: { orderKey: id[0] } });
    await w.tick();
    expect(order.filter((id) => id.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
  });

  it('survives the store being down: nothing claimed, nothing thrown, delivered once it is back', async () => {
    const w = worker({ ticket: async () => undefined });
    await store.outbox.enqueue({ id: 't1', kind: 'ticket', payload: {} });
    store.simulateOutage(true);
    expect(await w.tick()).toEqual({ claimed: 0, delivered: 0, retried: 0, dead: 0 });
    store.simulateOutage(false);
    expect((await w.tick()).delivered).toBe(1);
  });

  it('runs by itself once started, kicked by new work, and stops after its pass in flight', async () => {
    const delivered: string[] = [];
    let wake: () => void = () => undefined;
    const w = createOutboxWorker({ outbox: store.outbox, logger, now: clock.now, pollMs: 60_000, handlers: { ticket: async (i) => { delivered.push(i.id); wake(); } } });
    w.start();
    const done = new Promise<void>((resolve) => (wake = resolve));
    await store.outbox.enqueue({ id: 't1', kind: 'ticket', payload: {} });
    w.kick();
    await done;
    await w.stop();
    expect(delivered).toEqual(['t1']);
    await store.outbox.enqueue({ id: 't2', kind: 'ticket', payload: {} });
    w.kick(); // stopped: no pass
    expect(await item('t2')).toMatchObject({ state: 'pending', attempts: 0 });
  });
});
