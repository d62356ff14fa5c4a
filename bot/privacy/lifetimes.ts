// The lifetime of every kind of stored item, from the configuration: the store expires each item this long after its
// last write (SQLite expires_at, Redis PEXPIREAT). Logs (transcripts, Direct Line activities) are swept by
// bot/security/retention.ts; the README's privacy table lists both.
import type { Config } from '../config';
import type { ItemLifetime } from '../storage/item-lifetime';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The inbox's presence item is rewritten every 20 s while an agent is online; a day without one drops the names. */
const PRESENCE_LIFETIME_MS = DAY_MS;

/** Key prefixes of the items with a lifetime, and where each kind is written. */
export const ITEM_PREFIXES = {
  session: 'session/', // bot/conversation/session-record.ts
  directLine: 'dl/conversation/', // bot/directline/conversation-log.ts
  handoff: 'handoff/record/', // bot/handoff/records.ts
  agentSession: 'agent/session/', // bot/agent/sessions.ts
  presence: 'agent/presence', // bot/handoff/presence.ts
  userIndex: 'privacy/user/', // bot/privacy/user-index.ts
} as const;

export type LifetimeConfig = Pick<Config, 'sessionRetentionDays' | 'transcriptRetentionDays' | 'handoffRetentionDays' | 'agentSessionMinutes'>;

/** The longest of some periods in days as ms, where 0 (forever) outlasts every other. */
function longest(...days: readonly number[]): number {
  return days.some((d) => d <= 0) ? 0 : Math.max(...days) * DAY_MS;
}

/** How long the user index keeps a conversation: as long as anything about it may be kept. */
export function userIndexLifetime(config: Omit<LifetimeConfig, 'agentSessionMinutes'>): number {
  return longest(config.sessionRetentionDays, config.transcriptRetentionDays, config.handoffRetentionDays);
}

export function itemLifetimes(config: LifetimeConfig): ItemLifetime {
  const session = longest(config.sessionRetentionDays);
  // A web chat conversation's record (user name, locale) lives as long as its session or its activities.
  const directLine = longest(config.sessionRetentionDays, config.transcriptRetentionDays);
  const handoff = longest(config.handoffRetentionDays);
  const agentSession = Math.max(0, config.agentSessionMinutes) * 60_000;
  const userIndex = userIndexLifetime(config);
  return (key, item) => {
    if (key.startsWith(ITEM_PREFIXES.session)) return session;
    if (key.startsWith(ITEM_PREFIXES.directLine)) return directLine;
    // Never under an agent: an active handoff lives until it is closed (then its period starts).
    if (key.startsWith(ITEM_PREFIXES.handoff)) return item.state === 'active' ? 0 : handoff;
    if (key.startsWith(ITEM_PREFIXES.agentSession)) return agentSession;
    if (key === ITEM_PREFIXES.presence) return PRESENCE_LIFETIME_MS;
    if (key.startsWith(ITEM_PREFIXES.userIndex)) return userIndex;
    // handoff/index (kept consistent with the records), secrets: no personal data, kept.
    return 0;
  };
}
