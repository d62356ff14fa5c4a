// Transcript retention (TRANSCRIPT_RETENTION_DAYS): a periodic sweep that drops transcripts last written before the
// period through BotStore.logs.expire. 0 days keeps them forever. Every instance may sweep; expire is idempotent.
import type { Logger } from '../logger';
import type { Logs } from '../ports';

export const TRANSCRIPT_PREFIX = 'transcript/';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionOptions {
  readonly logs: Pick<Logs, 'expire'>;
  readonly days: number;
  readonly logger: Logger;
  /** Time between sweeps; hourly by default (a day's period needs no finer grain). */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

export interface RetentionSweep {
  /** Sweeps once now, then every interval. */
  start(): void;
  /** Stops the timer and waits for a sweep in flight, so storage can close after it. */
  stop(): Promise<void>;
  /** One sweep; resolves to how many transcripts were dropped (0 when retention is off). */
  sweep(): Promise<number>;
}

export function createRetentionSweep(options: RetentionOptions): RetentionSweep {
  const now = options.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function runOnce(): Promise<number> {
    if (options.days <= 0) return 0;
    try {
      const dropped = await options.logs.expire(TRANSCRIPT_PREFIX, now() - options.days * DAY_MS);
      if (dropped > 0) options.logger.info({ dropped, days: options.days }, 'retention: old transcripts deleted');
      return dropped;
    } catch (err) {
      // Storage down: the next sweep tries again; nothing is lost by waiting.
      options.logger.warn({ err }, 'retention sweep failed; will retry');
      return 0;
    }
  }

  const sweep = (): Promise<number> => {
    running ??= runOnce().finally(() => (running = undefined));
    return running;
  };

  return {
    start() {
      if (timer || options.days <= 0) return;
      void sweep();
      timer = setInterval(() => void sweep(), options.intervalMs ?? 60 * 60 * 1000).unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    sweep,
  };
}
