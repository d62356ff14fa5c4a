// Analytics on Redis: sessions in one hash per UTC start day (session id → facts JSON), a set of one conversation's
// sessions, and the event log as a stream. On a single node a turn's rows go into the turn's own script
// (redis-turn.ts); here are the reads, the stand-alone write (a Cluster), unlink and retention.
import type { AnalyticsStore, AnalyticsWrite, SessionFacts, TurnRecord } from '../analytics/types';
import type { RedisContext } from './redis-context';

const DAY_MS = 86_400_000;
const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The script arguments of a turn's analytics rows: keys after the turn's own, then ARGV after its lines. */
export function analyticsArgs(ctx: Pick<RedisContext, 'keys'>, write: AnalyticsWrite): { keys: string[]; args: string[] } {
  const { keys } = ctx;
  const sessionKeys = write.sessions.flatMap((s) => [keys.analyticsDay(utcDay(s.startedAt)), keys.analyticsConversation(s.conversation)]);
  const sessionArgs = write.sessions.flatMap((s) => [s.id, JSON.stringify(s), utcDay(s.startedAt)]);
  return {
    keys: [keys.analyticsEvents, keys.analyticsDays, ...sessionKeys],
    args: [JSON.stringify(write.turn), String(write.sessions.length), ...sessionArgs],
  };
}

export function createRedisAnalytics({ client, keys, call }: RedisContext): AnalyticsStore {
  const parse = (json: string): SessionFacts => JSON.parse(json) as SessionFacts;
  async function days(): Promise<string[]> {
    return (await call('analytics.read', () => client.smembers(keys.analyticsDays))).sort();
  }
  return {
    async write(write) {
      await call('analytics.write', async () => {
        const pipeline = client.pipeline();
        pipeline.xadd(keys.analyticsEvents, '*', 'j', JSON.stringify(write.turn));
        for (const s of write.sessions) {
          const day = utcDay(s.startedAt);
          pipeline.hset(keys.analyticsDay(day), s.id, JSON.stringify(s));
          pipeline.sadd(keys.analyticsDays, day);
          pipeline.sadd(keys.analyticsConversation(s.conversation), `${day}|${s.id}`);
        }
        const results = (await pipeline.exec()) ?? [];
        const failed = results.find(([err]) => err);
        if (failed?.[0]) throw failed[0];
      });
    },
    async sessions(query) {
      const from = query.from === undefined ? '' : utcDay(query.from);
      const to = query.to === undefined ? '9999-12-31' : utcDay(query.to - 1);
      const wanted = (await days()).filter((d) => d >= from && d <= to);
      const hashes = await call('analytics.read', async () => {
        const pipeline = client.pipeline();
        for (const day of wanted) pipeline.hvals(keys.analyticsDay(day));
        return ((await pipeline.exec()) ?? []).map(([err, values]) => {
          if (err) throw err;
          return values as string[];
        });
      });
      const out: SessionFacts[] = [];
      for (const values of hashes) {
        for (const json of values) {
          const s = parse(json);
          if (s.startedAt >= (query.from ?? 0) && s.startedAt < (query.to ?? Number.MAX_SAFE_INTEGER) && (query.includeTest || !s.test)) out.push(s);
        }
      }
      return out;
    },
    async conversationSessions(conversation) {
      const members = await call('analytics.read', () => client.smembers(keys.analyticsConversation(conversation)));
      const found = await call('analytics.read', () =>
        Promise.all(members.map((m) => {
          const [day, id] = m.split('|') as [string, string];
          return client.hget(keys.analyticsDay(day), id);
        })),
      );
      return found.filter((j): j is string => typeof j === 'string').map(parse).sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
    },
    async turns(cursor, limit) {
      if (limit <= 0) return { rows: [] };
      const entries = await call('analytics.read', () => client.xrange(keys.analyticsEvents, cursor === '' ? '-' : `(${cursor}`, '+', 'COUNT', limit));
      return {
        rows: entries.map(([id, fields]) => ({ cursor: id, turn: JSON.parse(fields[fields.indexOf('j') + 1] ?? 'null') as TurnRecord })),
      };
    },
    async unlink(conversation, anonymousId) {
      const sessions = await this.conversationSessions(conversation);
      await call('analytics.write', async () => {
        const pipeline = client.pipeline();
        for (const s of sessions) {
          const day = utcDay(s.startedAt);
          pipeline.hset(keys.analyticsDay(day), s.id, JSON.stringify({ ...s, conversation: anonymousId }));
          pipeline.sadd(keys.analyticsConversation(anonymousId), `${day}|${s.id}`);
        }
        pipeline.del(keys.analyticsConversation(conversation));
        await pipeline.exec();
      });
      return sessions.length;
    },
    async expire(olderThan) {
      // Whole days: every session that started on a day wholly before the cut-off goes, with its conversation entries.
      const cutoff = utcDay(olderThan);
      const old = (await days()).filter((d) => d < cutoff || Date.parse(`${d}T00:00:00Z`) + DAY_MS <= olderThan);
      let dropped = 0;
      for (const day of old) {
        const values = await call('analytics.expire', () => client.hvals(keys.analyticsDay(day)));
        await call('analytics.expire', async () => {
          const pipeline = client.pipeline();
          for (const json of values) {
            const s = parse(json);
            pipeline.srem(keys.analyticsConversation(s.conversation), `${day}|${s.id}`);
          }
          pipeline.del(keys.analyticsDay(day));
          pipeline.srem(keys.analyticsDays, day);
          await pipeline.exec();
        });
        dropped += values.length;
      }
      await call('analytics.expire', () => client.xtrim(keys.analyticsEvents, 'MINID', String(olderThan)));
      return dropped;
    },
  };
}
