// The analytics dashboard as one express router: the page at /analytics and its JSON API, behind the agent login
// (or the AGENT_TOKEN as a bearer token). Mounted by server.ts when the agent login is configured.
import type { Router } from 'express';
import express from 'express';
import { readCookie, SESSION_COOKIE } from '../../agent/http-auth';
import { createAgentSessions } from '../../agent/sessions';
import type { Config } from '../../config';
import { redactText } from '../../handoff';
import type { BotStore } from '../../ports';
import type { Knowledge } from '../../../dialogs';
import { createApiRoutes } from './api-routes';
import { requireReader } from './auth';
import { createDashboardPageRoutes } from './page-routes';

export interface DashboardDeps {
  readonly config: Pick<Config, 'agentToken' | 'agentUsersFile' | 'agentSessionMinutes' | 'analyticsSessionMinutes' | 'knowledgeDir' | 'dataDir' | 'redactPii'>;
  readonly store: Pick<BotStore, 'storage' | 'logs' | 'analytics'>;
  readonly knowledge: Knowledge;
  readonly now?: () => number;
}

export function analyticsRouters(deps: DashboardDeps): Router[] {
  const { config, store } = deps;
  if ((!config.agentToken && !config.agentUsersFile) || !store.analytics) return [];
  const now = deps.now ?? Date.now;
  const sessions = createAgentSessions({ storage: store.storage, ttlMs: config.agentSessionMinutes * 60_000, now });
  const router = express.Router();
  // Who is here, answered without a 401, so the page can show its login form without a failed request.
  router.get('/analytics/api/whoami', async (req, res) => {
    const session = await sessions.get(readCookie(req, SESSION_COOKIE));
    res.set('Cache-Control', 'no-store').json(session ? { authenticated: true, agent: { name: session.agent.name }, csrf: session.csrf } : { authenticated: false });
  });
  router.use(
    createDashboardPageRoutes(),
    createApiRoutes({
      analytics: store.analytics, sessionMinutes: config.analyticsSessionMinutes, knowledge: deps.knowledge, knowledgeDir: config.knowledgeDir,
      dataDir: config.dataDir, logs: store.logs, now, ...(config.redactPii ? { redact: redactText } : {}),
    }, requireReader(sessions, config.agentToken)),
  );
  return [router];
}
