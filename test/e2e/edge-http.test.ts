// The HTTP edge end to end with a scripted engine: health, metrics, bad input (never a 500 or HTML), the welcome,
// replays and a failing turn. Restart, JWT and graceful stop are in edge-lifecycle.test.ts.
import { createBfConversation } from '../support/bf-conversation';
import { createFakeBrain } from '../support/fake-engine';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir, startBot, type RunningBot } from '../support/start-bot';

let sink: ServiceUrlSink;
let bot: RunningBot;

beforeAll(async () => {
  sink = await startServiceUrlSink();
  bot = await startBot({ brain: createFakeBrain() });
});

afterAll(async () => {
  await bot.stop();
  await removeDataDir(bot.dataDir);
  await sink.close();
});

const isJsonError = (a: { contentType: string; json: unknown }) => a.contentType.startsWith('application/json') && typeof (a.json as { error?: unknown })?.error === 'object';

describe('bot edge over HTTP', () => {
  it('reports health, readiness and metrics', async () => {
    expect((await bot.request('/healthz')).status).toBe(200);
    expect(await bot.request('/readyz')).toMatchObject({ status: 200, json: { status: 'ready', storage: 'sqlite' } });
    const metrics = await bot.request('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('bot_turn_duration_seconds');
  });

  it('welcomes on conversationUpdate, once, and answers messages in the same conversation', async () => {
    const chat = createBfConversation(bot, sink);
    const welcome = await chat.join();
    expect(welcome.status).toBe(200);
    expect(welcome.text).toMatch(/^welcome/);
    expect(welcome.replies[0].suggestedActions?.actions.map((a) => a.title)).toEqual(['Yes', 'No']);
    expect((await chat.join()).replies).toEqual([]);
    expect((await chat.say('hello')).text).toBe('echo: hello');
  });

  it('answers a replayed activity once', async () => {
    const chat = createBfConversation(bot, sink);
    const activity = chat.build.message('once');
    expect((await chat.send(activity)).replies).toHaveLength(1);
    const replay = await chat.send(activity);
    expect(replay.status).toBe(200);
    expect(sink.messages(chat.build.conversationId)).toHaveLength(1);
  });

  it.each([
    ['empty text', { text: '' }],
    ['emoji only', { text: '🙂🙂' }],
    ['10,000 characters', { text: 'backup '.repeat(1430) }],
    ['an attachment without text', { text: undefined, attachments: [{ contentType: 'image/png', contentUrl: 'https://example.com/x.png' }] }],
    ['text of the wrong type', { text: { nested: true } as unknown as string }],
  ])('answers %s with a message', async (_name, extra) => {
    const chat = createBfConversation(bot, sink);
    const turn = await chat.send(chat.build.message('', extra));
    expect(turn.status).toBe(200);
    expect(turn.replies.length).toBeGreaterThan(0);
  });

  it.each(['typing', 'messageReaction', 'installationUpdate', 'somethingNobodyKnows'])('accepts a %s activity quietly', async (type) => {
    const chat = createBfConversation(bot, sink);
    const turn = await chat.send(chat.build.ofType(type));
    expect(turn.status).toBe(200);
    expect(turn.replies).toEqual([]);
  });

  it.each([
    ['malformed JSON', '{"type": "message", ', 400, 'invalid_json'],
    ['an empty object', {}, 400, 'invalid_activity'],
    ['an array', [1, 2], 400, 'invalid_activity'],
    ['a missing conversation', { type: 'message', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', text: 'hi' }, 400, 'invalid_activity'],
    ['a bad serviceUrl', { type: 'message', channelId: 'emulator', conversation: { id: 'x' }, serviceUrl: 'file:///etc/passwd' }, 400, 'invalid_activity'],
    ['a body over the limit', JSON.stringify({ type: 'message', text: 'x'.repeat(600 * 1024) }), 413, 'too_large'],
  ])('refuses %s with a JSON error, never HTML', async (_name, body, status, code) => {
    const answer = await bot.post(body);
    expect(answer.status).toBe(status);
    expect(isJsonError(answer)).toBe(true);
    expect((answer.json as { error: { code: string } }).error.code).toBe(code);
    expect(answer.text).not.toMatch(/<html|at .*\.js:\d+/i);
  });

  it('answers other methods and unknown paths with JSON', async () => {
    expect(await bot.request('/api/messages')).toMatchObject({ status: 405, json: { error: { code: 'method_not_allowed' } } });
    expect(await bot.request('/nope')).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
  });

  it('apologises (and keeps answering) when a turn fails inside', async () => {
    const chat = createBfConversation(bot, sink);
    const turn = await chat.say('boom');
    expect(turn.status).toBe(200);
    expect(turn.text).toMatch(/sorry/i);
    expect((await chat.say('after')).text).toBe('echo: after');
  });
});
