// Analytics in memory, with the SQLite store's answers: for unit tests and `npm run chat`.
import type { AnalyticsStore, AnalyticsWrite, SessionFacts, TurnRecord } from '../analytics/types';

export interface MemoryAnalytics extends AnalyticsStore {
  writeRows(write: AnalyticsWrite): void;
}

export function createMemoryAnalytics(guard: (operation: string) => void): MemoryAnalytics {
  const sessions = new Map<string, string>();
  const events: { seq: number; json: string; at: number }[] = [];
  let seq = 0;
  const all = (): SessionFacts[] => [...sessions.values()].map((json) => JSON.parse(json) as SessionFacts);
  const writeRows = (write: AnalyticsWrite): void => {
    for (const s of write.sessions) sessions.set(s.id, JSON.stringify(s));
    seq += 1;
    events.push({ seq, json: JSON.stringify(write.turn), at: write.turn.at });
  };
  return {
    writeRows,
    async write(write) {
      guard('analytics.write');
      writeRows(write);
    },
    async sessions(query) {
      guard('analytics.read');
      return all().filter((s) => s.startedAt >= (query.from ?? 0) && s.startedAt < (query.to ?? Number.MAX_SAFE_INTEGER) && (query.includeTest || !s.test));
    },
    async conversationSessions(conversation) {
      guard('analytics.read');
      return all().filter((s) => s.conversation === conversation).sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
    },
    async turns(cursor, limit) {
      guard('analytics.read');
      const after = cursor === '' ? 0 : Number(cursor);
      return { rows: events.filter((e) => e.seq > after).slice(0, Math.max(0, limit)).map((e) => ({ cursor: String(e.seq), turn: JSON.parse(e.json) as TurnRecord })) };
    },
    async unlink(conversation, anonymousId) {
      guard('analytics.write');
      let changed = 0;
      for (const s of all()) {
        if (s.conversation !== conversation) continue;
        sessions.set(s.id, JSON.stringify({ ...s, conversation: anonymousId }));
        changed += 1;
      }
      return changed;
    },
    async expire(olderThan) {
      guard('analytics.expire');
      let dropped = 0;
      for (const s of all()) {
        if (s.startedAt < olderThan) {
          sessions.delete(s.id);
          dropped += 1;
        }
      }
      events.splice(0, events.length, ...events.filter((e) => e.at >= olderThan));
      return dropped;
    },
  };
}
