// The Slack Block Kit renderer: the shared contract, plus block shapes and Slack's limits.
import { createSlackRenderer, slackActions, slackReadableText, type SlackMessage } from '../../bot/renderers/slack';
import { parseButtonValue, SLACK_LIMITS } from '../../bot/slack/blocks';
import { describeRendererContract } from '../bot/renderers/contract';
import { checklist, contractReplies } from '../bot/renderers/contract-fixtures';

const renderer = createSlackRenderer();
const textOf = (m: SlackMessage) => m.text;
describeRendererContract(renderer, { name: 'Slack Block Kit', textOf });
describeRendererContract(createSlackRenderer({ maxTextLength: 300 }), { name: 'Slack Block Kit, short limit', textOf });

describe('createSlackRenderer', () => {
  it('renders a step as a bold title, a mrkdwn section and a list of Slack links', () => {
    const [message] = renderer.render([contractReplies[0].replies[0]]);
    expect(message.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*Free up iCloud storage*' } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Open *Settings › [your name] › iCloud* and check how much storage is left.\n\n• Delete an old backup\n• Or buy more space' } },
      { type: 'section', text: { type: 'mrkdwn', text: '• <https://support.apple.com/en-us/108922|Manage iCloud storage>' } },
    ]);
    expect(message.text).toContain('Manage iCloud storage: https://support.apple.com/en-us/108922');
  });

  it('turns choices into buttons with unique action_ids and a JSON { action, stepId } value', () => {
    const messages = renderer.render(contractReplies[0].replies);
    const actions = messages.flatMap((m) => m.blocks).filter((b) => b.type === 'actions');
    expect(actions).toEqual([
      {
        type: 'actions',
        block_id: 'choices:1:0',
        elements: [
          { type: 'button', action_id: 'choice:1:0', text: { type: 'plain_text', text: 'Yes, it worked', emoji: true }, value: '{"action":"yes","stepId":"check_storage"}' },
          expect.objectContaining({ action_id: 'choice:1:1', value: '{"action":"no","stepId":"check_storage"}' }),
          expect.objectContaining({ action_id: 'choice:1:2', value: '{"action":"tried","stepId":"check_storage"}' }),
        ],
      },
    ]);
    expect(slackActions(messages[1]).map((a) => a.value)).toEqual(['yes', 'no', 'tried']);
  });

  it('escapes user and knowledge text so it cannot mention a channel or inject a link', () => {
    const [message] = renderer.render([{ kind: 'text', text: '<!channel> <https://evil.test|click> & co' }]);
    expect(message.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '&lt;!channel&gt; &lt;https://evil.test|click&gt; &amp; co' } });
    expect(message.text).toBe('&lt;!channel&gt; &lt;https://evil.test|click&gt; &amp; co');
  });

  it('puts copyable lines in a code block', () => {
    const [, summary] = renderer.render(contractReplies[4].replies);
    expect(summary.blocks).toContainEqual({ type: 'section', text: { type: 'mrkdwn', text: expect.stringMatching(/^```- Free up iCloud storage: not fixed\n/) } });
  });

  it('keeps every section within 3000 characters and every message within 50 blocks, even when escaping grows text', () => {
    const messages = renderer.render([{ kind: 'text', text: '&'.repeat(9000), choices: Array.from({ length: 60 }, (_, i) => ({ label: `C${i}`, value: `step:s${i}` })) }]);
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      for (const b of m.blocks) if (b.type === 'section') expect(b.text?.text.length).toBeLessThanOrEqual(3000);
      expect(m.text.length).toBeLessThanOrEqual(3000);
    }
    const buttons = messages.flatMap(slackActions);
    expect(buttons).toHaveLength(60);
  });

  it('cuts a button label at 75 characters but keeps the whole label in the text fallback', () => {
    const label = 'word '.repeat(30).trim();
    const [message] = renderer.render([{ kind: 'question', text: 'Pick', choices: [{ label, value: 'yes' }] }]);
    expect([...slackActions([message][0])[0].label].length).toBe(75);
    expect(message.text).toContain(label);
  });
});

describe('createSlackRenderer: checklists and details', () => {
  const boxes = Array.from({ length: 12 }, (_, i) => ({ label: `Fix ${i + 1}`, value: `step:fix${i + 1}` }));

  it('renders a checklist as checkbox groups of 10 and a submit in one actions block', () => {
    const [message] = renderer.render([checklist(boxes, 'check_storage')]);
    const block = message.blocks.at(-1);
    expect(block).toEqual({
      type: 'actions',
      block_id: 'checklist:0',
      elements: [
        { type: 'checkboxes', action_id: 'box:0:0', options: boxes.slice(0, 10).map((b) => ({ text: { type: 'plain_text', text: b.label, emoji: true }, value: b.value })) },
        { type: 'checkboxes', action_id: 'box:0:10', options: [expect.objectContaining({ value: 'step:fix11' }), expect.objectContaining({ value: 'step:fix12' })] },
        { type: 'button', action_id: 'choice:0:submit', style: 'primary', text: { type: 'plain_text', text: 'Done', emoji: true }, value: '{"action":"tried","stepId":"check_storage","pick":"many"}' },
      ],
    });
    expect(message.text).toMatch(/1\) Fix 1\n[^]*12\) Fix 12$/);
  });

  it('sends a checklist whose values are too long for an option as a numbered list without buttons', () => {
    const [message] = renderer.render([checklist([{ label: 'Long', value: `step:${'x'.repeat(150)}` }])]);
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(slackReadableText(message)).toMatch(/\n1\. Long$/);
  });

  it('puts a detail button under the instruction, sending the detail token with the step', () => {
    const [message] = renderer.render([{ kind: 'step', text: 'Update iOS.', stepId: 'update_ios', detail: { label: 'Show me how', text: 'Open Settings.' } }]);
    expect(message.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Update iOS.' } },
      { type: 'actions', block_id: 'detail:0', elements: [{ type: 'button', action_id: 'detail:0', text: { type: 'plain_text', text: 'Show me how', emoji: true }, value: '{"action":"detail","stepId":"update_ios"}' }] },
    ]);
  });
});

describe('parseButtonValue', () => {
  it.each([
    ['{"action":"yes","stepId":"wifi"}', { action: 'yes', stepId: 'wifi' }],
    ['{"action":"human"}', { action: 'human' }],
    ['{"action":"tried","stepId":"s","pick":"many"}', { action: 'tried', stepId: 's', pick: 'many' }],
    ['{"action":"tried","pick":"all"}', { action: 'tried' }],
    ['{"action":""}', undefined],
    ['{"stepId":"wifi"}', undefined],
    ['not json', undefined],
    ['"yes"', undefined],
    [42, undefined],
    ['x'.repeat(3000), undefined],
  ])('reads %j', (value, expected) => {
    expect(parseButtonValue(value)).toEqual(expected);
  });
});
