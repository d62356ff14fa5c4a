// Redis key layout: one prefix, and a {hash tag} per item/log/outbox id so every Lua script stays in one Cluster slot.

/** `{`, `}` and `%` are escaped inside the tag, so a key containing braces can't split its own slot. */
function tag(key: string): string {
  return `{${key.replace(/[%{}]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}}`;
}

export interface RedisKeys {
  /** Hash: `v` (JSON), `e` (eTag), `t` (updated at). */
  item(key: string): string;
  /** List of JSON entries: index = sequence number. */
  log(key: string): string;
  /** When the log was last appended to (same slot as the list). */
  logAt(key: string): string;
  /** Sorted set of log keys by last append, for retention (one key, its own slot). */
  readonly logIndex: string;
  /** Hash per outbox item. */
  outboxItem(id: string): string;
  /** Sorted set of claimable ids by due time (a claim moves the score to the lease's end). */
  readonly outboxDue: string;
  /** Sorted set of every id by creation time, for list(). */
  readonly outboxAll: string;
  channel(topic: string): string;
  /** Hash of analytics sessions started on one UTC day (YYYY-MM-DD): session id → facts (JSON). */
  analyticsDay(day: string): string;
  /** Set of the days that have an analytics hash. */
  readonly analyticsDays: string;
  /** Set of `day|session id` of one conversation's sessions (drill-down, unlink). */
  analyticsConversation(conversation: string): string;
  /** Stream of event-log rows (one per bot turn); its ids are the export cursor. */
  readonly analyticsEvents: string;
}

export function createRedisKeys(prefix: string): RedisKeys {
  if (/[{}]/.test(prefix)) throw new TypeError(`Redis key prefix must not contain braces: "${prefix}"`);
  return {
    item: (key) => `${prefix}item:${tag(key)}`,
    log: (key) => `${prefix}log:${tag(key)}`,
    logAt: (key) => `${prefix}log:${tag(key)}:at`,
    logIndex: `${prefix}logs`,
    outboxItem: (id) => `${prefix}outbox:${tag(id)}`,
    outboxDue: `${prefix}outbox-due`,
    outboxAll: `${prefix}outbox-all`,
    channel: (topic) => `${prefix}bus:${topic}`,
    analyticsDay: (day) => `${prefix}analytics:day:${tag(day)}`,
    analyticsDays: `${prefix}analytics:days`,
    analyticsConversation: (conversation) => `${prefix}analytics:conversation:${tag(conversation)}`,
    analyticsEvents: `${prefix}analytics:events`,
  };
}
