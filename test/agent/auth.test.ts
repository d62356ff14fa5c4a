// The agent inbox's doors over HTTP: the page's CSP, 401 without a login, 403 without the CSRF token or from another
// origin, the cookie's attributes, expiry, logout, the login rate limit, users-file passwords and tenant separation.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAgentDirectory } from '../../bot/agent';
import { createButtonsBrain } from '../handoff/support/buttons-brain';
import { createTestClock } from '../handoff/support/clock';
import { startHandoffBot, type HandoffBot } from '../handoff/support/handoff-bot';
import { samplePacket } from '../handoff/support/packets';
import { removeDataDir } from '../support/start-bot';
import { createAgentClient } from './support/agent-client';
import { writeUsersFile } from './support/users-file';

const clock = createTestClock('2026-03-02T12:00:00Z');
let dir: string;
let bot: HandoffBot;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'agent-auth-'));
  const usersFile = await writeUsersFile(dir, [
    { id: 'bob', name: 'Bob', password: 'bob-password', tenant: 'contoso' },
    { id: 'fay', name: 'Fay', password: 'fay-password', tenant: 'fabrikam' },
  ]);
  bot = await startHandoffBot({ brain: createButtonsBrain(), now: clock.now, env: { AGENT_TOKEN: 'shared-token', AGENT_USERS_FILE: usersFile, AGENT_SESSION_MINUTES: '60' } });
  const teams = (tenant: string, id: string) => ({ channel: 'msteams', conversationKey: `msteams:${id}`, reference: { serviceUrl: 'https://smba.example/', conversation: { id, tenantId: tenant } } });
  await bot.bot.handoff.desk.open(samplePacket({ id: 'p-contoso', conversation: 'msteams:c1' }), teams('contoso', 'c1'));
  await bot.bot.handoff.desk.open(samplePacket({ id: 'p-fabrikam', conversation: 'msteams:f1' }), teams('fabrikam', 'f1'));
});
afterAll(async () => {
  await bot.stop();
  await removeDataDir(bot.dataDir);
  await rm(dir, { recursive: true, force: true });
});

describe('agent inbox doors', () => {
  it('serves the page under a strict CSP, without inline script', async () => {
    const page = await fetch(`${bot.url}/agent`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(await page.text()).not.toMatch(/<script>(?!<\/script>)|onclick=/);
  });

  it.each([
    ['GET', '/agent/api/handoffs'],
    ['GET', '/agent/api/handoffs/msteams%3Ac1'],
    ['GET', '/agent/api/events'],
    ['GET', '/agent/api/session'],
    ['POST', '/agent/api/handoffs/msteams%3Ac1/take'],
    ['POST', '/agent/api/handoffs/msteams%3Ac1/messages'],
  ])('refuses %s %s without a login (401)', async (method, pathname) => {
    const answer = await createAgentClient(bot.url).call(method, pathname);
    expect(answer.status).toBe(401);
  });

  it('logs in with the token and sets a strict, expiring, HttpOnly cookie', async () => {
    const agent = createAgentClient(bot.url);
    expect((await agent.login({ token: 'wrong', name: 'Eve' })).status).toBe(401);
    const ok = await agent.login({ token: 'shared-token', name: 'Alice' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ agent: { name: 'Alice' }, csrf: expect.any(String) });
    const cookies = ok.headers.getSetCookie();
    expect(cookies).toHaveLength(2); // the inbox and the analytics dashboard, each on its own path
    expect(cookies[0]).toMatch(/^agent_session=[\w-]{43}; Path=\/agent; HttpOnly; SameSite=Strict; Max-Age=3600$/);
    expect(cookies[1]).toMatch(/^agent_session=[\w-]{43}; Path=\/analytics; HttpOnly; SameSite=Strict; Max-Age=3600$/);
    expect((await agent.get('/agent/api/handoffs')).status).toBe(200);
  });

  it('refuses changes without the CSRF token, or from another origin (403)', async () => {
    const agent = createAgentClient(bot.url);
    await agent.login({ token: 'shared-token', name: 'Alice' });
    expect((await agent.call('POST', '/agent/api/handoffs/msteams%3Ac1/take')).status).toBe(403);
    expect((await agent.call('POST', '/agent/api/handoffs/msteams%3Ac1/take', undefined, { 'x-csrf-token': 'forged' })).status).toBe(403);
    const foreign = await createAgentClient(bot.url).call('POST', '/agent/api/login', { token: 'shared-token' }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('ends a session when it expires, and at logout', async () => {
    const agent = createAgentClient(bot.url);
    await agent.login({ token: 'shared-token', name: 'Alice' });
    clock.advance(61 * 60_000);
    expect((await agent.get('/agent/api/handoffs')).status).toBe(401);
    await agent.login({ token: 'shared-token', name: 'Alice' });
    expect((await agent.post('/agent/api/logout')).status).toBe(204);
    expect((await agent.get('/agent/api/handoffs')).status).toBe(401);
  });

  it("shows an agent bound to a tenant only that tenant's handoffs", async () => {
    const bob = createAgentClient(bot.url);
    expect((await bob.login({ username: 'bob', password: 'wrong-password' })).status).toBe(401);
    expect((await bob.login({ username: 'bob', password: 'bob-password' })).status).toBe(200);
    const list = await bob.get<{ handoffs: { conversationKey: string }[] }>('/agent/api/handoffs');
    expect(list.body.handoffs.map((h) => h.conversationKey)).toEqual(['msteams:c1']);
    expect((await bob.get('/agent/api/handoffs/msteams%3Af1')).status).toBe(404);
    expect((await bob.post('/agent/api/handoffs/msteams%3Af1/take')).status).toBe(404);
    const events = await bob.events();
    try {
      await bot.bot.handoff.desk.relayFromUser('msteams:f1', { from: 'user', text: 'fabrikam secret', at: new Date().toISOString() });
      await bot.bot.handoff.desk.relayFromUser('msteams:c1', { from: 'user', text: 'contoso words', at: new Date().toISOString() });
      await events.waitFor((e) => e.event === 'message', 'message');
      expect(events.events.filter((e) => e.event === 'message').map((e) => (e.data.entry as { text: string }).text)).toEqual(['contoso words']);
    } finally {
      events.close();
    }
  });

  it('slows down guessing: the eleventh login in a minute is refused (429)', async () => {
    const guesser = createAgentClient(bot.url);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await guesser.login({ token: `guess-${i}` })).status);
    expect(statuses.slice(-1)).toEqual([429]);
  });

  it('refuses a users file with bcrypt hashes or duplicate ids, naming the problems', async () => {
    const file = path.join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ users: [{ id: 'a', name: 'A', password: '$2b$10$abcdefghijklmnopqrstuv' }, { id: 'a', name: 'B', password: 'plain' }] }));
    expect(() => createAgentDirectory({ usersFile: file })).toThrow(/bcrypt hashes are not supported[^]*users\.1\.password: expected scrypt[^]*"a" appears twice/);
  });
});
