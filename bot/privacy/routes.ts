// The privacy API for help-desk tooling: POST /privacy/api/export and POST /privacy/api/erase with
// `{ "user": "<id>", "channel": "<channel id>"? }`, each needing `Authorization: Bearer <ADMIN_TOKEN or AGENT_TOKEN>`
// (401 otherwise; failed attempts are rate-limited per address). Mounted only when one of the two tokens is set.
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler, type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { Config } from '../config';
import { HttpError } from '../routes/http-error';
import type { PrivacyService } from './service';

const Body = z.object({ user: z.string().trim().min(1).max(200), channel: z.string().trim().min(1).max(100).optional() }).strict();

export interface PrivacyRouteDeps {
  readonly config: Pick<Config, 'agentToken' | 'adminToken'>;
  readonly privacy?: PrivacyService;
  /** Failed attempts per address per minute before 429 (default 10). */
  readonly failuresPerMinute?: number;
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Accepts a bearer token equal to one of `tokens` (compared in constant time on digests). */
export function requireBearer(tokens: readonly string[]): RequestHandler {
  const digests = tokens.map(digest);
  return (req, _res, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    const presented = match ? digest(match[1]) : undefined;
    if (!presented || !digests.some((d) => timingSafeEqual(d, presented))) throw new HttpError(401, 'unauthenticated', 'send Authorization: Bearer <ADMIN_TOKEN or AGENT_TOKEN>');
    next();
  };
}

export function privacyRouters(deps: PrivacyRouteDeps): Router[] {
  const tokens = [deps.config.adminToken, deps.config.agentToken].filter((t): t is string => Boolean(t));
  const { privacy } = deps;
  if (!privacy || tokens.length === 0) return [];
  const router = express.Router();
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: deps.failuresPerMinute ?? 10,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, 'too_many_attempts', 'too many failed attempts: wait a minute')),
  });
  const guard = [limiter, requireBearer(tokens), express.json({ limit: '8kb' })];
  const bodyOf = (raw: unknown) => {
    const body = Body.safeParse(raw ?? {});
    if (!body.success) throw new HttpError(400, 'invalid_request', 'send { "user": "<id>", "channel": "<channel id>" (optional) }');
    return { userId: body.data.user, ...(body.data.channel ? { channel: body.data.channel } : {}) };
  };

  router.post('/privacy/api/export', ...guard, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await privacy.export(bodyOf(req.body)));
  });
  router.post('/privacy/api/erase', ...guard, async (req, res) => {
    res.set('Cache-Control', 'no-store').json({ erasure: await privacy.erase({ ...bodyOf(req.body), requestedBy: 'api' }) });
  });
  return [router];
}
