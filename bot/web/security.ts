// Security headers of the chat page (helmet): a per-response CSP nonce, nothing from any other origin, and framing
// allowed only where the embed launcher needs it.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** sha256 of the empty string: Web Chat 4.18 inserts one empty <style> element without its nonce. */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

export interface PageSecurityOptions {
  /** Origins besides ours the page talks to: Azure Direct Line (https + wss) when DIRECT_LINE_SECRET is set. */
  readonly connectOrigins: readonly string[];
  /** Sites allowed to frame `/?embed=1` (CORS_ORIGINS); empty means any site may embed the widget. */
  readonly embedOrigins: readonly string[];
}

const nonceOf = (res: ServerResponse): string => String((res as Response).locals.cspNonce);
const isEmbed = (req: IncomingMessage): boolean => new URL(req.url ?? '/', 'http://local').searchParams.get('embed') === '1';

export function pageSecurity(options: PageSecurityOptions): RequestHandler[] {
  const nonce = (_req: IncomingMessage, res: ServerResponse): string => `'nonce-${nonceOf(res)}'`;
  const ancestors = options.embedOrigins.length ? options.embedOrigins.join(' ') : '*';
  const setNonce: RequestHandler = (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  };
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", nonce],
        styleSrc: ["'self'", nonce, EMPTY_STYLE_HASH],
        // 'self' covers ws:/wss: to our own host (CSP Level 3), so no other host can be reached over WebSocket.
        connectSrc: ["'self'", ...options.connectOrigins],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        mediaSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: [(req: IncomingMessage) => (isEmbed(req) ? ancestors : "'self'")],
      },
    },
    // frame-ancestors decides who may frame the page; X-Frame-Options cannot express an allow-list.
    xFrameOptions: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  return [setNonce, headers];
}
