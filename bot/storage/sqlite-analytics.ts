// Analytics on SQLite: one row per session (its facts as JSON, plus the columns reports filter on) and the event log
// (one row per bot turn). A turn's rows are written inside the turn's own transaction (sqlite-store.ts writeTurn).
import type { AnalyticsStore, AnalyticsWrite, SessionFacts, TurnRecord } from '../analytics/types';
import type { SqliteDb } from './sqlite-db';
import { sqliteCall } from './sqlite-db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS analytics_sessions (
  id TEXT PRIMARY KEY, conversation TEXT NOT NULL, started_at INTEGER NOT NULL, last_at INTEGER NOT NULL,
  test INTEGER NOT NULL, json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS analytics_sessions_started ON analytics_sessions (started_at);
CREATE INDEX IF NOT EXISTS analytics_sessions_conversation ON analytics_sessions (conversation);
-- No AUTOINCREMENT and no index on \`at\`: each is one more B-tree write per turn. Rows only ever leave from the oldest
-- end, so rowids keep increasing, and retention finds its cut-off by a binary search over them.
CREATE TABLE IF NOT EXISTS analytics_events (
  seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, session TEXT NOT NULL, json TEXT NOT NULL
);
`;

/** The analytics store, plus the write for the caller's own transaction (a turn's session and transcript). */
export interface SqliteAnalytics extends AnalyticsStore {
  writeRows(write: AnalyticsWrite): void;
}

export function createSqliteAnalytics(db: SqliteDb, guard: (operation: string) => void): SqliteAnalytics {
  db.transaction(() => db.exec(SCHEMA)).immediate();
  const upsert = db.prepare<[string, string, number, number, number, string]>(
    `INSERT INTO analytics_sessions (id, conversation, started_at, last_at, test, json) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET last_at = excluded.last_at, test = excluded.test, json = excluded.json`,
  );
  const insertEvent = db.prepare<[number, string, string]>('INSERT INTO analytics_events (at, session, json) VALUES (?, ?, ?)');
  const range = db.prepare<[number, number, number], string>(
    'SELECT json FROM analytics_sessions WHERE started_at >= ? AND started_at < ? AND (test = 0 OR ?) ',
  ).pluck();
  const byConversation = db.prepare<[string], string>('SELECT json FROM analytics_sessions WHERE conversation = ? ORDER BY started_at, id').pluck();
  const eventsAfter = db.prepare<[number, number], { seq: number; json: string }>('SELECT seq, json FROM analytics_events WHERE seq > ? ORDER BY seq LIMIT ?');
  const relink = db.prepare<[string, string, string]>("UPDATE analytics_sessions SET conversation = ?, json = json_set(json, '$.conversation', ?) WHERE conversation = ?");
  const dropSessions = db.prepare<[number]>('DELETE FROM analytics_sessions WHERE started_at < ?');
  const dropEvents = db.prepare<[number]>('DELETE FROM analytics_events WHERE seq < ?');
  const bounds = db.prepare<[], { lo: number | null; hi: number | null }>('SELECT MIN(seq) AS lo, MAX(seq) AS hi FROM analytics_events');
  const atOrAfter = db.prepare<[number], number>('SELECT at FROM analytics_events WHERE seq >= ? ORDER BY seq LIMIT 1').pluck();
  /** The first seq whose row is not older than the cut-off (rows are written in time order, give or take a clock). */
  const firstKept = (olderThan: number): number => {
    const { lo, hi } = bounds.get() ?? { lo: null, hi: null };
    if (lo === null || hi === null) return 0;
    let [a, b] = [lo, hi + 1];
    while (a < b) {
      const mid = Math.floor((a + b) / 2);
      const at = atOrAfter.get(mid);
      if (at !== undefined && at < olderThan) a = mid + 1;
      else b = mid;
    }
    return a;
  };

  const writeRows = (write: AnalyticsWrite): void => {
    for (const s of write.sessions) upsert.run(s.id, s.conversation, s.startedAt, s.lastAt, s.test ? 1 : 0, JSON.stringify(s));
    insertEvent.run(write.turn.at, write.turn.session, JSON.stringify(write.turn));
  };
  const writeAll = db.transaction(writeRows);
  const expireAll = db.transaction((olderThan: number): number => {
    dropEvents.run(firstKept(olderThan));
    return dropSessions.run(olderThan).changes;
  });
  const parse = (json: string): SessionFacts => JSON.parse(json) as SessionFacts;

  return {
    writeRows,
    async write(write) {
      guard('analytics.write');
      sqliteCall('analytics.write', () => writeAll.immediate(write));
    },
    async sessions(query) {
      guard('analytics.read');
      const rows = sqliteCall('analytics.read', () => range.all(query.from ?? 0, query.to ?? Number.MAX_SAFE_INTEGER, query.includeTest ? 1 : 0));
      return rows.map(parse);
    },
    async conversationSessions(conversation) {
      guard('analytics.read');
      return sqliteCall('analytics.read', () => byConversation.all(conversation)).map(parse);
    },
    async turns(cursor, limit) {
      guard('analytics.read');
      const after = cursor === '' ? 0 : Number(cursor);
      const rows = sqliteCall('analytics.read', () => eventsAfter.all(Number.isFinite(after) ? after : 0, Math.max(0, limit)));
      return { rows: rows.map((r) => ({ cursor: String(r.seq), turn: JSON.parse(r.json) as TurnRecord })) };
    },
    async unlink(conversation, anonymousId) {
      guard('analytics.write');
      return sqliteCall('analytics.write', () => relink.run(anonymousId, anonymousId, conversation).changes);
    },
    async expire(olderThan) {
      guard('analytics.expire');
      return sqliteCall('analytics.expire', () => expireAll.immediate(olderThan));
    },
  };
}
