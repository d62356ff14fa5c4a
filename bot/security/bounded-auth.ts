// Bot Framework token checks that end in time and answer 401 when they cannot finish. botbuilder fetches Microsoft's
// OpenID metadata to check a JWT's signature; when that fetch fails (no internet, DNS down) its network error becomes
// a 500 at CloudAdapter.process, and node-fetch has no timeout, so a black-holed route hangs the request. A token we
// cannot verify is an unauthenticated request: both become an AuthenticationError (401). Real tokens still go
// through botbuilder's own validation, unchanged; this only decides what its failures mean.
import { AuthenticationError, type BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from '../logger';

export const DEFAULT_AUTH_TIMEOUT_MS = 10_000;

export interface BoundedAuthOptions {
  /** Longest a token check may take (metadata fetch included) before the request is refused. */
  readonly timeoutMs?: number;
  readonly logger: Logger;
}

const UNAUTHORIZED = 401;

/** A failed check as the request's answer: an AuthenticationError (401) stays, anything else becomes one. */
function refused(err: unknown, logger: Logger): AuthenticationError {
  if (err instanceof AuthenticationError && err.statusCode === UNAUTHORIZED) return err;
  // Never the token or the header: only why the check could not complete.
  logger.warn({ security: 'bot-framework-auth', reason: err instanceof Error ? err.message : String(err) }, 'Bot Framework token could not be verified: refused');
  return new AuthenticationError('the token could not be verified', UNAUTHORIZED);
}

/**
 * Runs one check: its result, or an AuthenticationError (401) for a failure, a non-auth error or the deadline.
 * Without a token (`timed` false) there is nothing to fetch, so no deadline timer: that is every Emulator turn.
 */
async function bounded<T>(check: () => Promise<T>, timeoutMs: number, logger: Logger, timed = true): Promise<T> {
  if (!timed) {
    try {
      return await check();
    } catch (err) {
      throw refused(err, logger);
    }
  }
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new AuthenticationError('the token could not be verified in time', UNAUTHORIZED)), timeoutMs);
    timer.unref();
  });
  const running = Promise.resolve().then(check);
  running.catch(() => undefined); // a check that loses the race may still fail later: not an unhandled rejection
  try {
    return await Promise.race([running, deadline]);
  } catch (err) {
    throw refused(err, logger);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The same authentication with its three verifying entry points bounded. Everything else (connector factories,
 * user token clients, caller ids) is the original's, through the prototype.
 */
export function withBoundedVerification<T extends BotFrameworkAuthentication>(auth: T, options: BoundedAuthOptions): T {
  const timeoutMs = options.timeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS;
  const { logger } = options;
  const overrides: Pick<BotFrameworkAuthentication, 'authenticateRequest' | 'authenticateStreamingRequest' | 'authenticateChannelRequest'> = {
    authenticateRequest: (activity, authHeader) => bounded(() => auth.authenticateRequest(activity, authHeader), timeoutMs, logger, Boolean(authHeader)),
    authenticateStreamingRequest: (authHeader, channelIdHeader) =>
      bounded(() => auth.authenticateStreamingRequest(authHeader, channelIdHeader), timeoutMs, logger),
    authenticateChannelRequest: (authHeader) => bounded(() => auth.authenticateChannelRequest(authHeader), timeoutMs, logger),
  };
  return Object.assign(Object.create(auth) as T, overrides);
}
