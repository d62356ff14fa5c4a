// The doors in front of every route, mounted first by the app factory (bot/server.ts): security headers on every
// response, CORS for the browser APIs, a per-address rate limit on what starts turns (Bot Framework, our Direct Line,
// Slack direct), and the anonymous-access rule of /api/messages. The per-conversation limit lives in the turn path
// (conversation-limit.ts); TRUST_PROXY (trust-proxy.ts) decides which address `req.ip` is.
import express, { type Router } from 'express';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { createAnonymousGuard } from './anonymous-guard';
import { createCors } from './cors';
import { securityHeaders } from './headers';
import { createIpRateLimit } from './rate-limit';

export interface EdgeGuardDeps {
  readonly config: Pick<Config, 'microsoftAppId' | 'allowAnonymous' | 'corsOrigins' | 'rateLimitPerMinute'>;
  readonly logger: Logger;
}

export function createEdgeGuards(deps: EdgeGuardDeps): Router {
  const router = express.Router();
  router.use(securityHeaders());
  router.use(['/v3/directline', '/webchat/token'], createCors(deps.config.corsOrigins));
  // Slack sends every workspace's events from a few of its own addresses: size RATE_LIMIT_PER_MINUTE for that.
  router.use(['/api/messages', '/v3/directline', '/slack/events'], createIpRateLimit({ perMinute: deps.config.rateLimitPerMinute }));
  router.use('/api/messages', createAnonymousGuard(deps));
  return router;
}
