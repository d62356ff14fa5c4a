// ANALYTICS_RETENTION_DAYS (default 400): an hourly sweep dropping analytics sessions and event-log rows older than the
// period. 0 keeps them forever. Every instance may sweep; dropping is idempotent.
import type { Logger } from '../logger';
import type { AnalyticsStore } from './types';

const DAY_MS = 86_400_000;

export interface AnalyticsRetention {
  start(): void;
  stop(): Promise<void>;
  sweep(): Promise<number>;
}

export function createAnalyticsRetention(options: { analytics?: Pick<AnalyticsStore, 'expire'>; days: number; logger: Logger; intervalMs?: number; now?: () => number }): AnalyticsRetention {
  const now = options.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  const runOnce = async (): Promise<number> => {
    if (!options.analytics || options.days <= 0) return 0;
    try {
      const dropped = await options.analytics.expire(now() - options.days * DAY_MS);
      if (dropped > 0) options.logger.info({ dropped, days: options.days }, 'retention: old analytics sessions deleted');
      return dropped;
    } catch (err) {
      options.logger.warn({ err }, 'analytics retention sweep failed; will retry');
      return 0;
    }
  };
  const sweep = (): Promise<number> => (running ??= runOnce().finally(() => (running = undefined)));
  return {
    start() {
      if (timer) return;
      void sweep();
      timer = setInterval(() => void sweep(), options.intervalMs ?? 3_600_000).unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    sweep,
  };
}
