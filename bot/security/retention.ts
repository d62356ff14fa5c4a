// Transcript retention (TRANSCRIPT_RETENTION_DAYS): a periodic sweep that drops conversation logs last written before
// the period through BotStore.logs.expire: transcripts, and our Direct Line's activity logs (they hold the same words).
// 0 days keeps them forever. The same sweep runs the other lifetimes' tasks (bot/privacy/sweep-tasks.ts: the outbox,
// expired items, the unrecognized-message log). Every instance may sweep; each task is idempotent.
import type { Logger } from '../logger';
import type { Logs } from '../ports';

export const TRANSCRIPT_PREFIX = 'transcript/';
/** Our Direct Line's per-conversation activity log (bot/directline/conversation-log.ts). */
export const DIRECT_LINE_ACTIVITIES_PREFIX = 'dl/activities/';
/** Every log that records what people said, swept with one period. */
export const RETAINED_PREFIXES: readonly string[] = [TRANSCRIPT_PREFIX, DIRECT_LINE_ACTIVITIES_PREFIX];
const DAY_MS = 24 * 60 * 60 * 1000;

/** Another lifetime swept on the same schedule; resolves to how many things it dropped. */
export interface RetentionTask {
  readonly name: string;
  run(now: number): Promise<number> | number;
}

export interface RetentionOptions {
  readonly logs: Pick<Logs, 'expire'>;
  readonly days: number;
  readonly tasks?: readonly RetentionTask[];
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
  /** One sweep; resolves to how many logs (transcripts, Direct Line activity logs) and task items were dropped. */
  sweep(): Promise<number>;
}

export function createRetentionSweep(options: RetentionOptions): RetentionSweep {
  const now = options.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  const tasks = options.tasks ?? [];

  async function runTasks(): Promise<number> {
    let dropped = 0;
    for (const task of tasks) {
      try {
        const count = await task.run(now());
        if (count > 0) options.logger.info({ dropped: count, task: task.name }, 'retention: expired data deleted');
        dropped += count;
      } catch (err) {
        options.logger.warn({ err, task: task.name }, 'retention task failed; will retry');
      }
    }
    return dropped;
  }

  async function expireLogs(): Promise<number> {
    if (options.days <= 0) return 0;
    const before = now() - options.days * DAY_MS;
    try {
      let dropped = 0;
      for (const prefix of RETAINED_PREFIXES) {
        const count = await options.logs.expire(prefix, before);
        if (count > 0) options.logger.info({ dropped: count, prefix, days: options.days }, 'retention: old conversation logs deleted');
        dropped += count;
      }
      return dropped;
    } catch (err) {
      // Storage down: the next sweep tries again; nothing is lost by waiting.
      options.logger.warn({ err }, 'retention sweep failed; will retry');
      return 0;
    }
  }

  // The logs first, then the tasks (the last of which scrubs what both deleted from the SQLite WAL).
  const runOnce = async (): Promise<number> => (await expireLogs()) + (await runTasks());

  const sweep = (): Promise<number> => {
    running ??= runOnce().finally(() => (running = undefined));
    return running;
  };

  return {
    start() {
      if (timer || (options.days <= 0 && tasks.length === 0)) return;
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
