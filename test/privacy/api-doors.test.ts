// The privacy API's doors: POST /privacy/api/export and /erase answer only with `Authorization: Bearer` and the admin
// token or the agent token; no token, a wrong one or another scheme gets a JSON 401 (and repeated failures a 429);
// without either token configured the API is not there at all; a malformed body is a 400.
import { createFakeBrain } from '../support/fake-engine';
import { removeDataDir, startBot, type RunningBot } from '../support/start-bot';

const call = (bot: RunningBot, path: string, authorization?: string, body: unknown = { user: 'user-1' }) =>
  bot.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify(body) });
const PATHS = ['/privacy/api/export', '/privacy/api/erase'];

describe('privacy API doors', () => {
  const bots: RunningBot[] = [];
  afterAll(async () => {
    for (const bot of bots) {
      await bot.stop();
      await removeDataDir(bot.dataDir);
    }
  });
  const start = async (env: Record<string, string>) => {
    const bot = await startBot({ brain: createFakeBrain(), env });
    bots.push(bot);
    return bot;
  };

  it('is not mounted when neither ADMIN_TOKEN nor AGENT_TOKEN is set', async () => {
    const bot = await start({});
    for (const path of PATHS) expect((await call(bot, path, 'Bearer anything')).status).toBe(404);
  });

  it.each(PATHS)('%s refuses without the token, with a wrong one, or another scheme', async (path) => {
    const bot = await start({ ADMIN_TOKEN: 'admin-secret', AGENT_TOKEN: 'agent-secret' });
    for (const authorization of [undefined, 'Bearer wrong', 'Basic YWRtaW4tc2VjcmV0', 'admin-secret', 'Bearer admin-secret-and-more']) {
      const answer = await call(bot, path, authorization);
      expect({ authorization, status: answer.status, json: answer.json }).toEqual({ authorization, status: 401, json: { error: { code: 'unauthenticated', message: expect.any(String) } } });
    }
  });

  it.each([['the admin token', 'admin-secret'], ['the agent token', 'agent-secret']])('opens both with %s', async (_what, token) => {
    const bot = await start({ ADMIN_TOKEN: 'admin-secret', AGENT_TOKEN: 'agent-secret' });
    const exported = await call(bot, '/privacy/api/export', `Bearer ${token}`);
    expect(exported.status).toBe(200);
    expect(exported.json).toMatchObject({ user: 'user-1', conversations: [], data: { sessions: [], transcripts: [] } });
    const erased = await call(bot, '/privacy/api/erase', `Bearer ${token}`, { user: 'user-1', channel: 'emulator' });
    expect(erased.status).toBe(200);
    expect(erased.json).toMatchObject({ erasure: { id: expect.any(String), requestedBy: 'api', channel: 'emulator', counts: { conversations: 0 } } });
  });

  it('works with the agent token alone, and answers a malformed body with a 400', async () => {
    const bot = await start({ AGENT_TOKEN: 'agent-secret' });
    expect((await call(bot, '/privacy/api/export', 'Bearer admin-secret')).status).toBe(401);
    expect((await call(bot, '/privacy/api/export', 'Bearer agent-secret')).status).toBe(200);
    for (const body of [{}, { user: '' }, { user: 'u', extra: 1 }, { user: 5 }]) {
      expect((await call(bot, '/privacy/api/export', 'Bearer agent-secret', body)).status).toBe(400);
    }
  });

  it('slows down a guesser: repeated failures get a 429', async () => {
    const bot = await start({ ADMIN_TOKEN: 'admin-secret' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await call(bot, '/privacy/api/export', `Bearer guess-${i}`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
