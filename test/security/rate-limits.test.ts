// The rate limits on every door that starts turns: the per-conversation limit answers a web chat (our Direct Line)
// and a Slack thread with the friendly `rate_limited` reply, never a silent drop; the per-address limit covers
// /slack/events; TRUST_PROXY decides whether X-Forwarded-For names the client (for the limit and the loopback rule).
import type { NextFunction, Request, Response } from 'express';
import { loadConfig } from '../../bot/config';
import { createSilentLogger } from '../../bot/logger';
import { createAnonymousGuard } from '../../bot/security/anonymous-guard';
import { parseTrustProxy } from '../../bot/security/trust-proxy';
import type { WireActivity } from '../../bot/directline/types';
import { createClient } from '../directline/dl-client';
import { postSigned, SIGNING_SECRET } from '../slack/support/signed';
import { startWebApiRecorder, type WebApiRecorder } from '../slack/support/web-api-recorder';
import { createFakeBrain } from '../support/fake-engine';
import { removeDataDir, startBot, type RunningBot } from '../support/start-bot';
import { loadKnowledge } from './knowledge';

const RATE_LIMITED = /a lot of messages/i;

/** The fake brain with the real `rate_limited` reply (knowledge/bot.yaml). */
function limitedBrain() {
  const brain = createFakeBrain();
  const knowledge = { ...brain.knowledge, replies: { ...brain.knowledge.replies, rate_limited: loadKnowledge().replies.rate_limited } };
  return { ...brain, knowledge };
}

let recorder: WebApiRecorder;
const bots: RunningBot[] = [];
async function bot(env: Record<string, string>, brain = limitedBrain()): Promise<RunningBot> {
  const running = await startBot({ brain, env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: recorder.url, ...env } });
  bots.push(running);
  return running;
}

beforeAll(async () => {
  recorder = await startWebApiRecorder();
});
afterAll(async () => {
  for (const running of bots) {
    await running.stop();
    await removeDataDir(running.dataDir);
  }
  await recorder.close();
});

describe('per-conversation limit on every channel', () => {
  it('answers the 4th Direct Line message in a minute with the rate_limited reply; another conversation goes on', async () => {
    const brain = limitedBrain();
    const running = await bot({ CONVERSATION_RATE_LIMIT_PER_MINUTE: '3' }, brain);
    const client = createClient(`${running.url}/v3/directline`);
    const { body: conv } = await client.start();
    const replyTo = async (text: string): Promise<WireActivity | undefined> => {
      const { body: posted } = await client.post(conv.conversationId, conv.token, { type: 'message', text });
      const all = await client.until(conv.conversationId, conv.token, (list) => list.some((a) => a.replyToId === posted.id && a.from?.role === 'bot'), `the reply to ${text}`);
      return all.find((a) => a.replyToId === posted.id && a.from?.role === 'bot');
    };
    for (const text of ['one', 'two', 'three']) expect((await replyTo(text))?.text).toBe(`echo: ${text}`);
    expect((await replyTo('four'))?.text).toMatch(RATE_LIMITED);
    expect(brain.engine.inputs.map((i) => i.text)).not.toContain('four');

    const { body: other } = await client.start();
    const { body: posted } = await client.post(other.conversationId, other.token, { type: 'message', text: 'hello' });
    await client.until(other.conversationId, other.token, (list) => list.some((a) => a.replyToId === posted.id && a.text === 'echo: hello'), 'the other conversation\'s reply');
  });

  it('answers the 4th message of a Slack thread in a minute with the rate_limited reply, in the thread', async () => {
    const brain = limitedBrain();
    const running = await bot({ CONVERSATION_RATE_LIMIT_PER_MINUTE: '3' }, brain);
    const root = '1700009000.000100';
    const before = recorder.of('chat.postMessage').length;
    const texts = ['one', 'two', 'three', 'four'];
    for (const [i, text] of texts.entries()) {
      const ts = i === 0 ? root : `170000900${i}.000100`;
      const event = { type: 'event_callback', team_id: 'T1', event_id: `EvLimit${i}`, event: { type: 'message', channel_type: 'im', channel: 'D9', user: 'U9', text, ts, thread_ts: root } };
      expect((await postSigned(`${running.url}/slack/events`, event)).status).toBe(200);
      await recorder.waitFor('chat.postMessage', before + i + 1);
    }
    const replies = recorder.of('chat.postMessage').slice(before);
    expect(replies.map((r) => r.args.thread_ts)).toEqual([root, root, root, root]);
    expect(replies.slice(0, 3).map((r) => r.args.text)).toEqual(['echo: one', 'echo: two', 'echo: three']);
    expect(String(replies[3].args.text)).toMatch(RATE_LIMITED);
    expect(brain.engine.inputs.map((i) => i.text)).not.toContain('four');
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['false', undefined],
    ['true', true],
    ['1', 1],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8 ,::1', ['loopback', '10.0.0.0/8', '::1']],
  ])('reads %p as %p', (raw, expected) => {
    expect(parseTrustProxy(raw)).toEqual(expected);
  });

  it('stops the bot on a value express cannot read', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'not-an-address' })).toThrow(/TRUST_PROXY: expected true, false, a hop count/);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(loadConfig({}).trustProxy).toBeUndefined();
  });

  const verification = { type: 'url_verification', challenge: 'c', token: 't' };
  const slackFrom = (running: RunningBot, client?: string) =>
    postSigned(`${running.url}/slack/events`, verification, client ? { headers: { 'x-forwarded-for': client } } : {}).then((r) => r.status);

  it('when set, keys the per-address limit on /slack/events by the client the proxy names', async () => {
    const running = await bot({ RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: 'loopback' });
    const statuses = [await slackFrom(running, '203.0.113.7'), await slackFrom(running, '203.0.113.7'), await slackFrom(running, '203.0.113.7')];
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await fetch(`${running.url}/slack/events`, { method: 'POST', headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    expect(await slackFrom(running, '198.51.100.9')).toBe(200); // another client, its own budget
    expect(await slackFrom(running)).toBe(200); // the proxy host itself (loopback) stays exempt
  });

  it('when set, refuses anonymous /api/messages from a remote client behind a local proxy', async () => {
    const running = await bot({ TRUST_PROXY: 'loopback' });
    const activity = { type: 'message', channelId: 'emulator', conversation: { id: 'c-proxy' }, serviceUrl: 'http://127.0.0.1:9', text: 'hi' };
    const remote = await running.post(activity, { 'x-forwarded-for': '203.0.113.7' });
    expect(remote.status).toBe(401);
    expect(remote.json).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it.each([
    ['a loopback socket naming a remote client', '127.0.0.1', '203.0.113.7', false],
    ['a remote socket claiming to be loopback', '203.0.113.7', '127.0.0.1', false],
    ['a loopback socket and client', '::ffff:127.0.0.1', '127.0.0.1', true],
  ])('lets anonymous requests through only from loopback, socket and client both: %s', (_name, socket, ip, passes) => {
    const guard = createAnonymousGuard({ config: { allowAnonymous: false }, logger: createSilentLogger() });
    let next = false;
    let status: number | undefined;
    const res = { status: (code: number) => ((status = code), res), json: () => res } as unknown as Response;
    guard({ socket: { remoteAddress: socket }, ip, path: '/api/messages' } as unknown as Request, res, (() => (next = true)) as NextFunction);
    expect(next).toBe(passes);
    expect(status).toBe(passes ? undefined : 401);
  });

  it('when unset, believes no X-Forwarded-For: the socket (loopback) decides, so nothing is limited', async () => {
    const running = await bot({ RATE_LIMIT_PER_MINUTE: '2' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push(await slackFrom(running, '203.0.113.7'));
    expect(statuses).toEqual([200, 200, 200, 200]);
  });
});
