// The unrecognized-message log (DATA_DIR/unrecognized.jsonl) and privacy: its lifetime (UNRECOGNIZED_RETENTION_DAYS,
// swept with the other lifetimes) and its participant (bot/ports.ts): a user's lines, by conversation key. Lines from
// before conversation keys were written can't be attributed: they go with the retention period.
import type { PrivacyParticipant } from '../ports';
import { filterUnrecognized, readUnrecognized } from './unrecognized-log';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Drops lines older than `days` (0: keeps them); returns how many went. */
export function expireUnrecognized(dataDir: string, days: number, now: number): number {
  if (days <= 0) return 0;
  const cutoff = now - days * DAY_MS;
  // An unreadable time is treated as old: a line nobody can date must not live forever.
  return filterUnrecognized(dataDir, (r) => (Date.parse(r.at) || 0) >= cutoff);
}

export function createUnrecognizedPrivacy(dataDir: string): PrivacyParticipant {
  return {
    name: 'unrecognized',
    async export({ conversations }) {
      const wanted = new Set(conversations);
      return readUnrecognized(dataDir).filter((r) => r.conversation !== undefined && wanted.has(r.conversation));
    },
    async erase({ conversations }) {
      const gone = new Set(conversations);
      return filterUnrecognized(dataDir, (r) => r.conversation === undefined || !gone.has(r.conversation));
    },
  };
}
