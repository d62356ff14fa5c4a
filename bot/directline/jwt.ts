// Compact HS256 JSON Web Tokens on node:crypto: the Direct Line token format (RFC 7519, verifiable by any JWT library).
// Why not `jose`: jose 6 is ESM-only, and Jest on Node 20 cannot require it; these 50 lines are all we need of it.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type JwtPayload = Readonly<Record<string, unknown>> & { readonly exp?: number; readonly iat?: number };

export type JwtCheck =
  | { readonly ok: true; readonly payload: JwtPayload }
  | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'expired' };

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

function sign(input: string, secret: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

/** Signs `payload` with iat/exp added (`ttlSeconds` from now). */
export function signJwt(payload: Readonly<Record<string, unknown>>, secret: Uint8Array, ttlSeconds: number, nowMs = Date.now()): string {
  const iat = Math.floor(nowMs / 1000);
  const body = Buffer.from(JSON.stringify({ ...payload, iat, exp: iat + ttlSeconds })).toString('base64url');
  const input = `${HEADER}.${body}`;
  return `${input}.${sign(input, secret).toString('base64url')}`;
}

/** Checks the signature (constant time), the algorithm and the expiry. Never throws. */
export function verifyJwt(token: string, secret: Uint8Array, nowMs = Date.now()): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(parts[2], 'base64url');
  const expected = sign(`${parts[0]}.${parts[1]}`, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, reason: 'malformed' };
  const claims = payload as JwtPayload;
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, payload: claims };
}
