// The Outbox of the memory store: the same leasing and idempotency rules as SQLite and Redis, in a Map.
import type { Outbox, OutboxItem } from '../ports';

interface Slot {
  item: OutboxItem;
  leaseUntil: number;
}

export function createMemoryOutbox(guard: (operation: string) => void, now: () => number): Outbox {
  const slots = new Map<string, Slot>();
  // Items leave as JSON copies, as they would from a database: callers can't change the stored ones.
  const copy = (item: OutboxItem): OutboxItem => JSON.parse(JSON.stringify(item)) as OutboxItem;
  const order = (a: OutboxItem, b: OutboxItem): number => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  return {
    async enqueue({ id, kind, payload }) {
      guard('outbox.enqueue');
      if (slots.has(id)) return;
      const at = now();
      const item: OutboxItem = { id, kind, payload: JSON.parse(JSON.stringify(payload)), attempts: 0, dueAt: at, createdAt: at, state: 'pending' };
      slots.set(id, { item, leaseUntil: 0 });
    },
    async claimDue(at, limit, leaseMs) {
      guard('outbox.claimDue');
      const due = [...slots.values()]
        .filter((s) => s.item.state === 'pending' && s.item.dueAt <= at && s.leaseUntil <= at)
        .sort((a, b) => a.item.dueAt - b.item.dueAt || order(a.item, b.item))
        .slice(0, Math.max(0, limit));
      return due.map((slot) => {
        slot.leaseUntil = at + leaseMs;
        slot.item = { ...slot.item, attempts: slot.item.attempts + 1 };
        return copy(slot.item);
      });
    },
    async markDelivered(id) {
      guard('outbox.markDelivered');
      const slot = slots.get(id);
      if (!slot) return;
      slot.item = { ...slot.item, state: 'delivered' };
      slot.leaseUntil = 0;
    },
    async markFailed(id, error, retryAt, dead) {
      guard('outbox.markFailed');
      const slot = slots.get(id);
      // A late failure report never revives an item someone else already delivered.
      if (!slot || slot.item.state !== 'pending') return;
      slot.item = { ...slot.item, state: dead ? 'dead' : 'pending', lastError: error, dueAt: retryAt };
      slot.leaseUntil = 0;
    },
    async get(id) {
      guard('outbox.get');
      const slot = slots.get(id);
      return slot ? copy(slot.item) : undefined;
    },
    async list(state) {
      guard('outbox.list');
      return [...slots.values()]
        .map((s) => s.item)
        .filter((item) => state === undefined || item.state === state)
        .sort(order)
        .map(copy);
    },
    async remove(ids) {
      guard('outbox.remove');
      for (const id of ids) slots.delete(id);
    },
    async purge(olderThan) {
      guard('outbox.purge');
      const old = [...slots.values()].filter((s) => s.item.state !== 'pending' && s.item.createdAt < olderThan);
      for (const slot of old) slots.delete(slot.item.id);
      return old.length;
    },
  };
}
