// GET /agent/api/events: a Server-Sent Events stream for one inbox page. It relays queue changes and conversation
// lines (only the agent's tenant's), beats the agent's presence (so users hear "someone is here"), and ends when the
// login expires or the bot stops.
import express, { type Response, type Router } from 'express';
import type { Logger } from '../logger';
import { canSee, HEARTBEAT_MS, INBOX_TOPIC, parseInboxEvent, type InboxAgent, type Presence } from '../handoff';
import type { Bus } from '../ports';
import { readCookie, requireAgent, SESSION_COOKIE, sessionOf } from './http-auth';
import type { AgentSessions } from './sessions';

export interface EventsRouteDeps {
  readonly bus: Bus;
  readonly presence: Presence;
  readonly sessions: AgentSessions;
  readonly logger: Logger;
  readonly heartbeatMs?: number;
}

export interface EventsRoute {
  readonly router: Router;
  /** Ends every open stream (graceful shutdown: pages reconnect to another instance). */
  closeAll(): void;
}

export function createEventsRoute(deps: EventsRouteDeps): EventsRoute {
  const router = express.Router();
  const open = new Set<Response>();
  /** Streams per agent on this instance: presence is left only when an agent's last page closes. */
  const pages = new Map<string, number>();
  const beat = (agent: InboxAgent): Promise<void> => deps.presence.beat(agent).catch((err: unknown) => deps.logger.warn({ err }, 'agent presence not recorded'));

  router.get('/agent/api/events', requireAgent(deps.sessions), async (req, res) => {
    const { agent } = sessionOf(res);
    const cookie = readCookie(req, SESSION_COOKIE);
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write('retry: 3000\n\n');
    const send = (event: string, data: unknown): void => void res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    let closed = false;
    const subscription: { stop?: () => Promise<void> } = {};
    const timer = setInterval(() => {
      void deps.sessions.get(cookie).then((session) => {
        if (!session) return void res.end(); // logged out or expired: the page goes back to the login form
        res.write(': beat\n\n');
        void beat(agent);
      }, () => undefined);
    }, deps.heartbeatMs ?? HEARTBEAT_MS);
    timer.unref();
    open.add(res);
    pages.set(agent.id, (pages.get(agent.id) ?? 0) + 1);
    // Registered before any await, so a page that leaves at once still cleans up.
    res.on('close', () => {
      closed = true;
      clearInterval(timer);
      open.delete(res);
      void subscription.stop?.();
      const left = (pages.get(agent.id) ?? 1) - 1;
      if (left > 0) return void pages.set(agent.id, left);
      pages.delete(agent.id);
      void deps.presence.leave(agent.id).catch(() => undefined);
    });
    const stop = await deps.bus.subscribe(INBOX_TOPIC, (message) => {
      const event = parseInboxEvent(message);
      if (event && canSee(agent.tenant, event.tenant)) send(event.type, event);
    });
    if (closed) return void stop();
    subscription.stop = stop;
    await beat(agent); // present before the page hears it is live
    send('ready', { agent: agent.name });
  });

  return {
    router,
    closeAll() {
      for (const res of open) res.end();
    },
  };
}
