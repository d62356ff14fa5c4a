// Builds the whole bot from a config (brain → store → conversation service → adapter → express app) and runs it:
// listen, then a graceful stop. Used by bot/main.ts and by the end-to-end test harness (test/support/start-bot.ts).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express, Router } from 'express';
import { createAdapter } from './adapter';
import { loadBrain, type Brain } from './brain';
import type { Config } from './config';
import { createConversationService, toUnrecognizedSink, type ConversationServiceHandle } from './conversation';
import type { Logger } from './logger';
import { createMetrics } from './metrics';
import type { BotStore, HandoffDesk } from './ports';
import { createChannelRenderers } from './renderers/select';
import { createServer, type EdgeDeps } from './server';
import { createStore } from './storage';
import { createTurnHandler } from './turn-handler';
import { createHandoff, type Handoff, type HandoffOptions } from './handoff';
import { attachWebChat, closeWebChat } from './web/web-chat';
import { withConversationLimit } from './security/conversation-limit';
import { redactPii } from './security/redact';
import { createRetentionSweep } from './security/retention';
import { recordUnrecognized } from './nlu/unrecognized-log';
import { createAnalyticsRecorder, createAnalyticsRetention, createHttpExporter } from './analytics';
import { createPrivacy } from './privacy/compose';
import { itemLifetimes } from './privacy/lifetimes';
import { privacyParticipants } from './privacy/participants';
import { lifetimeTasks } from './privacy/sweep-tasks';

export interface CreateBotOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** Tests inject these; by default the brain is loaded from KNOWLEDGE_DIR and the store picked from the config. */
  readonly brain?: Brain;
  readonly store?: BotStore;
  readonly desk?: HandoffDesk;
  /** Process metrics (CPU, memory) in /metrics; off by default so several bots can share a test process. */
  readonly defaultMetrics?: boolean;
  readonly extraRouters?: readonly Router[];
  /** Handoff settings for tests: a pinned clock, a help-desk connector, worker backoff. */
  readonly handoff?: Pick<HandoffOptions, 'now' | 'connector' | 'worker'>;
  /** The turn clock (each turn's `now`); tests pin it to script idle gaps and returns. Default: the system clock. */
  readonly clock?: () => Date;
}

export interface Bot {
  readonly app: Express;
  readonly deps: EdgeDeps;
  readonly conversations: ConversationServiceHandle;
  /** The handoff: desk, agent inbox, outbox worker (started by bot/main.ts with `handoff.start()`). */
  readonly handoff: Handoff;
  /** Listens on the config's PORT (0 = any free port) and HOST; rejects with the listen error (e.g. EADDRINUSE). */
  listen(port?: number, host?: string): Promise<{ server: Server; url: string }>;
  /** Graceful stop: refuse new work, let turns in flight finish (bounded by SHUTDOWN_TIMEOUT_MS), close storage. */
  stop(): Promise<void>;
}

export async function createBot(options: CreateBotOptions): Promise<Bot> {
  const { config, logger } = options;
  const brain = options.brain ?? loadBrain({ knowledgeDir: config.knowledgeDir, dataDir: config.dataDir, logger });
  // Every stored item has its lifetime (SESSION_RETENTION_DAYS, HANDOFF_RETENTION_DAYS, …: bot/privacy/lifetimes.ts).
  const store = options.store ?? createStore({ dataDir: config.dataDir, redisUrl: config.redisUrl, logger, itemTtlMs: itemLifetimes(config) });
  const metrics = createMetrics({ defaultMetrics: options.defaultMetrics });
  const handoff = createHandoff({ config, logger, metrics, knowledge: brain.knowledge, store, ...options.handoff });
  const desk = options.desk ?? handoff.desk;
  // Export and erasure: the user index (who took part in which conversation) and every feature's participant.
  const participants = privacyParticipants({ config, store, logger, records: handoff.records, tickets: handoff.tickets, kick: () => handoff.worker.kick() });
  const privacy = createPrivacy({ config, store, logger, participants });
  const service = createConversationService({
    engine: brain.engine, store, desk, logger, metrics, sessionTtlMinutes: config.sessionTtlMinutes, userIndex: privacy.index,
    // Messages the bot did not understand, redacted, for `npm run nlu:review`.
    unrecognized: toUnrecognizedSink((entry) => recordUnrecognized(config.dataDir, entry)),
    ...(config.redactPii ? { redact: redactPii } : {}), // transcripts keep no personal data (REDACT_PII)
    // Analytics (bot/analytics/): each turn's events, folded into sessions, stored with the turn.
    ...(config.analyticsEnabled ? { analytics: createAnalyticsRecorder({ knowledge: brain.knowledge.hash, sessionMinutes: config.analyticsSessionMinutes }) } : {}),
    handoff: handoff.capabilities, // what "a person" means here: the engine never promises more
  });
  // Too many messages in one conversation: the `rate_limited` reply instead of a turn (bot/security/).
  // With REDIS_URL the counts are shared by every instance (bot/security/redis-counter.ts).
  const conversations = withConversationLimit(service, { perMinute: config.conversationRateLimitPerMinute, knowledge: brain.knowledge, languages: brain.languages, store, logger, redisUrl: config.redisUrl });
  const renderers = createChannelRenderers();
  const botLogic = createTurnHandler({ conversations, renderers, knowledge: brain.knowledge, languages: brain.languages, logger, metrics, ...(options.clock ? { now: options.clock } : {}) });
  const adapter = createAdapter({ config, logger });
  let ready = true;
  let shuttingDown = false;
  const lifecycle = { isReady: () => ready && !shuttingDown, isShuttingDown: () => shuttingDown };
  const deps: EdgeDeps = { config, logger, metrics, knowledge: brain.knowledge, languages: brain.languages, store, adapter, botLogic, conversations, renderers, desk, lifecycle, privacy: privacy.service, ...(options.desk ? {} : { handoff }) };
  handoff.connect(deps);
  const app = createServer(deps, { extraRouters: options.extraRouters });
  // TRANSCRIPT_RETENTION_DAYS: old transcripts are swept while the bot listens, with the other lifetimes' tasks.
  const retention = createRetentionSweep({ logs: store.logs, days: config.transcriptRetentionDays, logger, tasks: lifetimeTasks(config, store, handoff.records) });
  // ANALYTICS_RETENTION_DAYS, and the NDJSON export to ANALYTICS_EXPORT_URL (bot/analytics/).
  const analyticsRetention = createAnalyticsRetention({ analytics: store.analytics, days: config.analyticsRetentionDays, logger });
  const exporter = config.analyticsExportUrl && config.analyticsExportSecret && store.analytics
    ? createHttpExporter({ url: config.analyticsExportUrl, secret: config.analyticsExportSecret, analytics: store.analytics, storage: store.storage, logger })
    : undefined;
  let server: Server | undefined;

  return {
    app,
    deps,
    conversations,
    handoff,
    listen(port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        // Express 5 hands a listen error (EADDRINUSE, EACCES) to this callback instead of throwing it.
        const onListening = (error?: Error): void => {
          if (error) return reject(error);
          server = listening;
          attachWebChat(deps, listening); // Direct Line WebSocket streams
          retention.start();
          analyticsRetention.start();
          exporter?.start();
          const { port: bound } = listening.address() as AddressInfo;
          resolve({ server: listening, url: `http://${urlHost(host)}:${bound}` });
        };
        const listening = host ? app.listen(port, host, onListening) : app.listen(port, onListening);
      });
    },
    async stop() {
      if (shuttingDown) return;
      shuttingDown = true;
      ready = false;
      // Open streams would hold server.close() until the deadline; the outbox worker records its pass in flight.
      await Promise.all([closeWebChat(deps), handoff.stop(), retention.stop(), analyticsRetention.stop(), exporter?.stop()]);
      const closed = server ? new Promise<void>((resolve) => server?.close(() => resolve())) : Promise.resolve();
      // close() drops only the connections idle right now; a keep-alive connection whose turn ends later would
      // hold the server open until its timeout, so idle ones are swept until everything is closed.
      const sweeper = setInterval(() => server?.closeIdleConnections(), 50).unref();
      const deadline = new Promise<'timeout'>((resolve) => setTimeout(resolve, config.shutdownTimeoutMs, 'timeout').unref());
      const drained = Promise.all([closed, conversations.idle()]).then(() => 'drained' as const);
      const result = await Promise.race([drained, deadline]);
      clearInterval(sweeper);
      if (result === 'timeout') {
        logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown: turns still in flight at the deadline; closing anyway');
        server?.closeAllConnections();
      }
      await Promise.all([store.close(), conversations.closeLimiter()]);
      logger.info('stopped');
    },
  };
}

/** A host for URLs to this server: a wildcard bind is reached on loopback; IPv6 literals go in brackets. */
function urlHost(host: string | undefined): string {
  if (!host || host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** A listen error as one clear sentence for the person starting the bot. */
export function listenProblem(err: unknown, port: number): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `Port ${port} is already in use: stop the other process or set PORT to a free port.`;
  if (code === 'EACCES') return `Not allowed to listen on port ${port}: choose a port above 1023 or run with the needed rights.`;
  return `Could not listen on port ${port}: ${err instanceof Error ? err.message : String(err)}`;
}
