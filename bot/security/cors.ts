// CORS for the browser-facing APIs (our Direct Line, the chat page's token): only the origins in CORS_ORIGINS may
// call them from another site. No list: no cross-origin access at all (the chat page and widget are same-origin).
import type { RequestHandler } from 'express';

const ALLOWED_HEADERS = 'Authorization, Content-Type, x-ms-bot-agent, x-requested-with';

export function createCors(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins.map((o) => o.replace(/\/+$/, '')));
  return (req, res, next) => {
    const origin = req.get('origin');
    res.vary('Origin');
    if (!origin) return next();
    if (allowed.has(origin)) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Access-Control-Expose-Headers', 'Retry-After, RateLimit, RateLimit-Policy');
    }
    if (req.method !== 'OPTIONS' || !req.get('access-control-request-method')) return next();
    // A preflight: answered here, so no route ever runs for it.
    if (!allowed.has(origin)) {
      res.status(403).json({ error: { code: 'cors_forbidden', message: 'this origin may not call this API' } });
      return;
    }
    res.set({ 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS', 'Access-Control-Allow-Headers': ALLOWED_HEADERS, 'Access-Control-Max-Age': '600' });
    res.status(204).end();
  };
}
