// Direct Line 3.0 REST routes (the subset Web Chat uses), mounted at the app root: /v3/directline/….
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { parseWatermark } from './conversation-log';
import type { DirectLineConversations } from './conversations';
import { authorize, claimsOrReject, jsonErrors, noStore, originOf, sendError } from './http';
import type { TokenService } from './tokens';

const BASE = '/v3/directline';

export interface RestOptions {
  readonly tokens: () => Promise<TokenService>;
  readonly conversations: DirectLineConversations;
  readonly logger: Logger;
  readonly publicUrl?: string;
  /** A token for a new conversation and a new user id (the conversation starts on POST /conversations). */
  readonly generate: () => Promise<{ conversationId: string; token: string; expiresIn: number; userId: string }>;
}

export function createRestRouter(options: RestOptions): Router {
  const { conversations, logger } = options;
  const router = express.Router();
  router.use(BASE, noStore, express.json({ limit: '256kb' }));

  const streamUrl = (req: Request, tokens: TokenService, conversationId: string, userId: string, watermark?: number): string => {
    const url = new URL(`${BASE}/conversations/${encodeURIComponent(conversationId)}/stream`, originOf(req, options.publicUrl));
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (watermark !== undefined) url.searchParams.set('watermark', String(watermark));
    url.searchParams.set('t', tokens.issueStreamToken(conversationId, userId));
    return url.toString();
  };
  const conversationBody = (req: Request, tokens: TokenService, conversationId: string, userId: string, watermark?: number) => {
    const { token, expiresIn } = tokens.issue(conversationId, userId);
    return { conversationId, token, expires_in: expiresIn, streamUrl: streamUrl(req, tokens, conversationId, userId, watermark) };
  };
  /** Every handler answers; an unexpected failure is logged and becomes a JSON 503, never an HTML page or a hang. */
  const handle = (fn: (req: Request, res: Response, tokens: TokenService) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await fn(req, res, await options.tokens());
    } catch (err) {
      logger.error({ err, path: req.path }, 'direct line request failed');
      if (!res.headersSent) sendError(res, 503, 'ServiceUnavailable', 'please retry');
    }
  };

  // Self-hosted, so no secret: anyone may open a conversation, and gets a token scoped to it and a fresh user id.
  router.post(`${BASE}/tokens/generate`, handle(async (_req, res) => {
    const { conversationId, token, expiresIn } = await options.generate();
    res.json({ conversationId, token, expires_in: expiresIn });
  }));

  router.post(`${BASE}/tokens/refresh`, handle(async (req, res, tokens) => {
    const claims = claimsOrReject(authorize(tokens, req), res);
    if (!claims) return;
    const { token, expiresIn } = tokens.issue(claims.conv, claims.user);
    res.json({ conversationId: claims.conv, token, expires_in: expiresIn });
  }));

  router.post(`${BASE}/conversations`, handle(async (req, res, tokens) => {
    let conversationId: string;
    let userId: string;
    if (req.get('authorization')) {
      const claims = claimsOrReject(authorize(tokens, req), res);
      if (!claims) return;
      ({ conv: conversationId, user: userId } = claims);
    } else {
      ({ conversationId, userId } = await options.generate());
    }
    const body = (req.body ?? {}) as { locale?: unknown; user?: { name?: unknown } };
    const locale = typeof body.locale === 'string' && body.locale.length <= 20 ? body.locale : undefined;
    const userName = typeof body.user?.name === 'string' ? body.user.name.slice(0, 100) : undefined;
    const existed = (await conversations.log.get(conversationId)) !== undefined;
    await conversations.start({ id: conversationId, userId, userName, locale }, originOf(req, options.publicUrl));
    res.status(existed ? 200 : 201).json(conversationBody(req, tokens, conversationId, userId));
  }));

  // Resume (after a page reload or a dropped stream): a fresh token and a streamUrl that carries on from the watermark.
  router.get(`${BASE}/conversations/:id`, handle(async (req, res, tokens) => {
    const claims = claimsOrReject(authorize(tokens, req, String(req.params.id)), res);
    if (!claims) return;
    await conversations.start({ id: claims.conv, userId: claims.user }, originOf(req, options.publicUrl));
    res.json(conversationBody(req, tokens, claims.conv, claims.user, parseWatermark(req.query.watermark)));
  }));

  router.post(`${BASE}/conversations/:id/activities`, handle(async (req, res, tokens) => {
    const claims = claimsOrReject(authorize(tokens, req, String(req.params.id)), res);
    if (!claims) return;
    const result = await conversations.post(claims.conv, claims.user, req.body, originOf(req, options.publicUrl));
    if (!result.ok) return sendError(res, result.status, 'BadArgument', result.reason);
    res.json({ id: result.id });
  }));

  // Web Chat stops polling for good after one failed GET, so a storage hiccup answers "nothing new yet" instead.
  router.get(`${BASE}/conversations/:id/activities`, handle(async (req, res, tokens) => {
    const claims = claimsOrReject(authorize(tokens, req, String(req.params.id)), res);
    if (!claims) return;
    const watermark = parseWatermark(req.query.watermark);
    try {
      res.json(await conversations.log.read(claims.conv, watermark));
    } catch (err) {
      logger.warn({ err, conversationId: claims.conv }, 'direct line read failed; answering with no activities');
      res.json({ activities: [], watermark: String(watermark) });
    }
  }));

  router.use(BASE, (_req: Request, res: Response) => sendError(res, 404, 'NotFound', 'no such Direct Line resource'));
  router.use(BASE, jsonErrors);
  return router;
}
