// The lifetimes the hourly retention sweep enforces besides transcripts (bot/security/retention.ts): delivered and dead
// outbox items (OUTBOX_RETENTION_DAYS), expired items still in the SQLite file (their lifetimes: lifetimes.ts), and
// the unrecognized-message log (UNRECOGNIZED_RETENTION_DAYS). Items on Redis expire by themselves.
import type { Config } from '../config';
import type { HandoffRecords } from '../handoff/records';
import { expireUnrecognized } from '../nlu/unrecognized-privacy';
import type { BotStore } from '../ports';
import type { RetentionTask } from '../security/retention';

const DAY_MS = 24 * 60 * 60 * 1000;

export type SweepConfig = Pick<Config, 'dataDir' | 'outboxRetentionDays' | 'unrecognizedRetentionDays'>;

/** `records`: the handoff index drops the keys of queued handoffs whose lifetime ended (listing it does). */
export function lifetimeTasks(config: SweepConfig, store: Pick<BotStore, 'outbox' | 'purgeExpired' | 'scrub'>, records?: Pick<HandoffRecords, 'listOpen'>): RetentionTask[] {
  return [
    ...(records ? [{ name: 'handoff index', run: async () => ((await records.listOpen()), 0) }] : []),
    { name: 'outbox', run: (now) => (config.outboxRetentionDays > 0 ? store.outbox.purge(now - config.outboxRetentionDays * DAY_MS) : 0) },
    { name: 'expired items', run: () => store.purgeExpired?.() ?? 0 },
    { name: 'unrecognized messages', run: (now) => expireUnrecognized(config.dataDir, config.unrecognizedRetentionDays, now) },
    // Last: what the sweep deleted leaves the SQLite WAL too (an hourly checkpoint; nothing to do on Redis).
    { name: 'scrub', run: async () => ((await store.scrub?.()), 0) },
  ];
}
