// The Slack Delivery: proactive replies (agent relay, hand-back) posted into the conversation's thread, in order.
import { createSlackClient } from '../../bot/slack/client';
import { createSlackDelivery, threadOf } from '../../bot/slack/delivery';
import { startWebApiRecorder, type WebApiRecorder } from './support/web-api-recorder';

let recorder: WebApiRecorder;
beforeEach(async () => {
  recorder = await startWebApiRecorder();
});
afterEach(() => recorder.close());

const address = { channel: 'slack', conversationKey: 'slack:T1:C5:1700000000.000100', reference: { team: 'T1', channel: 'C5', thread_ts: '1700000000.000100' } };

describe('createSlackDelivery', () => {
  it('posts each reply into the thread as Block Kit, in order, without link previews', async () => {
    const delivery = createSlackDelivery({ client: createSlackClient({ botToken: 'xoxb-test', apiUrl: recorder.url }) });
    expect(delivery.channels).toEqual(['slack']);
    await delivery.send(address, [
      { kind: 'handoff', text: 'Ana from the help desk has joined.' },
      { kind: 'text', text: 'Hi, I see you tried **three fixes**.', links: [{ title: 'Apple Support', url: 'https://support.apple.com' }] },
    ]);
    const posts = recorder.of('chat.postMessage').map((c) => c.args);
    expect(posts).toHaveLength(2);
    expect(posts[0]).toMatchObject({ channel: 'C5', thread_ts: '1700000000.000100', text: 'Ana from the help desk has joined.', unfurl_links: 'false' });
    expect(posts[1].blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Hi, I see you tried *three fixes*.' } },
      { type: 'section', text: { type: 'mrkdwn', text: '• <https://support.apple.com|Apple Support>' } },
    ]);
  });

  it('refuses an address from another channel, naming it', () => {
    expect(() => threadOf({ channel: 'msteams', conversationKey: 'msteams:19:x', reference: { conversation: { id: '19:x' } } })).toThrow(/not a Slack address: msteams:19:x/);
  });
});
