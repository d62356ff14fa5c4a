// The handoff, assembled from the configuration: the desk the ConversationService calls, the agent inbox's actions,
// and the outbox worker with its three handlers (tickets, Bot Framework hub events, user notices). Built before the
// edge (the ConversationService needs the desk), then `connect`ed to it (notices need the ConversationService).
import type { HandoffCapabilities, Knowledge } from '../../dialogs';
import type { Config } from '../config';
import { appendLines } from '../conversation/transcript';
import { createDirectLineDelivery } from '../directline/delivery';
import { createDeskEventHandler, createHelpdeskConnector, createTicketHandler, type HelpdeskConnector } from '../helpdesk';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { createOutboxMetrics, createOutboxWorker, type OutboxHandler, type OutboxWorker, type OutboxWorkerOptions } from '../outbox';
import type { BotStore, ConversationAddress, HandoffDesk } from '../ports';
import type { EdgeDeps } from '../server';
import { createSlackClient } from '../slack/client';
import { createSlackDelivery } from '../slack/delivery';
import { webChatFor } from '../web/web-chat';
import { isBotFrameworkAddress } from './addresses';
import { createBotFrameworkDelivery } from './bf-delivery';
import { createHubHandler } from './bf-handoff';
import { createPacketLookup } from './packet-ref';
import { createDeliveries, type Deliveries } from './deliveries';
import { OUTBOX_KINDS, createHandoffDesk } from './desk';
import { createInbox, type Inbox } from './inbox';
import { createNoticeHandler } from './notices';
import { createPresence, type Presence } from './presence';
import { createHandoffRecords, type HandoffRecords } from './records';
import { redactText } from './redact';
import { createTurnTracker } from './turn-tracker';

export interface HandoffOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics?: Metrics;
  readonly knowledge: Pick<Knowledge, 'helpdesk'>;
  readonly store: BotStore;
  /** Epoch ms; tests pin it (business hours) and drive the worker with `worker.tick()`. */
  readonly now?: () => number;
  /** Replaces the connector picked from HELPDESK_KIND (tests, other help desks). */
  readonly connector?: HelpdeskConnector;
  /** Worker settings (backoff, poll period, jitter source) on top of the defaults. */
  readonly worker?: Partial<Omit<OutboxWorkerOptions, 'outbox' | 'handlers' | 'logger' | 'metrics' | 'now'>>;
}

export interface Handoff {
  readonly desk: HandoffDesk;
  readonly inbox: Inbox;
  readonly records: HandoffRecords;
  readonly presence: Presence;
  readonly worker: OutboxWorker;
  /** The agent inbox is on: AGENT_TOKEN or AGENT_USERS_FILE is set. */
  readonly inboxEnabled: boolean;
  /** What "a person" means for a conversation here (a ticket, the inbox, a hub on its channel): the engine promises no more. */
  capabilities(address: ConversationAddress): HandoffCapabilities;
  /** A help-desk connector is configured: handoffs become tickets, and the desk hears cancellations and erasures. */
  readonly tickets: boolean;
  readonly now: () => number;
  /** Hooks up the edge: the ConversationService, the channels' deliveries, the adapter middleware. */
  connect(deps: EdgeDeps): void;
  /** Starts the outbox worker (bot/main.ts, once listening). */
  start(): void;
  /** Runs `hook` on stop (the inbox closes its event streams). */
  onStop(hook: () => Promise<void> | void): void;
  /** Stops the worker after its pass in flight has recorded its outcomes; closes event streams. */
  stop(): Promise<void>;
}

export function createHandoff(options: HandoffOptions): Handoff {
  const { config, logger, store } = options;
  const log = logger.child({ component: 'handoff' });
  const now = options.now ?? Date.now;
  const inboxEnabled = Boolean(config.agentToken || config.agentUsersFile);
  const records = createHandoffRecords(store.storage, { indexed: inboxEnabled });
  const presence = createPresence(store.storage, now);
  const packetOf = createPacketLookup(records);
  const connector = options.connector ?? createHelpdeskConnector(config);
  const stopHooks: (() => Promise<void> | void)[] = [];
  let deliveries: Deliveries | undefined;
  const notConnected: OutboxHandler = async () => {
    throw new Error('handoff not connected to the edge yet'); // retried: connect() comes right after start-up
  };
  // Mutable until connect(): the notice and hub handlers need the edge, which needs the desk first.
  const handlers: Record<string, OutboxHandler> = {
    [OUTBOX_KINDS.notice]: notConnected,
    [OUTBOX_KINDS.hub]: notConnected,
    ...(connector ? { [OUTBOX_KINDS.ticket]: createTicketHandler(connector, log, packetOf), [OUTBOX_KINDS.event]: createDeskEventHandler(connector, log) } : {}),
  };
  const tracker = createTurnTracker({
    onHubStatus: async (key, status) => {
      const closed = status === 'completed' ? { state: 'closed' as const, closedAt: now(), closedBy: 'hub' as const } : {};
      await records.update(key, (r) => (r ? { ...r, hub: status, ...closed } : undefined))
        .catch((err: unknown) => log.warn({ err, conversation: key }, 'could not record the hub status'));
    },
  });
  const worker = createOutboxWorker({
    outbox: store.outbox,
    handlers,
    logger: log,
    now,
    maxAttempts: config.outboxMaxAttempts,
    ...(options.metrics ? { metrics: createOutboxMetrics(options.metrics.registry) } : {}),
    ...options.worker,
  });
  const kick = (): void => worker.kick();
  const hubEvents = (address: ConversationAddress): boolean => config.handoffBfEvents && isBotFrameworkAddress(address, { ownDirectLine: !config.directLineSecret });
  const desk = createHandoffDesk({
    records, outbox: store.outbox, bus: store.bus, presence, logger: log, now, hours: options.knowledge.helpdesk,
    redact: config.redactPii ? redactText : undefined, tickets: connector !== undefined, inbox: inboxEnabled, kick,
    hubEvents,
  });
  const inbox = createInbox({
    records, outbox: store.outbox, bus: store.bus, now, kick,
    deliver: async (record, replies) => {
      if (!deliveries) throw new Error('handoff not connected to the edge yet');
      await deliveries.send(record.address, replies);
    },
    appendTranscript: (key, entry) => appendLines(store.logs, key, [entry]),
  });

  return {
    desk, inbox, records, presence, worker, inboxEnabled, now, tickets: connector !== undefined,
    capabilities: (address) => ({ tickets: connector !== undefined, live: inboxEnabled, hub: hubEvents(address) }),
    connect(deps) {
      const bot = { adapter: deps.adapter, appId: config.microsoftAppId };
      const botFramework = createBotFrameworkDelivery({ ...bot, renderers: deps.renderers });
      const directLine = createDirectLineDelivery({ conversations: webChatFor(deps).directLine.conversations, fallback: botFramework });
      const slack = config.slackBotToken ? createSlackDelivery({ client: createSlackClient({ botToken: config.slackBotToken, apiUrl: config.slackApiUrl }) }) : undefined;
      deliveries = createDeliveries({ botFramework, directLine, slack });
      handlers[OUTBOX_KINDS.notice] = createNoticeHandler({ records, conversations: deps.conversations, deliveries, tracker, now });
      handlers[OUTBOX_KINDS.hub] = createHubHandler(bot, packetOf);
      // The tracker (adapter middleware, every turn) serves notices, which only a help desk or the inbox sends, and
      // a hub's handoff.status answers, which come only where hub events go out: elsewhere no turn pays for it.
      if (connector || inboxEnabled || config.handoffBfEvents) deps.adapter.use(tracker);
    },
    start() {
      worker.start();
      log.info({ helpdesk: connector?.kind ?? 'none', inbox: inboxEnabled, hubEvents: config.handoffBfEvents }, 'handoff started');
    },
    onStop(hook) {
      stopHooks.push(hook);
    },
    async stop() {
      await Promise.all([worker.stop(), ...stopHooks.map(async (hook) => hook())]);
    },
  };
}
