// The outbox worker's Prometheus metrics, registered on the bot's registry (GET /metrics).
import { Counter, Histogram, type Registry } from 'prom-client';

export interface OutboxMetrics {
  readonly delivered: Counter<'kind'>;
  readonly retried: Counter<'kind'>;
  readonly dead: Counter<'kind'>;
  /** Time from enqueue to delivered: what a help desk outage costs a ticket. */
  readonly latency: Histogram<'kind'>;
}

export function createOutboxMetrics(registry: Registry, prefix = 'bot_'): OutboxMetrics {
  const registers = [registry];
  const counter = (name: string, help: string) => {
    // A second bot on the same registry (a restart inside one test process) reuses the first one's series.
    const existing = registry.getSingleMetric(`${prefix}${name}`);
    return (existing as Counter<'kind'> | undefined) ?? new Counter({ name: `${prefix}${name}`, help, labelNames: ['kind'], registers });
  };
  const latencyName = `${prefix}outbox_delivery_seconds`;
  return {
    delivered: counter('outbox_delivered_total', 'Outbox items delivered, by kind (ticket, hub event, notice)'),
    retried: counter('outbox_retries_total', 'Outbox deliveries that failed and were scheduled again, by kind'),
    dead: counter('outbox_dead_total', 'Outbox items given up after their last attempt or a permanent failure, by kind'),
    latency:
      (registry.getSingleMetric(latencyName) as Histogram<'kind'> | undefined) ??
      new Histogram({
        name: latencyName,
        help: 'Time from enqueue to delivery, by kind',
        labelNames: ['kind'],
        // Loopback delivery takes milliseconds; the long buckets are outages riding out the backoff.
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 120, 600, 3600],
        registers,
      }),
  };
}
