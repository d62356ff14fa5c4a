// Slack's user locale (users.info with include_locale): asked once per user, kept for a while, shared by messages
// that arrive together; a failed lookup gives no locale and is retried sooner.
import { createUserLocales } from '../../bot/slack/user-locale';

function fakeClient(answers: Record<string, string | Error>) {
  const asked: { user: string; include_locale?: boolean }[] = [];
  const client = {
    users: {
      info: async (args: { user: string; include_locale?: boolean }) => {
        asked.push(args);
        const answer = answers[args.user];
        if (answer instanceof Error) throw answer;
        return { ok: true, user: { id: args.user, locale: answer } };
      },
    },
  };
  return { client: client as unknown as Parameters<typeof createUserLocales>[0], asked };
}

describe('Slack user locales', () => {
  it('asks users.info with include_locale once per user and keeps the answer', async () => {
    let now = 0;
    const { client, asked } = fakeClient({ U1: 'es-ES', U2: 'de-DE' });
    const localeOf = createUserLocales(client, { ttlMs: 1000, now: () => now });
    expect(await Promise.all([localeOf('U1'), localeOf('U1'), localeOf('U2')])).toEqual(['es-ES', 'es-ES', 'de-DE']);
    expect(await localeOf('U1')).toBe('es-ES');
    expect(asked).toEqual([{ user: 'U1', include_locale: true }, { user: 'U2', include_locale: true }]);
    now = 1001;
    await localeOf('U1');
    expect(asked).toHaveLength(3);
  });

  it('gives no locale when Slack fails, reports it, and asks again after a tenth of the time', async () => {
    let now = 0;
    const errors: unknown[] = [];
    const { client, asked } = fakeClient({ U1: new Error('ratelimited') });
    const localeOf = createUserLocales(client, { ttlMs: 1000, now: () => now, onError: (e) => errors.push(e) });
    expect(await localeOf('U1')).toBeUndefined();
    expect(await localeOf('U1')).toBeUndefined();
    expect([asked.length, errors.length]).toEqual([1, 1]);
    now = 101;
    await localeOf('U1');
    expect(asked).toHaveLength(2);
  });
});
