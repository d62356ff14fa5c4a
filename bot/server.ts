// The express 5 app factory: health, metrics and the Bot Framework endpoint, then every channel's router,
// then JSON 404 and JSON errors. No global body parser: each route parses its own (Slack signs the raw body).
import express, { type Express, type Router } from 'express';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Knowledge } from '../dialogs';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import type { BotStore, ConversationService, HandoffDesk } from './ports';
import type { RendererRegistry } from './renderers/select';
import type { BotFrameworkPayload } from './renderers/bot-framework';
import { createHealthRouter, type Lifecycle } from './routes/health';
import { jsonErrorHandler, notFoundHandler } from './routes/http-error';
import { createMessagesRouter } from './routes/messages';
import { createMetricsRouter } from './routes/metrics';
import { createWebChatRouter } from './web/web-chat';
import { slackRouters } from './slack/mount';
import { agentRouters } from './agent/router';
import { analyticsRouters } from './analytics/http/router';
import { privacyRouters } from './privacy/routes';
import type { PrivacyService } from './privacy/service';
import type { Handoff } from './handoff';
import { createEdgeGuards } from './security/edge-guards';
import { trustProxySetting } from './security/trust-proxy';

/** Everything a route needs, built once by the wiring (bot/boot.ts). Router factories take this (or a subset of it). */
export interface EdgeDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly knowledge: Knowledge;
  /** Each locale's knowledge by language (brain.languages): the edge's own words in the user's language. */
  readonly languages?: Readonly<Record<string, Knowledge>>;
  readonly store: BotStore;
  readonly adapter: CloudAdapter;
  /** The bot's turn logic, for `adapter.process(req, res, botLogic)` and `adapter.processActivity(auth, activity, botLogic)`. */
  readonly botLogic: (context: TurnContext) => Promise<void>;
  /** The channel-neutral turn: for channels outside Bot Framework (Slack direct) and the terminal. */
  readonly conversations: ConversationService;
  readonly renderers: RendererRegistry<BotFrameworkPayload>;
  readonly desk: HandoffDesk;
  readonly lifecycle: Lifecycle;
  /** The handoff (desk, agent inbox, outbox worker); absent when a test injects its own desk. */
  readonly handoff?: Handoff;
  /** Export and erasure of a user's data (bot/privacy/), for the privacy API. */
  readonly privacy?: PrivacyService;
}

/**
 * The channel and console routers, in mount order. Adding one is one line here: `createXRouter(deps),`.
 * Each router owns its paths and its body parsing.
 */
export function channelRouters(deps: EdgeDeps): Router[] {
  return [
    createWebChatRouter(deps), // our Direct Line (/v3/directline) and the chat page (/, /embed.js)
    ...slackRouters(deps), // Slack direct (/slack/events), when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set
    ...agentRouters(deps), // the agent inbox (/agent), when AGENT_TOKEN or AGENT_USERS_FILE is set
    ...analyticsRouters({ ...deps, ...(deps.handoff ? { now: deps.handoff.now } : {}) }), // the analytics dashboard (/analytics) and its API, behind the same login
    ...privacyRouters(deps), // export and erasure (/privacy/api), when ADMIN_TOKEN or AGENT_TOKEN is set
  ];
}

export interface ServerOptions {
  /** More routers after the channel routers: tests and tools mount theirs here. */
  readonly extraRouters?: readonly Router[];
}

export function createServer(deps: EdgeDeps, options: ServerOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(deps.config.trustProxy)); // TRUST_PROXY: who req.ip is (bot/security/)
  app.use(createEdgeGuards(deps)); // headers, CORS, rate limit, anonymous access (bot/security/)
  app.use(createHealthRouter(deps));
  app.use(createMetricsRouter(deps));
  app.use(createMessagesRouter({ ...deps, bodyLimit: `${deps.config.jsonBodyLimitKb}kb` }));
  for (const router of channelRouters(deps)) app.use(router);
  for (const router of options.extraRouters ?? []) app.use(router);
  app.use(notFoundHandler);
  app.use(jsonErrorHandler(deps.logger));
  return app;
}
