// The outbox worker: claims due items with a lease (so two instances never send one item at once), hands each to
// the handler for its kind, and records the outcome: delivered, retried later with backoff, or dead after the last
// attempt. State lives in the store's outbox, so a restart simply carries on where the previous process stopped.
import type { Logger } from '../logger';
import type { Outbox, OutboxItem } from '../ports';
import { retryDelay, type BackoffOptions } from './backoff';
import { failureReason, isPermanent } from './errors';
import type { OutboxMetrics } from './metrics';

/** Delivers one item; throws to fail it (PermanentDeliveryError: never retried). */
export type OutboxHandler = (item: OutboxItem) => Promise<void>;

export interface OutboxWorkerOptions {
  readonly outbox: Outbox;
  readonly handlers: Readonly<Record<string, OutboxHandler>>;
  readonly logger: Logger;
  readonly metrics?: OutboxMetrics;
  /** Epoch ms; tests pass a fake clock and call `tick()` themselves. */
  readonly now?: () => number;
  readonly random?: () => number;
  /** Attempts before an item is marked dead. Default 20 (with the default backoff, about two hours of retries). */
  readonly maxAttempts?: number;
  readonly backoff?: BackoffOptions;
  /** How long a claim is held: longer than the slowest handler (requests time out at 10 s). Default 60 s. */
  readonly leaseMs?: number;
  readonly batchSize?: number;
  /** Poll period once started; `kick()` runs a pass at once (new work). Default 1 s. */
  readonly pollMs?: number;
}

export interface TickResult {
  readonly claimed: number;
  readonly delivered: number;
  readonly retried: number;
  readonly dead: number;
}

export interface OutboxWorker {
  /** Starts polling (idempotent). */
  start(): void;
  /** One pass now: claim due items, deliver them, record the outcomes. Concurrent calls share the running pass. */
  tick(): Promise<TickResult>;
  /** Asks for a pass soon (after the running one): new items were enqueued. No-op unless started. */
  kick(): void;
  /** Stops polling and waits for the pass in flight to record its outcomes. */
  stop(): Promise<void>;
}

const orderKeyOf = (item: OutboxItem): string => (typeof item.payload.orderKey === 'string' ? item.payload.orderKey : item.id);

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { outbox, handlers, logger, metrics } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 20);
  const leaseMs = options.leaseMs ?? 60_000;
  const batchSize = options.batchSize ?? 10;
  const pollMs = options.pollMs ?? 1000;
  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<TickResult> | undefined;
  let again = false;

  async function deliver(item: OutboxItem): Promise<'delivered' | 'retried' | 'dead'> {
    const log = logger.child({ outboxId: item.id, kind: item.kind, attempt: item.attempts });
    const handler = handlers[item.kind];
    try {
      if (!handler) throw new Error(`no handler for outbox items of kind "${item.kind}"`);
      await handler(item);
      await outbox.markDelivered(item.id);
      metrics?.delivered.inc({ kind: item.kind });
      metrics?.latency.observe({ kind: item.kind }, Math.max(0, now() - item.createdAt) / 1000);
      log.debug('outbox item delivered');
      return 'delivered';
    } catch (err) {
      const dead = !handler || isPermanent(err) || item.attempts >= maxAttempts;
      const retryAt = now() + retryDelay(item.attempts, random, options.backoff);
      // If the store is down too, the lease runs out and the item is claimed again: nothing is lost.
      await outbox.markFailed(item.id, failureReason(err), retryAt, dead).catch((e: unknown) => log.error({ err: e }, 'outbox: could not record a failure'));
      (dead ? metrics?.dead : metrics?.retried)?.inc({ kind: item.kind });
      if (dead) log.error({ err, attempts: item.attempts }, 'outbox item dead: giving up');
      else log.warn({ err: failureReason(err), retryInMs: retryAt - now() }, 'outbox delivery failed; will retry');
      return dead ? 'dead' : 'retried';
    }
  }

  async function runPass(): Promise<TickResult> {
    let items: readonly OutboxItem[];
    try {
      items = await outbox.claimDue(now(), batchSize, leaseMs);
    } catch (err) {
      logger.warn({ err }, 'outbox: could not claim items (store unavailable?)');
      return { claimed: 0, delivered: 0, retried: 0, dead: 0 };
    }
    // Items of one conversation go in claim order (queued before agent joined); different ones in parallel.
    const groups = new Map<string, OutboxItem[]>();
    for (const item of items) groups.set(orderKeyOf(item), [...(groups.get(orderKeyOf(item)) ?? []), item]);
    const outcomes: string[] = [];
    await Promise.all([...groups.values()].map(async (group) => {
      for (const item of group) outcomes.push(await deliver(item));
    }));
    const count = (o: string): number => outcomes.filter((x) => x === o).length;
    return { claimed: items.length, delivered: count('delivered'), retried: count('retried'), dead: count('dead') };
  }

  function tick(): Promise<TickResult> {
    pass ??= runPass().finally(() => {
      pass = undefined;
    });
    return pass;
  }

  function schedule(delayMs: number): void {
    if (!started) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void tick().then((result) => {
        // A full batch means more may be due: go again at once rather than after a poll period.
        const more = again || result.claimed >= batchSize;
        again = false;
        schedule(more ? 0 : pollMs);
      });
    }, delayMs);
    timer.unref();
  }

  return {
    start() {
      if (started) return;
      started = true;
      schedule(0);
    },
    tick,
    kick() {
      if (!started) return;
      if (pass) again = true;
      else schedule(0);
    },
    async stop() {
      started = false;
      clearTimeout(timer);
      await pass?.catch(() => undefined);
    },
  };
}
