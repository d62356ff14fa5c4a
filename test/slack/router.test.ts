// Slack direct through express: signed requests only, url_verification, DMs and mentions answered in the thread
// with Block Kit (recorded by a local Web API), bot messages and edits ignored, retries processed once.
import { postSigned } from './support/signed';
import { dmEvent as dm, startSlackApp, type SlackTestApp } from './support/slack-app';

let t: SlackTestApp;
beforeEach(async () => {
  t = await startSlackApp();
});
afterEach(() => t.close());

describe('createSlackRouter: doors', () => {
  it('answers url_verification with the challenge', async () => {
    const res = await postSigned(t.url, { type: 'url_verification', challenge: 'abc123', token: 'x' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'abc123' });
  });

  it.each([
    ['a wrong signature', { signature: 'v0=deadbeef' }],
    ['another secret', { secret: 'not-the-secret' }],
    ['a stale timestamp (6 minutes old)', { timestamp: Math.floor(Date.now() / 1000) - 360 }],
    ['a future timestamp (6 minutes ahead)', { timestamp: Math.floor(Date.now() / 1000) + 360 }],
    ['no signature at all', { headers: { 'x-slack-signature': '' } }],
  ])('rejects %s with 401 and processes nothing', async (_name, options) => {
    const res = await postSigned(t.url, dm('my backup failed'), options);
    expect(res.status).toBe(401);
    await t.slack.drain();
    expect(t.conversations.requests).toHaveLength(0);
  });
});

describe('createSlackRouter: messages', () => {
  it('turns a DM into a TurnRequest and answers in its thread with Block Kit', async () => {
    const event = dm('my backup failed &lt;again&gt;');
    const res = await postSigned(t.url, event);
    expect(res.status).toBe(200);
    const [step, question] = await t.recorder.waitFor('chat.postMessage', 2);
    expect(t.conversations.requests[0]).toMatchObject({
      address: { channel: 'slack', conversationKey: `slack:T1:D1:${event.event.ts}`, reference: { team: 'T1', channel: 'D1', thread_ts: event.event.ts } },
      user: { id: 'U1' },
      input: { kind: 'message', text: 'my backup failed <again>' },
      activityId: `D1:${event.event.ts}`,
    });
    expect(step.args).toMatchObject({ channel: 'D1', thread_ts: event.event.ts, text: expect.stringContaining('Check Wi-Fi') });
    expect(step.args.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*Check Wi-Fi*' } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Open *Settings › Wi-Fi* &amp; connect.' } },
      { type: 'section', text: { type: 'mrkdwn', text: '• <https://support.apple.com/wifi|Wi-Fi help>' } },
    ]);
    expect(question.args.blocks).toContainEqual(expect.objectContaining({ type: 'actions', elements: [expect.objectContaining({ value: '{"action":"yes","stepId":"check_wifi"}' }), expect.anything()] }));
  });

  it('gives the engine the user\'s Slack locale (users.info with include_locale), asked once per user', async () => {
    t.recorder.locales.U1 = 'es-ES';
    await postSigned(t.url, dm('mi copia falla'));
    await t.recorder.waitFor('chat.postMessage', 2);
    await postSigned(t.url, dm('sigue fallando'));
    await t.recorder.waitFor('chat.postMessage', 4);
    expect(t.conversations.requests.map((r) => r.input.locale)).toEqual(['es-ES', 'es-ES']);
    expect(t.recorder.of('users.info').map((c) => c.args)).toEqual([expect.objectContaining({ user: 'U1', include_locale: 'true' })]);
  });

  it('answers an @mention in a channel thread, without the mention', async () => {
    await t.recorder.waitFor('auth.test', 0);
    const res = await postSigned(t.url, {
      type: 'event_callback', team_id: 'T1', event_id: 'EvMention',
      event: { type: 'app_mention', channel: 'C9', user: 'U2', text: '<@UBOT> icloud is full', ts: '1700000100.000001', thread_ts: '1700000050.000001' },
    });
    expect(res.status).toBe(200);
    const [post] = await t.recorder.waitFor('chat.postMessage');
    expect(t.conversations.requests[0].input.text).toBe('icloud is full');
    expect(t.conversations.requests[0].address.conversationKey).toBe('slack:T1:C9:1700000050.000001');
    expect(post.args).toMatchObject({ channel: 'C9', thread_ts: '1700000050.000001' });
  });

  it.each([
    ['a bot message', { bot_id: 'B2' }],
    ['an edit', { subtype: 'message_changed' }],
    ['a deletion', { subtype: 'message_deleted' }],
    ['a message in a public channel', { channel_type: 'channel' }],
    ['its own message', { user: 'UBOT' }],
  ])('ignores %s', async (_name, extra) => {
    const res = await postSigned(t.url, dm('hello', extra));
    expect(res.status).toBe(200);
    await t.slack.drain();
    expect(t.conversations.requests).toHaveLength(0);
    expect(t.recorder.of('chat.postMessage')).toHaveLength(0);
  });

  it('processes a retried event (x-slack-retry-num) once', async () => {
    const event = dm('my backup failed');
    await postSigned(t.url, event);
    await t.recorder.waitFor('chat.postMessage', 2);
    const retry = await postSigned(t.url, event, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await t.slack.drain();
    expect(t.conversations.requests).toHaveLength(1);
    expect(t.recorder.of('chat.postMessage')).toHaveLength(2);
  });
});
