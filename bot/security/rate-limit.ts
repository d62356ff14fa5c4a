// Per-address rate limit for the endpoints that start turns (POST /api/messages, POST /v3/directline/...): a JSON 429
// with Retry-After. Loopback is exempt: the Emulator, local tools and benchmarks run there, and a reverse proxy on
// the same host would otherwise put every user in one bucket (rate-limit at that proxy instead).
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { isLoopback } from './anonymous-guard';

export interface IpRateLimitOptions {
  /** Requests per minute per client address; 0 turns the limit off. */
  readonly perMinute: number;
  /** Requests never counted; by default those from loopback. */
  readonly exempt?: (remoteAddress: string | undefined) => boolean;
  readonly windowMs?: number;
}

const pass: RequestHandler = (_req, _res, next) => next();

export function createIpRateLimit(options: IpRateLimitOptions): RequestHandler {
  if (options.perMinute <= 0) return pass;
  const exempt = options.exempt ?? isLoopback;
  return rateLimit({
    windowMs: options.windowMs ?? 60_000,
    limit: options.perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // Polling and reads are cheap; only what can start a turn counts.
    skip: (req) => req.method !== 'POST' || exempt(req.socket?.remoteAddress),
    // The socket address (X-Forwarded-For is not believed); an IPv6 client counts by its /56, as one household does.
    keyGenerator: (req) => (req.socket?.remoteAddress ? ipKeyGenerator(req.socket.remoteAddress) : 'unknown'),
    validate: false,
    handler: (_req, res) => {
      res.status(429).json({ error: { code: 'rate_limited', message: 'too many requests: slow down and retry after a moment' } });
    },
  });
}
