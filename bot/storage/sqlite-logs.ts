// Append-only logs on SQLite: gap-free sequence numbers per key, taken and written inside a group commit (sqlite-group-commit.ts).
import type { Logs } from '../ports';
import type { SqliteDb } from './sqlite-db';
import { sqliteCall } from './sqlite-db';
import type { GroupCommit } from './sqlite-group-commit';

/** Logs, plus the append of several entries for a caller's own transaction (a turn's session and transcript). */
export interface SqliteLogs extends Logs {
  appendMany(key: string, entries: readonly unknown[]): Promise<number>;
  /** Appends the JSON entries inside the caller's transaction; returns the first one's sequence number. */
  appendRows(key: string, jsons: readonly string[], at: number): number;
}

export function createSqliteLogs(db: SqliteDb, guard: (operation: string) => void, now: () => number, group: GroupCommit): SqliteLogs {
  const next = db.prepare<[string], number>('SELECT COALESCE(MAX(seq) + 1, 0) FROM logs WHERE key = ?').pluck();
  const insert = db.prepare<[string, number, string, number]>('INSERT INTO logs (key, seq, json, at) VALUES (?, ?, ?, ?)');
  const range = db.prepare<[string, number, number], { seq: number; json: string }>(
    'SELECT seq, json FROM logs WHERE key = ? AND seq >= ? ORDER BY seq LIMIT ?',
  );
  const remove = db.prepare<[string]>('DELETE FROM logs WHERE key = ?');
  // instr(key, prefix) = 1 is "starts with", without LIKE's wildcards or substr's character-count pitfalls.
  const stale = db
    .prepare<[string, number], string>('SELECT key FROM logs WHERE instr(key, ?) = 1 GROUP BY key HAVING MAX(at) < ?')
    .pluck();

  // Several entries: one sequence lookup and one commit for all of them (a turn's transcript lines).
  const appendRows = (key: string, jsons: readonly string[], at: number): number => {
    const first = next.get(key) ?? 0;
    jsons.forEach((json, i) => insert.run(key, first + i, json, at));
    return first;
  };
  const expireAll = db.transaction((prefix: string, olderThan: number): number => {
    const keys = stale.all(prefix, olderThan);
    for (const key of keys) remove.run(key);
    return keys.length;
  });

  return {
    appendRows,
    async append(key, entry) {
      guard('logs.append');
      const json = JSON.stringify(entry ?? null);
      const at = now();
      return group.run('logs.append', () => appendRows(key, [json], at));
    },
    async appendMany(key, entries) {
      guard('logs.append');
      const jsons = entries.map((entry) => JSON.stringify(entry ?? null));
      const at = now();
      return group.run('logs.append', () => appendRows(key, jsons, at));
    },
    async read(key, from, limit) {
      guard('logs.read');
      const rows = sqliteCall('logs.read', () => range.all(key, Math.max(0, from), limit === undefined ? -1 : Math.max(0, limit)));
      return rows.map((row) => ({ seq: row.seq, entry: JSON.parse(row.json) as unknown }));
    },
    async length(key) {
      guard('logs.length');
      // Sequences start at 0 without gaps, so the next one is the length.
      return sqliteCall('logs.length', () => next.get(key) ?? 0);
    },
    async delete(key) {
      guard('logs.delete');
      sqliteCall('logs.delete', () => remove.run(key));
    },
    async expire(prefix, olderThan) {
      guard('logs.expire');
      return sqliteCall('logs.expire', () => expireAll.immediate(prefix, olderThan));
    },
  };
}
