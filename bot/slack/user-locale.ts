// Slack says a user's locale only when asked (users.info with include_locale: true): asked once per user and kept
// for a while, so each message carries it to the engine as TurnInput.locale (es-ES → Spanish). A failed lookup is
// not an error: the message goes on without a locale (the engine then reads the language from the text).
import type { SlackClient } from './client';

export type UserLocales = (userId: string) => Promise<string | undefined>;

export interface UserLocaleOptions {
  /** How long a looked-up locale is kept; a failed lookup is retried after a tenth of it. */
  readonly ttlMs?: number;
  /** Users kept at most (the oldest go first). */
  readonly max?: number;
  readonly now?: () => number;
  readonly onError?: (err: unknown) => void;
}

const HOUR = 3_600_000;

export function createUserLocales(client: Pick<SlackClient, 'users'>, options: UserLocaleOptions = {}): UserLocales {
  const ttl = options.ttlMs ?? 6 * HOUR;
  const max = options.max ?? 10_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { readonly locale?: string; readonly until: number }>();
  const pending = new Map<string, Promise<string | undefined>>();

  const lookUp = async (user: string): Promise<string | undefined> => {
    try {
      const answer = await client.users.info({ user, include_locale: true });
      const locale = typeof answer.user?.locale === 'string' && answer.user.locale !== '' ? answer.user.locale : undefined;
      remember(user, locale, ttl);
      return locale;
    } catch (err) {
      options.onError?.(err);
      remember(user, undefined, ttl / 10);
      return undefined;
    }
  };
  const remember = (user: string, locale: string | undefined, forMs: number) => {
    cache.delete(user);
    if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    cache.set(user, { ...(locale ? { locale } : {}), until: now() + forMs });
  };

  return (user) => {
    const hit = cache.get(user);
    if (hit && hit.until > now()) return Promise.resolve(hit.locale);
    let asking = pending.get(user);
    if (!asking) {
      asking = lookUp(user).finally(() => pending.delete(user));
      pending.set(user, asking);
    }
    return asking;
  };
}
