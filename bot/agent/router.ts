// The built-in agent inbox, as one express router: the page (/agent), login and sessions, the handoff API and the
// live event stream. Mounted by server.ts when AGENT_TOKEN or AGENT_USERS_FILE is set (`agentRouters`).
import express, { type Router } from 'express';
import type { Flow } from '../../dialogs';
import type { Config } from '../config';
import type { Handoff } from '../handoff';
import { redactText } from '../handoff';
import type { Logger } from '../logger';
import type { BotStore } from '../ports';
import { createAgentDirectory, type AgentDirectory } from './directory';
import { createEventsRoute } from './events-route';
import { createHandoffRoutes } from './handoff-routes';
import { createPageRoutes } from './page-routes';
import { createSessionRoutes } from './session-routes';
import { createAgentSessions } from './sessions';

export interface AgentRouterDeps {
  readonly config: Pick<Config, 'agentToken' | 'agentUsersFile' | 'agentSessionMinutes' | 'publicUrl' | 'redactPii'>;
  readonly logger: Logger;
  readonly store: Pick<BotStore, 'storage' | 'logs' | 'bus'>;
  readonly knowledge: { readonly flows: readonly Flow[] };
  readonly handoff: Pick<Handoff, 'inbox' | 'presence' | 'now' | 'onStop'>;
  /** Tests pass a directory; by default it is built from AGENT_TOKEN / AGENT_USERS_FILE. */
  readonly directory?: AgentDirectory;
  readonly loginsPerMinute?: number;
  readonly heartbeatMs?: number;
}

export function createAgentRouter(deps: AgentRouterDeps): Router {
  const { config, store, handoff } = deps;
  const now = handoff.now;
  const directory = deps.directory ?? createAgentDirectory({ token: config.agentToken, usersFile: config.agentUsersFile });
  const sessions = createAgentSessions({ storage: store.storage, ttlMs: config.agentSessionMinutes * 60_000, now });
  const events = createEventsRoute({ bus: store.bus, presence: handoff.presence, sessions, logger: deps.logger.child({ component: 'agent-inbox' }), heartbeatMs: deps.heartbeatMs });
  handoff.onStop(() => events.closeAll());
  const router = express.Router();
  router.use(
    createPageRoutes(),
    createSessionRoutes({ directory, sessions, secureCookie: (config.publicUrl ?? '').startsWith('https:'), now, loginsPerMinute: deps.loginsPerMinute }),
    events.router,
    createHandoffRoutes({ inbox: handoff.inbox, sessions, logs: store.logs, flows: deps.knowledge.flows, now, redact: config.redactPii ? redactText : undefined }),
  );
  return router;
}

/** server.ts: the inbox router when the inbox is configured, nothing otherwise. */
export function agentRouters(deps: Omit<AgentRouterDeps, 'handoff'> & { readonly handoff?: Handoff }): Router[] {
  const { handoff } = deps;
  if (!handoff?.inboxEnabled) return [];
  return [createAgentRouter({ ...deps, handoff })];
}
