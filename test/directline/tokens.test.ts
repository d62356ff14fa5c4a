// Direct Line tokens: scoped to one conversation and user, expiring, refreshable; resume after a reload.
import { createHash } from 'node:crypto';
import { signJwt, verifyJwt } from '../../bot/directline/jwt';
import { createClient, openStream } from './dl-client';
import { startDirectLine, TEST_TOKEN_SECRET, type DirectLineHarness } from './harness';

let dl: DirectLineHarness;
let client: ReturnType<typeof createClient>;
beforeAll(async () => {
  dl = await startDirectLine();
  client = createClient(dl.base);
});
afterAll(() => dl.close());

const key = createHash('sha256').update(TEST_TOKEN_SECRET).digest();
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

describe('Direct Line tokens', () => {
  it('carries the conversation and user ids, signed HS256, expiring', async () => {
    const { body } = await client.start();
    const check = verifyJwt(body.token, key);
    expect(check.ok).toBe(true);
    const claims = claimsOf(body.token);
    expect(claims).toMatchObject({ conv: body.conversationId, user: expect.stringMatching(/^dl_/), use: 'api' });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(body.expires_in);
  });

  it('never lets a token read, post to or resume another conversation (403)', async () => {
    const [{ body: a }, { body: b }] = await Promise.all([client.start(), client.start()]);
    const results = await Promise.all([
      client.get(b.conversationId, a.token),
      client.post(b.conversationId, a.token, { type: 'message', text: 'intrusion' }),
      client.call('GET', `/conversations/${b.conversationId}?watermark=0`, { token: a.token }),
    ]);
    expect(results.map((r) => r.status)).toEqual([403, 403, 403]);
    const own = await client.get(b.conversationId, b.token);
    expect(own.body.activities.map((x) => x.text)).not.toContain('intrusion');
  });

  it.each([
    ['no token', undefined, 401],
    ['garbage', 'not-a-jwt', 401],
    ['another key', signJwt({ iss: 'backup-helpdesk-bot/directline', conv: 'x', user: 'u', use: 'api' }, Buffer.alloc(32, 1), 600), 401],
    ['a stream token', signJwt({ iss: 'backup-helpdesk-bot/directline', conv: 'x', user: 'u', use: 'stream' }, key, 600), 401],
    ['expired', signJwt({ iss: 'backup-helpdesk-bot/directline', conv: 'x', user: 'u', use: 'api' }, key, -10), 403],
  ])('refuses %s', async (_name, token, status) => {
    const answers = await Promise.all([client.get('x', token as string), client.call('POST', '/tokens/refresh', { token: token as string })]);
    expect(answers.map((a) => a.status)).toEqual([status, status]);
    expect(answers[0].headers.get('cache-control')).toBe('no-store');
    expect(answers[0].body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  it('refreshes a valid token into a new one for the same conversation and user', async () => {
    const { body: conv } = await client.start();
    const refreshed = await client.call<{ token: string; conversationId: string; expires_in: number }>('POST', '/tokens/refresh', { token: conv.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.conversationId).toBe(conv.conversationId);
    expect(claimsOf(refreshed.body.token)).toMatchObject({ conv: conv.conversationId, user: claimsOf(conv.token).user });
    expect((await client.post(conv.conversationId, refreshed.body.token, { type: 'message', text: 'still me' })).status).toBe(200);
  });

  it('resumes after a reload: GET /conversations/:id gives a fresh token and a stream from the watermark', async () => {
    const { body: conv } = await client.start();
    await client.post(conv.conversationId, conv.token, { type: 'message', text: 'before reload' });
    const resumed = await client.call<{ conversationId: string; token: string; streamUrl: string }>('GET', `/conversations/${conv.conversationId}?watermark=1`, { token: conv.token });
    expect(resumed.status).toBe(200);
    expect(resumed.body.conversationId).toBe(conv.conversationId);
    expect(new URL(resumed.body.streamUrl).searchParams.get('watermark')).toBe('1');
    const stream = await openStream(resumed.body.streamUrl);
    await stream.waitForActivity((a) => a.text === 'echo: before reload', 'the history after the watermark');
    expect(stream.activities().map((a) => a.text)).toEqual(['before reload', 'echo: before reload']);
    stream.close();
    // A full replay (no watermark), as after a page reload.
    const full = await client.call<{ streamUrl: string }>('GET', `/conversations/${conv.conversationId}`, { token: resumed.body.token });
    const replay = await openStream(full.body.streamUrl);
    await replay.waitForActivity((a) => a.text === 'echo: before reload', 'the whole history');
    expect(replay.activities()[0].text).toBe('welcome');
    replay.close();
  });
});
