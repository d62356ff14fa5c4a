// HTTP helpers of the Direct Line routes: bearer tokens, our public origin, Direct Line's error shape, no-store.
import type { NextFunction, Request, Response } from 'express';
import type { TokenCheck, TokenService } from './tokens';
import type { TokenClaims } from './types';

/** Direct Line's error body: `{ error: { code, message } }`. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

export function bearer(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? match[1] : undefined;
}

/** Checks the bearer token; with `conversationId`, also that the token belongs to that conversation (else 403). */
export function authorize(tokens: TokenService, req: Request, conversationId?: string): TokenCheck {
  const token = bearer(req);
  if (!token) return { ok: false, status: 401, reason: 'missing bearer token' };
  const check = tokens.verify(token, 'api');
  if (check.ok && conversationId !== undefined && check.claims.conv !== conversationId) {
    return { ok: false, status: 403, reason: 'the token is for another conversation' };
  }
  return check;
}

/** Sends the error for a failed check and returns undefined, or returns the claims. */
export function claimsOrReject(check: TokenCheck, res: Response): TokenClaims | undefined {
  if (check.ok) return check.claims;
  sendError(res, check.status, check.status === 401 ? 'Unauthorized' : 'Forbidden', check.reason);
  return undefined;
}

/** PUBLIC_URL when configured (behind a proxy), otherwise the origin the request came to. */
export function originOf(req: Request, publicUrl?: string): string {
  return (publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`).replace(/\/+$/, '');
}

/** Direct Line responses are per user and per moment: no cache, no proxy may keep them. */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.set('Cache-Control', 'no-store');
  res.set('Pragma', 'no-cache');
  next();
}

/** Malformed JSON, a body over the limit, or any other error: a JSON answer, never an HTML stack trace. */
export function jsonErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(err);
  const status = typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' ? err.status : 500;
  if (status >= 400 && status < 500) return sendError(res, status, 'BadArgument', 'the request could not be read');
  sendError(res, 500, 'ServiceError', 'something went wrong');
}
