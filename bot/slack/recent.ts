// A bounded set of recently seen ids with an expiry: Slack event retries and double clicks are answered once.
// In-process only; across instances the ConversationService's activity id check catches the rest.

export interface RecentSet {
  /** True the first time an id is seen within the window; false for a repeat. */
  firstTime(id: string): boolean;
  readonly size: number;
}

export interface RecentSetOptions {
  readonly ttlMs?: number;
  readonly max?: number;
  readonly now?: () => number;
}

export function createRecentSet(options: RecentSetOptions = {}): RecentSet {
  // Slack retries for about an hour at most (after 1 min, 5 min, then 30 min); keep ids a little longer than that.
  const ttlMs = options.ttlMs ?? 65 * 60_000;
  const max = options.max ?? 10_000;
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>(); // id → expiry; a Map keeps insertion order, oldest first

  function evict(at: number): void {
    for (const [id, expiry] of seen) {
      if (expiry > at && seen.size <= max) break;
      seen.delete(id);
    }
  }

  return {
    firstTime(id) {
      const at = now();
      evict(at);
      const expiry = seen.get(id);
      if (expiry !== undefined && expiry > at) return false;
      seen.set(id, at + ttlMs);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}
