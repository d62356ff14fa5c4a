// When a Connector API call is tried again, exactly as botbuilder's HTTP pipeline decides (@azure/core-rest-pipeline's
// default retry policy): at most 3 retries; 429/503 with a Retry-After header wait as told; 408 and 5xx (but 501 and
// 505) and connection errors wait 0.5–1 s, 1–2 s, 2–4 s (exponential with jitter); anything else is final.

export const MAX_RETRIES = 3;
const RETRY_DELAY_MS = 1000;
const MAX_RETRY_DELAY_MS = 64_000;
/** Node error codes the pipeline treats as transient. */
const SYSTEM_ERRORS: ReadonlySet<string> = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ENOTFOUND']);

export interface Attempt {
  /** 0 for the first retry. */
  readonly retryCount: number;
  readonly status?: number;
  readonly header?: (name: string) => string | undefined;
  readonly errorCode?: string;
}

/** Milliseconds the server asked to wait (retry-after-ms, x-ms-retry-after-ms, Retry-After seconds or date). */
function retryAfterMs(attempt: Attempt): number | undefined {
  if (attempt.status !== 429 && attempt.status !== 503) return undefined;
  for (const [name, factor] of [['retry-after-ms', 1], ['x-ms-retry-after-ms', 1], ['retry-after', 1000]] as const) {
    const raw = attempt.header?.(name);
    const value = raw ? Number(raw) : NaN;
    if (!Number.isNaN(value)) return value * factor;
  }
  const date = attempt.header?.('retry-after');
  const diff = date ? Date.parse(date) - Date.now() : NaN;
  return Number.isFinite(diff) ? Math.max(0, diff) : undefined;
}

function exponential(retryCount: number, random: () => number): number {
  const clamped = Math.min(MAX_RETRY_DELAY_MS, RETRY_DELAY_MS * 2 ** retryCount);
  return clamped / 2 + Math.floor(random() * (Math.floor(clamped / 2) + 1));
}

/** The wait before trying again, or undefined when the outcome is final. */
export function retryDelayMs(attempt: Attempt, random: () => number = Math.random): number | undefined {
  if (attempt.retryCount >= MAX_RETRIES) return undefined;
  const told = retryAfterMs(attempt);
  if (told !== undefined) return told;
  if (attempt.status !== undefined) {
    const transient = (attempt.status >= 500 || attempt.status === 408) && attempt.status !== 501 && attempt.status !== 505;
    return transient ? exponential(attempt.retryCount, random) : undefined;
  }
  return attempt.errorCode !== undefined && SYSTEM_ERRORS.has(attempt.errorCode) ? exponential(attempt.retryCount, random) : undefined;
}
