// TRUST_PROXY: which reverse proxies in front of the bot may say who the client is (X-Forwarded-For, -Proto, -Host).
// It becomes express's `trust proxy` setting, so `req.ip` is the real client behind them and `req.ip` alone keys the
// per-address rate limit and the loopback rule. Unset: no proxy is believed, X-Forwarded-For is ignored.
import express from 'express';

/** Express's `trust proxy` values we accept: every hop (true), a hop count, or addresses / subnets / names. */
export type TrustProxy = boolean | number | readonly string[];

/**
 * TRUST_PROXY's text → the setting. `true` (every hop: only when nothing can reach the bot but through the proxy),
 * `false`, a hop count (`1`: the nearest proxy), or a comma list of addresses, CIDR subnets and the names
 * `loopback`, `linklocal`, `uniquelocal`. Throws a readable Error for anything express would refuse.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy | undefined {
  const value = raw?.trim();
  if (!value || value === 'false') return undefined;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  try {
    // Express compiles the list now (proxy-addr): an address it cannot read fails here, at start-up, not per request.
    express().set('trust proxy', [...list]);
  } catch (err) {
    throw new Error(`expected true, false, a hop count or addresses/subnets (${err instanceof Error ? err.message : String(err)})`);
  }
  return list;
}

/** The value for `app.set('trust proxy', …)`; `false` when nothing is trusted. */
export function trustProxySetting(value: TrustProxy | undefined): boolean | number | string[] {
  if (value === undefined) return false;
  return typeof value === 'object' ? [...value] : value;
}
