// helmet's headers on every response, with a Content-Security-Policy that allows nothing: JSON answers, files and
// errors are never meant to run as a page. The chat page and the agent inbox set their own, stricter-per-page CSP
// afterwards (bot/web/security.ts, bot/agent/page-routes.ts), which replaces this one on those responses.
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
    // Framing is decided by CSP frame-ancestors: the chat page allows its embedders there; X-Frame-Options cannot.
    xFrameOptions: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}
