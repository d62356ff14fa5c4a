// Prometheus metrics (prom-client): one registry per bot instance, so tests can run several bots in one process.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { TurnResult } from '../dialogs';

export interface Metrics {
  readonly registry: Registry;
  readonly turns: Counter<'channel' | 'handled_by'>;
  readonly turnSeconds: Histogram<'channel'>;
  readonly intents: Counter<'intent'>;
  readonly fallbacks: Counter<'channel'>;
  readonly escalations: Counter<'channel' | 'reason'>;
  readonly handoffs: Counter<'channel' | 'reason'>;
  readonly storageErrors: Counter<'operation'>;
  readonly turnErrors: Counter<'channel'>;
  readonly effectErrors: Counter<'effect'>;
}

export interface MetricsOptions {
  /** Process metrics (CPU, memory, event loop); on in production, off in unit tests. */
  readonly defaultMetrics?: boolean;
  readonly prefix?: string;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const prefix = options.prefix ?? 'bot_';
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix });
  const registers = [registry];
  return {
    registry,
    turns: new Counter({ name: `${prefix}turns_total`, help: 'Turns handled, by channel and by who answered', labelNames: ['channel', 'handled_by'], registers }),
    turnSeconds: new Histogram({
      name: `${prefix}turn_duration_seconds`,
      help: 'Time from activity received to replies ready, by channel',
      labelNames: ['channel'],
      // Most turns take a few ms; the tail is storage retries and slow help desks.
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    intents: new Counter({ name: `${prefix}intents_total`, help: 'Classified intents (unknown included)', labelNames: ['intent'], registers }),
    fallbacks: new Counter({ name: `${prefix}fallbacks_total`, help: 'Messages the bot did not understand', labelNames: ['channel'], registers }),
    escalations: new Counter({ name: `${prefix}escalations_total`, help: 'Escalations (Apple Support given, a ticket, a person) by reason', labelNames: ['channel', 'reason'], registers }),
    handoffs: new Counter({ name: `${prefix}handoffs_total`, help: 'Handoffs to a human help desk', labelNames: ['channel', 'reason'], registers }),
    storageErrors: new Counter({ name: `${prefix}storage_errors_total`, help: 'Storage operations that failed', labelNames: ['operation'], registers }),
    turnErrors: new Counter({ name: `${prefix}turn_errors_total`, help: 'Turns that ended in the apology', labelNames: ['channel'], registers }),
    effectErrors: new Counter({ name: `${prefix}effect_errors_total`, help: 'Effects (handoff, logs) that failed after a turn', labelNames: ['effect'], registers }),
  };
}

/** Records what one engine turn did: the intent (for turns that read the user's words), a fallback, an escalation, a handoff. */
export function recordTurnResult(metrics: Metrics, channel: string, result: TurnResult, readsText = true): void {
  if (readsText && result.trace.intent) metrics.intents.inc({ intent: result.trace.intent });
  if (result.effects.some((e) => e.type === 'unrecognized')) metrics.fallbacks.inc({ channel });
  for (const event of result.events ?? []) if (event.type === 'escalated') metrics.escalations.inc({ channel, reason: event.reason });
  for (const effect of result.effects) {
    if (effect.type === 'handoff') metrics.handoffs.inc({ channel, reason: effect.story.reason });
  }
}
