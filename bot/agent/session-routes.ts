// Login, logout and "who am I" for the inbox page: POST /agent/api/login (rate-limited), POST /agent/api/logout,
// GET /agent/api/session. The answers carry the CSRF token the page sends back on every change.
import express, { type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { HttpError } from '../routes/http-error';
import type { AgentDirectory } from './directory';
import { clearSessionCookie, readCookie, requireAgent, requireCsrf, sameOrigin, SESSION_COOKIE, sessionOf, setSessionCookie } from './http-auth';
import type { AgentSession, AgentSessions } from './sessions';

const Login = z.union([
  z.object({ token: z.string().min(1).max(500), name: z.string().max(60).optional() }).strict(),
  z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(500) }).strict(),
]);

export interface SessionRoutesDeps {
  readonly directory: AgentDirectory;
  readonly sessions: AgentSessions;
  /** Send the cookie with `Secure` (PUBLIC_URL is https). */
  readonly secureCookie: boolean;
  readonly now: () => number;
  /** Failed logins per IP per minute before 429. */
  readonly loginsPerMinute?: number;
}

const view = (session: AgentSession) => ({
  agent: { id: session.agent.id, name: session.agent.name, ...(session.agent.tenant ? { tenant: session.agent.tenant } : {}) },
  csrf: session.csrf,
  expiresAt: new Date(session.expiresAt).toISOString(),
});

export function createSessionRoutes(deps: SessionRoutesDeps): Router {
  const router = express.Router();
  const json = express.json({ limit: '8kb' });
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: deps.loginsPerMinute ?? 10,
    // Only failures count: a team behind one NAT address can log in freely, a guesser can't.
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, 'too_many_logins', 'too many login attempts: wait a minute')),
  });

  router.get('/agent/api/config', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ methods: deps.directory.methods });
  });

  router.post('/agent/api/login', limiter, json, async (req, res) => {
    // A JSON body can't be sent cross-site without a preflight, and a foreign Origin is refused: no login CSRF.
    if (!sameOrigin(req) || !req.is('application/json')) throw new HttpError(403, 'csrf', 'log in from the inbox page');
    const login = Login.safeParse(req.body);
    if (!login.success) throw new HttpError(400, 'invalid_login', 'send { token, name } or { username, password }');
    const agent = await deps.directory.verify(login.data);
    if (!agent) throw new HttpError(401, 'bad_credentials', 'wrong token, user name or password');
    await deps.sessions.destroy(readCookie(req, SESSION_COOKIE)); // a fresh id at every login: no session fixation
    const { id, session } = await deps.sessions.create(agent);
    setSessionCookie(res, id, session.expiresAt, deps.secureCookie || req.secure, deps.now());
    res.set('Cache-Control', 'no-store').json(view(session));
  });

  router.get('/agent/api/session', requireAgent(deps.sessions), (_req, res) => {
    res.json(view(sessionOf(res)));
  });

  router.post('/agent/api/logout', requireAgent(deps.sessions), requireCsrf, async (req, res) => {
    await deps.sessions.destroy(readCookie(req, SESSION_COOKIE));
    clearSessionCookie(res, deps.secureCookie || req.secure);
    res.status(204).end();
  });
  return router;
}
