// Per-address rate limit for the endpoints that start turns (POST /api/messages, /v3/directline/..., /slack/events):
// a JSON 429 with Retry-After. The address is `req.ip`: the socket's, or with TRUST_PROXY the client's as the trusted
// proxies report it (X-Forwarded-For is believed only then). Loopback is exempt: the Emulator, local tools and
// benchmarks run there; behind a reverse proxy on this host, set TRUST_PROXY so its users are not all "loopback".
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { isLoopback } from './anonymous-guard';

export interface IpRateLimitOptions {
  /** Requests per minute per client address; 0 turns the limit off. */
  readonly perMinute: number;
  /** Requests never counted, by client address (`req.ip`); by default loopback, when the socket is loopback too. */
  readonly exempt?: (remoteAddress: string | undefined) => boolean;
  readonly windowMs?: number;
}

const pass: RequestHandler = (_req, _res, next) => next();

/** express's `req.ip` (TRUST_PROXY decides whether X-Forwarded-For counts), else the socket's address. */
export function clientAddress(req: Pick<Request, 'ip' | 'socket'>): string | undefined {
  return req.ip ?? req.socket?.remoteAddress;
}

/** A loopback client on a loopback socket: a forwarded header never exempts a remote socket, and behind a proxy on
 *  this host only a client the proxy names as local is exempt. */
function isLocalClient(req: Pick<Request, 'ip' | 'socket'>): boolean {
  return isLoopback(req.socket?.remoteAddress) && isLoopback(clientAddress(req));
}

export function createIpRateLimit(options: IpRateLimitOptions): RequestHandler {
  if (options.perMinute <= 0) return pass;
  const custom = options.exempt;
  const exempt = custom ? (req: Request) => custom(clientAddress(req)) : isLocalClient;
  return rateLimit({
    windowMs: options.windowMs ?? 60_000,
    limit: options.perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // Polling and reads are cheap; only what can start a turn counts.
    skip: (req) => req.method !== 'POST' || exempt(req),
    // An IPv6 client counts by its /56, as one household does.
    keyGenerator: (req) => {
      const address = clientAddress(req);
      return address ? ipKeyGenerator(address) : 'unknown';
    },
    validate: false,
    handler: (_req, res) => {
      res.status(429).json({ error: { code: 'rate_limited', message: 'too many requests: slow down and retry after a moment' } });
    },
  });
}
