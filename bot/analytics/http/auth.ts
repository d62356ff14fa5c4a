// Who may read analytics: a logged-in agent (the inbox's session cookie, also sent to /analytics) or, for scripts and
// dashboards elsewhere, `Authorization: Bearer <AGENT_TOKEN>`. Changes from the page need the session's CSRF token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { readCookie, requireCsrf, SESSION_COOKIE } from '../../agent/http-auth';
import type { AgentSessions } from '../../agent/sessions';
import { HttpError } from '../../routes/http-error';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

export function requireReader(sessions: AgentSessions, agentToken: string | undefined): RequestHandler {
  const token = agentToken ? digest(agentToken) : undefined;
  return async (req, res, next) => {
    res.set('Cache-Control', 'no-store');
    const bearer = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '')?.[1]?.trim();
    if (bearer !== undefined) {
      if (!token || !timingSafeEqual(digest(bearer), token)) throw new HttpError(401, 'unauthenticated', 'wrong token');
      res.locals.analyticsBearer = true;
      return next();
    }
    const session = await sessions.get(readCookie(req, SESSION_COOKIE));
    if (!session) throw new HttpError(401, 'unauthenticated', 'log in to the agent inbox, or send Authorization: Bearer <AGENT_TOKEN>');
    res.locals.agentSession = session;
    next();
  };
}

/** A change: with the bearer token (no ambient credential, so no CSRF), or the logged-in page's CSRF token. */
export const requireChange: RequestHandler = (req, res, next) => {
  if (res.locals.analyticsBearer === true) return next();
  return requireCsrf(req, res, next);
};
