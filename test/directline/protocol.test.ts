// Direct Line 3.0 as Web Chat uses it: start, post (echo with clientActivityID), replies with replyToId, paging.
import { createClient, type Answer } from './dl-client';
import { startDirectLine, type DirectLineHarness } from './harness';

let dl: DirectLineHarness;
let client: ReturnType<typeof createClient>;
beforeAll(async () => {
  dl = await startDirectLine();
  client = createClient(dl.base);
});
afterAll(() => dl.close());

const text = (a: { text?: string }) => a.text;

describe('Direct Line conversations', () => {
  it('starts a conversation: 201 with id, token, lifetime ≥ 30 min and a ws:// streamUrl; the bot welcomes', async () => {
    const started = await client.start();
    expect(started.status).toBe(201);
    expect(started.headers.get('cache-control')).toBe('no-store');
    const { conversationId, token, expires_in, streamUrl } = started.body;
    expect(conversationId).toMatch(/^dl_/);
    expect(expires_in).toBeGreaterThanOrEqual(1800);
    expect(streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${conversationId}/stream\\?`));
    const all = await client.until(conversationId, token, (list) => list.some((a) => a.text === 'welcome'), 'the welcome');
    expect(all[0]).toMatchObject({ type: 'message', text: 'welcome', from: { id: 'bot', name: 'Test Bot', role: 'bot' } });
  });

  it('starts the conversation of a token from /tokens/generate, once', async () => {
    const generated = await client.call<{ conversationId: string; token: string }>('POST', '/tokens/generate');
    expect(generated.status).toBe(200);
    const first = await client.start(generated.body.token);
    const again = await client.start(generated.body.token);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(first.body.conversationId).toBe(generated.body.conversationId);
    const all = await client.until(first.body.conversationId, first.body.token, (l) => l.length > 0, 'the welcome');
    expect(all.filter((a) => a.text === 'welcome')).toHaveLength(1);
  });

  it('echoes a posted activity with channelData.clientActivityID unchanged, the token user, an id and a timestamp', async () => {
    const { body: conv } = await client.start();
    const posted = await client.post(conv.conversationId, conv.token, {
      type: 'message', text: 'hello', from: { id: 'someone-else', name: 'Ann' }, locale: 'en-GB',
      channelData: { clientActivityID: 'client-1234-abc', clientTimestamp: '2024-01-01T00:00:00Z' },
    });
    expect(posted.status).toBe(200);
    expect(posted.body.id).toMatch(new RegExp(`^${conv.conversationId}\\|\\d{7}$`));
    const all = await client.until(conv.conversationId, conv.token, (l) => l.some((a) => a.text === 'echo: hello'), 'the reply');
    const echo = all.find((a) => a.id === posted.body.id);
    expect(echo).toMatchObject({ type: 'message', text: 'hello', locale: 'en-GB', channelData: { clientActivityID: 'client-1234-abc', clientTimestamp: '2024-01-01T00:00:00Z' } });
    expect(echo?.from).toEqual({ id: expect.stringMatching(/^dl_/), name: 'Ann', role: 'user' });
    expect(Date.parse(String(echo?.timestamp))).not.toBeNaN();
    const reply = all.find((a) => a.text === 'echo: hello');
    expect(reply).toMatchObject({ replyToId: posted.body.id, from: { id: 'bot', role: 'bot' }, conversation: { id: conv.conversationId } });
  });

  it('answers POST only once the bot has replied, so the next poll already has the reply', async () => {
    const { body: conv } = await client.start();
    const posted = await client.post(conv.conversationId, conv.token, { type: 'message', text: 'quick' });
    const { body } = await client.get(conv.conversationId, conv.token);
    expect(body.activities.map(text)).toContain('echo: quick');
    expect(body.activities.find((a) => a.text === 'echo: quick')?.replyToId).toBe(posted.body.id);
  });

  it('sends a card button press through the bot as value { action, stepId }', async () => {
    const { body: conv } = await client.start();
    await client.post(conv.conversationId, conv.token, { type: 'message', value: { action: 'no', stepId: 'restart' } });
    await client.until(conv.conversationId, conv.token, (l) => l.some((a) => a.text === 'pressed no restart'), 'the pressed reply');
  });

  it('pages by watermark and pulls a watermark past the end back', async () => {
    const { body: conv } = await client.start();
    await client.until(conv.conversationId, conv.token, (l) => l.length === 1, 'the welcome');
    for (const word of ['one', 'two']) await client.post(conv.conversationId, conv.token, { type: 'message', text: word });
    const all = await client.get(conv.conversationId, conv.token);
    expect(all.body.activities.map(text)).toEqual(['welcome', 'one', 'echo: one', 'two', 'echo: two']);
    expect(all.body.watermark).toBe('5');
    const page = await client.get(conv.conversationId, conv.token, '3');
    expect(page.body).toEqual({ activities: all.body.activities.slice(3), watermark: '5' });
    expect((await client.get(conv.conversationId, conv.token, '5')).body).toEqual({ activities: [], watermark: '5' });
    expect((await client.get(conv.conversationId, conv.token, '999')).body).toEqual({ activities: [], watermark: '5' });
  });

  it('keeps the turn order of one conversation when posts overlap', async () => {
    const { body: conv } = await client.start();
    await Promise.all(['a', 'b', 'c'].map((w) => client.post(conv.conversationId, conv.token, { type: 'message', text: w })));
    const all = await client.until(conv.conversationId, conv.token, (l) => l.filter((a) => a.from?.role === 'bot').length === 4, 'three replies');
    const replies = all.filter((a) => a.text?.startsWith('echo: '));
    const byId = new Map(all.map((a) => [a.id, a.text]));
    for (const r of replies) expect(r.text).toBe(`echo: ${byId.get(r.replyToId ?? '')}`);
  });

  it('answers a failing turn with the adapter apology and still 200 for the post', async () => {
    const { body: conv } = await client.start();
    const posted: Answer<{ id: string }> = await client.post(conv.conversationId, conv.token, { type: 'message', text: 'boom' });
    expect(posted.status).toBe(200);
    const all = await client.until(conv.conversationId, conv.token, (l) => l.some((a) => a.replyToId === posted.body.id), 'the apology');
    expect(all.find((a) => a.replyToId === posted.body.id)?.text).toMatch(/sorry/i);
  });
});
