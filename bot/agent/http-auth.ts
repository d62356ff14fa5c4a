// The inbox's doors: the session cookie (HttpOnly, SameSite=Strict, for /agent and /analytics, Secure over https, expiring), the
// login check on every API call (401 without it) and the CSRF check on every state-changing one (403 without it).
import type { Request, RequestHandler, Response } from 'express';
import { HttpError } from '../routes/http-error';
import { csrfMatches, type AgentSession, type AgentSessions } from './sessions';

export const SESSION_COOKIE = 'agent_session';
export const CSRF_HEADER = 'x-csrf-token';

/** The value of one cookie from the Cookie header (no cookie-parser dependency for one cookie). */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** The agent login opens the inbox and the analytics dashboard: one cookie per path, never sent anywhere else. */
export const COOKIE_PATHS: readonly string[] = ['/agent', '/analytics'];

export function setSessionCookie(res: Response, id: string, expiresAt: number, secure: boolean, now: number): void {
  const maxAge = Math.max(0, Math.floor((expiresAt - now) / 1000));
  for (const p of COOKIE_PATHS) res.append('Set-Cookie', `${SESSION_COOKIE}=${id}; Path=${p}; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? '; Secure' : ''}`);
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  for (const p of COOKIE_PATHS) res.append('Set-Cookie', `${SESSION_COOKIE}=; Path=${p}; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`);
}

/** The agent's session, set by `requireAgent` for the handlers after it. */
export function sessionOf(res: Response): AgentSession {
  return res.locals.agentSession as AgentSession;
}

export function requireAgent(sessions: AgentSessions): RequestHandler {
  return async (req, res, next) => {
    const session = await sessions.get(readCookie(req, SESSION_COOKIE));
    if (!session) throw new HttpError(401, 'unauthenticated', 'log in to the agent inbox first');
    res.locals.agentSession = session;
    res.set('Cache-Control', 'no-store');
    next();
  };
}

/** For state-changing requests: the session's CSRF token in X-CSRF-Token, and no foreign Origin. */
export const requireCsrf: RequestHandler = (req, res, next) => {
  if (!sameOrigin(req) || !csrfMatches(sessionOf(res), req.get(CSRF_HEADER))) {
    throw new HttpError(403, 'csrf', 'missing or wrong CSRF token');
  }
  next();
};

/**
 * A browser names the page's origin on cross-site requests; when it does, it must be ours: the Host, or the host a
 * reverse proxy says it forwarded (a cross-site page cannot set that header without a preflight we never allow).
 */
export function sameOrigin(req: Request): boolean {
  const origin = req.get('origin');
  if (!origin) return true;
  try {
    const ours = [req.get('host'), req.get('x-forwarded-host')?.split(',')[0].trim()].filter(Boolean);
    return ours.includes(new URL(origin).host);
  } catch {
    return false;
  }
}
