// Slack through the whole bot: Slack direct at /slack/events (mounted by server.ts when SLACK_* are set, signed
// requests, Web API recorded) and Slack through Azure Bot Service (channelId `slack` on /api/messages).
import type { Activity } from 'botbuilder';
import { createBfConversation } from '../support/bf-conversation';
import { createFakeBrain, type FakeEngine } from '../support/fake-engine';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir, startBot, type RunningBot } from '../support/start-bot';
import { postSigned, SIGNING_SECRET } from './support/signed';
import { startWebApiRecorder, type WebApiRecorder } from './support/web-api-recorder';

let recorder: WebApiRecorder | undefined;
let sink: ServiceUrlSink | undefined;
let bot: RunningBot | undefined;
let engine: FakeEngine;

beforeAll(async () => {
  recorder = await startWebApiRecorder();
  sink = await startServiceUrlSink();
  const brain = createFakeBrain();
  engine = brain.engine;
  bot = await startBot({ brain, env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: recorder.url } });
});
afterAll(async () => {
  await bot?.stop();
  if (bot) await removeDataDir(bot.dataDir);
  await sink?.close();
  await recorder?.close();
});

describe('Slack direct in the bot', () => {
  const events = () => `${(bot as RunningBot).url}/slack/events`;

  it('rejects an unsigned request with 401', async () => {
    const res = await fetch(events(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"url_verification","challenge":"x"}' });
    expect(res.status).toBe(401);
  });

  it('runs a DM through the conversation service and a click through chat.update and the next reply', async () => {
    const rec = recorder as WebApiRecorder;
    const ts = '1700001234.000100';
    const dm = { type: 'event_callback', team_id: 'T1', event_id: 'EvBot1', event: { type: 'message', channel_type: 'im', channel: 'D7', user: 'U7', text: 'start', ts } };
    expect((await postSigned(events(), dm)).status).toBe(200);
    const posts = await rec.waitFor('chat.postMessage', 2);
    expect(posts.map((p) => p.args.thread_ts)).toEqual([ts, ts]);
    const question = posts[1].args.blocks as { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[];
    const yes = question.find((b) => b.type === 'actions')?.elements?.find((e) => e.text.text === 'Yes');
    expect(yes?.value).toBe('{"action":"yes","stepId":"restart"}');

    const click = {
      type: 'block_actions', team: { id: 'T1' }, user: { id: 'U7' }, channel: { id: 'D7' },
      message: { ts: '1700001235.000100', thread_ts: ts, text: posts[1].args.text, blocks: question },
      actions: [{ type: 'button', action_id: yes?.action_id, value: yes?.value, text: { type: 'plain_text', text: 'Yes' }, action_ts: '1' }],
    };
    expect((await postSigned(events(), click, { form: true })).status).toBe(200);
    await rec.waitFor('chat.update');
    const [, , done] = await rec.waitFor('chat.postMessage', 3);
    expect(engine.inputs.at(-1)).toMatchObject({ action: { value: 'yes', stepId: 'restart' } });
    expect(done.args).toMatchObject({ channel: 'D7', thread_ts: ts, text: 'fixed' });
  });
});

describe('Slack through Azure Bot Service (channelId slack on /api/messages)', () => {
  it('gets the generic Bot Framework rendering: markdown text with numbered choices, and typing a number presses it', async () => {
    const chat = createBfConversation(bot as RunningBot, sink as ServiceUrlSink, { channelId: 'slack' });
    const first = await chat.say('start');
    const question = first.replies.at(-1) as Partial<Activity>;
    expect(question.text).toMatch(/1\. Yes\n2\. No\n3\. Already tried/);
    const second = await chat.say('1');
    expect(engine.inputs.at(-1)).toMatchObject({ action: { value: 'yes', stepId: 'restart' } });
    expect(second.text).toBe('fixed');
  });
});
