// Retry delays for the outbox: exponential in the attempt number, capped, with jitter so that items which failed
// together (a help desk outage) do not all come back at the same instant and knock it over again.

export interface BackoffOptions {
  /** Delay after the first failure, before jitter. Default 2 s. */
  readonly baseMs?: number;
  /** Longest delay, before jitter. Default 10 minutes. */
  readonly maxMs?: number;
}

export const DEFAULT_BACKOFF: Required<BackoffOptions> = { baseMs: 2_000, maxMs: 600_000 };

/**
 * The wait after failed attempt number `attempts` (1 = the first try failed): "equal jitter", i.e. half the
 * exponential delay fixed plus up to the other half at random. The fixed half keeps a floor under every retry.
 */
export function retryDelay(attempts: number, random: () => number = Math.random, options: BackoffOptions = {}): number {
  const { baseMs, maxMs } = { ...DEFAULT_BACKOFF, ...options };
  const exponent = Math.min(Math.max(attempts, 1) - 1, 30);
  const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}

/** Total time the retries of one item may span with these settings (the worst case, jitter at its maximum). */
export function retryBudget(maxAttempts: number, options: BackoffOptions = {}): number {
  let total = 0;
  for (let attempt = 1; attempt < maxAttempts; attempt += 1) total += retryDelay(attempt, () => 1, options);
  return total;
}
