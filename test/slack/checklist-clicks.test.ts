// Slack checklists and "show me how" (block_actions, signed): the submit sends the boxes ticked in its own block as
// `picked` and the checklist is replaced by the choice with what was ticked; ticking a box is only acknowledged; the
// detail button asks the engine without touching the message. Forged state is read defensively.
import type { SlackBlock } from '../../bot/slack/blocks';
import { clickToRequest, type BlockActionsBody } from '../../bot/slack/interactions';
import { postSigned } from './support/signed';
import { dmEvent, startSlackApp, type SlackTestApp } from './support/slack-app';

let t: SlackTestApp;
beforeEach(async () => {
  t = await startSlackApp();
});
afterEach(() => t.close());

type Element = { type: string; action_id: string; value?: string; text?: { text: string }; options?: { text: { type: string; text: string }; value: string }[] };
type Block = { type: string; block_id?: string; elements?: Element[] };

/** Says `text` in a DM and returns the bot's message (its blocks) and the event. */
async function ask(text: string) {
  const event = dmEvent(text);
  await postSigned(t.url, event);
  const [message] = await t.recorder.waitFor('chat.postMessage');
  return { event, blocks: message.args.blocks as Block[], text: message.args.text as string };
}

/** A block_actions payload as Slack posts it for a click on `element` in `block`, with the message's input `state`. */
function clickPayload(event: ReturnType<typeof dmEvent>, blocks: Block[], block: Block, element: Element, state: unknown = { values: {} }) {
  return {
    type: 'block_actions',
    team: { id: 'T1' },
    user: { id: 'U1', name: 'ana' },
    channel: { id: 'D1' },
    message: { ts: '1700000999.000100', thread_ts: event.event.ts, text: 'x', blocks },
    state,
    actions: [{ type: element.type, action_id: element.action_id, block_id: block.block_id, value: element.value, text: element.text && { type: 'plain_text', text: element.text.text }, action_ts: '1700001000.1' }],
  };
}

describe('createSlackRouter: checklists', () => {
  it('sends the boxes ticked in the submit\'s block as picked and replaces the checklist with what was ticked', async () => {
    const { event, blocks } = await ask('checklist');
    const block = blocks.find((b) => b.block_id?.startsWith('checklist:')) as Block;
    const [boxes, submit] = block.elements as Element[];
    const [storage, , ios] = boxes.options ?? [];
    const state = {
      values: {
        [block.block_id as string]: { [boxes.action_id]: { type: 'checkboxes', selected_options: [storage, ios] } },
        'someone-else': { other: { type: 'checkboxes', selected_options: [{ text: { type: 'plain_text', text: 'X' }, value: 'step:other' }] } },
      },
    };
    const res = await postSigned(t.url, clickPayload(event, blocks, block, submit, state), { form: true });
    expect(res.status).toBe(200);
    const [update] = await t.recorder.waitFor('chat.update');
    await t.slack.drain();
    expect(t.conversations.requests[1].input).toMatchObject({
      kind: 'message',
      text: 'Done',
      action: { value: 'tried', stepId: 'check_storage', picked: ['step:check_storage', 'step:update_ios'] },
    });
    const updated = update.args.blocks as Block[];
    expect(updated.some((b) => b.type === 'actions')).toBe(false);
    expect(updated).toContainEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: ':white_check_mark: *Done*: Free up iCloud storage, Update iOS' }] });
  });

  it('sends picked: [] when the submit is pressed with nothing ticked', async () => {
    const { event, blocks } = await ask('checklist');
    const block = blocks.find((b) => b.block_id?.startsWith('checklist:')) as Block;
    await postSigned(t.url, clickPayload(event, blocks, block, (block.elements as Element[]).at(-1) as Element, undefined), { form: true });
    await t.recorder.waitFor('chat.update');
    await t.slack.drain();
    expect(t.conversations.requests[1].input.action).toEqual({ value: 'tried', stepId: 'check_storage', picked: [] });
  });

  it('only acknowledges ticking a box: no turn, no update', async () => {
    const { event, blocks } = await ask('checklist');
    const block = blocks.find((b) => b.block_id?.startsWith('checklist:')) as Block;
    const res = await postSigned(t.url, clickPayload(event, blocks, block, (block.elements as Element[])[0]), { form: true });
    expect(res.status).toBe(200);
    await t.slack.drain();
    expect(t.conversations.requests).toHaveLength(1);
    expect(t.recorder.of('chat.update')).toHaveLength(0);
  });
});

describe('createSlackRouter: show me how', () => {
  it('asks the engine for the detail of the step, keeps the message\'s buttons, and answers a double click once', async () => {
    const { event, blocks } = await ask('how');
    const block = blocks.find((b) => b.block_id?.startsWith('detail:')) as Block;
    const button = (block.elements as Element[])[0];
    expect(button.text?.text).toBe('Show me how');
    const payload = clickPayload(event, blocks, block, button);
    await Promise.all([postSigned(t.url, payload, { form: true }), postSigned(t.url, payload, { form: true })]);
    await t.recorder.waitFor('chat.postMessage', 2);
    await t.slack.drain();
    expect(t.conversations.requests).toHaveLength(2);
    expect(t.conversations.requests[1].input).toMatchObject({ text: 'Show me how', action: { value: 'detail', stepId: 'update_ios' } });
    expect(t.recorder.of('chat.update')).toHaveLength(0);
  });
});

describe('clickToRequest: a checklist submit', () => {
  const now = new Date('2025-01-02T03:04:05.000Z');
  const body = (state: unknown, value = '{"action":"tried","stepId":"s","pick":"many"}'): BlockActionsBody => ({
    user: { id: 'U1' },
    channel: { id: 'D1' },
    message: { ts: '1.2', blocks: [] as SlackBlock[] },
    actions: [{ action_id: 'choice:0:submit', block_id: 'checklist:0', value, text: { text: 'Done' } }],
    state: state as BlockActionsBody['state'],
  });
  const option = (value: unknown) => ({ text: { type: 'plain_text', text: `label ${String(value)}` }, value });

  it.each([
    ['no state', undefined, []],
    ['state that is not an object', { values: 'nope' }, []],
    ['a block that is a list', { values: { 'checklist:0': [] } }, []],
    ['options of the wrong type', { values: { 'checklist:0': { a: { type: 'checkboxes', selected_options: [option(42), 'x', null, option('step:a')] } } } }, ['step:a']],
    ['other kinds of input', { values: { 'checklist:0': { a: { type: 'static_select', selected_option: option('step:a') } } } }, []],
    ['an oversized value and repeats', { values: { 'checklist:0': { a: { type: 'checkboxes', selected_options: [option('x'.repeat(500)), option('step:a'), option('step:a')] } } } }, ['step:a']],
    ['a flood of options', { values: { 'checklist:0': { a: { type: 'checkboxes', selected_options: Array.from({ length: 500 }, (_, i) => option(`v${i}`)) } } } }, Array.from({ length: 50 }, (_, i) => `v${i}`)],
  ])('reads %s defensively', (_name, state, picked) => {
    expect(clickToRequest(body(state), now)?.request.input.action).toEqual({ value: 'tried', stepId: 's', picked });
  });

  it('reads no boxes for an ordinary button, even with boxes ticked in the message', () => {
    const state = { values: { 'checklist:0': { a: { type: 'checkboxes', selected_options: [option('step:a')] } } } };
    expect(clickToRequest(body(state, '{"action":"yes","stepId":"s"}'), now)?.request.input.action).toEqual({ value: 'yes', stepId: 's' });
  });
});
