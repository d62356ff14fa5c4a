// The door of POST /api/messages without Bot Framework credentials: anonymous traffic only from this machine
// (the Emulator, local tests) unless ALLOW_ANONYMOUS=true says otherwise, loudly. With MicrosoftAppId set, this
// guard steps aside and CloudAdapter checks the Bot Framework / Entra JWT of every request.
import type { RequestHandler } from 'express';
import type { Config } from '../config';
import type { Logger } from '../logger';

export interface AnonymousGuardOptions {
  readonly config: Pick<Config, 'microsoftAppId' | 'allowAnonymous'>;
  readonly logger: Logger;
}

/** True for IPv4 127.0.0.0/8, IPv6 ::1 and IPv4-mapped loopback. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** Who may post without a token: everyone (credentials or ALLOW_ANONYMOUS), or only loopback. */
export type AnonymousPolicy = 'authenticated' | 'anyone' | 'loopback';

export function anonymousPolicy(config: AnonymousGuardOptions['config']): AnonymousPolicy {
  if (config.microsoftAppId) return 'authenticated';
  return config.allowAnonymous ? 'anyone' : 'loopback';
}

export function createAnonymousGuard(options: AnonymousGuardOptions): RequestHandler {
  const policy = anonymousPolicy(options.config);
  if (policy === 'anyone') {
    options.logger.warn(
      { security: 'ALLOW_ANONYMOUS' },
      'ALLOW_ANONYMOUS=true and no MicrosoftAppId: /api/messages accepts UNAUTHENTICATED requests from ANY address. Never run this way on a public network.',
    );
  }
  return (req, res, next) => {
    // Both the socket and `req.ip` (behind TRUST_PROXY, the client the proxy names): a proxy on this host is not
    // the client, and a forwarded header never makes a remote socket local.
    const remote = req.ip ?? req.socket?.remoteAddress;
    if (policy !== 'loopback' || (isLoopback(req.socket?.remoteAddress) && isLoopback(remote))) return next();
    options.logger.warn({ remote, path: req.path }, 'anonymous request from outside this machine refused');
    res.status(401).json({
      error: { code: 'unauthorized', message: 'anonymous requests are accepted only from this machine: configure MicrosoftAppId (or ALLOW_ANONYMOUS=true)' },
    });
  };
}
