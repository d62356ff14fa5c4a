// Slack button clicks (block_actions, form-encoded and signed): the flow continues with the button's value, the
// clicked message is updated (chat.update) so it cannot be answered twice, forged values are ignored.
import { postSigned } from './support/signed';
import { dmEvent, startSlackApp, type SlackTestApp } from './support/slack-app';

let t: SlackTestApp;
beforeEach(async () => {
  t = await startSlackApp();
});
afterEach(() => t.close());

describe('createSlackRouter: button clicks', () => {
  async function askAndClick(actionValue: string) {
    const event = dmEvent('my backup failed');
    await postSigned(t.url, event);
    const [, question] = await t.recorder.waitFor('chat.postMessage', 2);
    const blocks = question.args.blocks as { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[];
    const button = blocks.find((b) => b.type === 'actions')?.elements?.[0];
    const payload = {
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'U1', name: 'ana' },
      channel: { id: 'D1' },
      message: { ts: '1700000999.000100', thread_ts: event.event.ts, text: question.args.text, blocks },
      actions: [{ type: 'button', action_id: button?.action_id, block_id: 'b', value: actionValue, text: { type: 'plain_text', text: button?.text.text }, action_ts: '1700001000.1' }],
    };
    return { event, payload, button };
  }

  it('continues the flow with the button value and replaces the buttons with the choice (chat.update)', async () => {
    const { event, payload, button } = await askAndClick('{"action":"yes","stepId":"check_wifi"}');
    const res = await postSigned(t.url, payload, { form: true });
    expect(res.status).toBe(200);
    const [update] = await t.recorder.waitFor('chat.update');
    await t.recorder.waitFor('chat.postMessage', 3);
    expect(button?.text.text).toBe('Yes');
    expect(update.args).toMatchObject({ channel: 'D1', ts: '1700000999.000100' });
    const updated = update.args.blocks as { type: string }[];
    expect(updated.some((b) => b.type === 'actions')).toBe(false);
    expect(updated).toContainEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: ':white_check_mark: *Yes*' }] });
    expect(t.conversations.requests[1]).toMatchObject({
      address: { conversationKey: `slack:T1:D1:${event.event.ts}` },
      user: { id: 'U1', name: 'ana' },
      input: { kind: 'message', text: 'Yes', action: { value: 'yes', stepId: 'check_wifi' } },
    });
    expect(t.recorder.of('chat.postMessage')[2].args).toMatchObject({ thread_ts: event.event.ts, text: 'Noted: yes' });
  });

  it('handles a double click on the same message once', async () => {
    const { payload } = await askAndClick('{"action":"no","stepId":"check_wifi"}');
    await Promise.all([postSigned(t.url, payload, { form: true }), postSigned(t.url, payload, { form: true })]);
    await t.slack.drain();
    expect(t.recorder.of('chat.update')).toHaveLength(1);
    expect(t.conversations.requests).toHaveLength(2);
  });

  it('ignores a forged button value', async () => {
    const { payload } = await askAndClick('{"nope":true}');
    const res = await postSigned(t.url, payload, { form: true });
    expect(res.status).toBe(200);
    await t.slack.drain();
    expect(t.recorder.of('chat.update')).toHaveLength(0);
    expect(t.conversations.requests).toHaveLength(1);
  });
});
