// Counting messages per conversation in fixed windows: in this process (one instance, SQLite), or shared through
// Redis (several instances, see redis-counter.ts). The limiter (conversation-limit.ts) asks one of these.

export interface ConversationCounter {
  /** Counts one message for `key`; false when the key is over its limit in the current window. */
  hit(key: string): Promise<boolean>;
  /** Releases what the counter holds (a Redis connection). */
  close(): Promise<void>;
}

/** Fixed-window counters by key; old windows are dropped as the map is swept, so memory stays bounded by activity. */
export function createWindowCounter(limit: number, windowMs: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = now();
  return {
    /** Counts one hit; false when the key is over its limit in this window. */
    hit(key: string): boolean {
      const t = now();
      if (t - lastSweep > windowMs) {
        for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
        lastSweep = t;
      }
      const current = windows.get(key);
      if (!current || t - current.start >= windowMs) {
        windows.set(key, { start: t, count: 1 });
        return true;
      }
      current.count += 1;
      return current.count <= limit;
    },
    size: () => windows.size,
  };
}

/** The in-process counter: exact for one instance, per instance when there are several. */
export function createMemoryCounter(limit: number, windowMs: number, now?: () => number): ConversationCounter {
  const counter = createWindowCounter(limit, windowMs, now);
  return {
    hit: async (key) => counter.hit(key),
    close: async () => undefined,
  };
}
