// The Outbox on SQLite: INSERT-or-ignore makes enqueue idempotent; one UPDATE … RETURNING claims and leases atomically.
import type { Outbox, OutboxItem } from '../ports';
import type { SqliteDb } from './sqlite-db';
import { sqliteCall } from './sqlite-db';

interface Row {
  id: string;
  kind: string;
  payload: string;
  state: OutboxItem['state'];
  attempts: number;
  due_at: number;
  created_at: number;
  last_error: string | null;
}

const toItem = (row: Row): OutboxItem => ({
  id: row.id,
  kind: row.kind,
  payload: JSON.parse(row.payload) as OutboxItem['payload'],
  attempts: row.attempts,
  dueAt: row.due_at,
  createdAt: row.created_at,
  state: row.state,
  ...(row.last_error === null ? {} : { lastError: row.last_error }),
});

export function createSqliteOutbox(db: SqliteDb, guard: (operation: string) => void, now: () => number): Outbox {
  const insert = db.prepare<[string, string, string, number, number]>(
    `INSERT INTO outbox (id, kind, payload, state, attempts, due_at, lease_until, last_error, created_at)
     VALUES (?, ?, ?, 'pending', 0, ?, 0, NULL, ?) ON CONFLICT (id) DO NOTHING`,
  );
  // Attempts count claims, so a try cut short by a crash still counts towards giving up.
  const claim = db.prepare<[number, number, number, number], Row>(
    `UPDATE outbox SET lease_until = ?, attempts = attempts + 1 WHERE id IN (
       SELECT id FROM outbox WHERE state = 'pending' AND due_at <= ? AND lease_until <= ?
       ORDER BY due_at, created_at, id LIMIT ?) RETURNING *`,
  );
  const delivered = db.prepare<[string]>(`UPDATE outbox SET state = 'delivered', lease_until = 0 WHERE id = ? AND state != 'delivered'`);
  // Only a pending item can fail: a late report never revives an item another instance delivered.
  const failed = db.prepare<[string, string, number, string]>(
    `UPDATE outbox SET state = ?, last_error = ?, due_at = ?, lease_until = 0 WHERE id = ? AND state = 'pending'`,
  );
  const one = db.prepare<[string], Row>('SELECT * FROM outbox WHERE id = ?');
  const all = db.prepare<[], Row>('SELECT * FROM outbox ORDER BY created_at, id');
  const byState = db.prepare<[string], Row>('SELECT * FROM outbox WHERE state = ? ORDER BY created_at, id');
  const removeOne = db.prepare<[string]>('DELETE FROM outbox WHERE id = ?');
  const removeAll = db.transaction((ids: readonly string[]) => {
    for (const id of ids) removeOne.run(id);
  });
  const purge = db.prepare<[number]>(`DELETE FROM outbox WHERE state IN ('delivered', 'dead') AND created_at < ?`);

  return {
    async enqueue({ id, kind, payload }) {
      guard('outbox.enqueue');
      const json = JSON.stringify(payload);
      const at = now();
      sqliteCall('outbox.enqueue', () => insert.run(id, kind, json, at, at));
    },
    async claimDue(at, limit, leaseMs) {
      guard('outbox.claimDue');
      if (limit <= 0) return [];
      const rows = sqliteCall('outbox.claimDue', () => claim.all(at + leaseMs, at, at, limit));
      return rows.sort((a, b) => a.due_at - b.due_at || a.created_at - b.created_at || (a.id < b.id ? -1 : 1)).map(toItem);
    },
    async markDelivered(id) {
      guard('outbox.markDelivered');
      sqliteCall('outbox.markDelivered', () => delivered.run(id));
    },
    async markFailed(id, error, retryAt, dead) {
      guard('outbox.markFailed');
      sqliteCall('outbox.markFailed', () => failed.run(dead ? 'dead' : 'pending', error, retryAt, id));
    },
    async get(id) {
      guard('outbox.get');
      const row = sqliteCall('outbox.get', () => one.get(id));
      return row ? toItem(row) : undefined;
    },
    async list(state) {
      guard('outbox.list');
      const rows = sqliteCall('outbox.list', () => (state === undefined ? all.all() : byState.all(state)));
      return rows.map(toItem);
    },
    async remove(ids) {
      guard('outbox.remove');
      if (ids.length > 0) sqliteCall('outbox.remove', () => removeAll.immediate(ids));
    },
    async purge(olderThan) {
      guard('outbox.purge');
      return sqliteCall('outbox.purge', () => purge.run(olderThan).changes);
    },
  };
}
