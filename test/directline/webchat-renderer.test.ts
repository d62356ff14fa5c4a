// The Web Chat renderer: the shared contract, then its own shapes (step cards, submit values, suggested actions, safety).
import { createWebChatRenderer, webChatFallbackText } from '../../bot/renderers/webchat';
import { describeRendererContract } from '../bot/renderers/contract';
import { checklist } from '../bot/renderers/contract-fixtures';

const renderer = createWebChatRenderer();
describeRendererContract(renderer, { name: 'Web Chat', textOf: webChatFallbackText });
describeRendererContract(createWebChatRenderer({ maxTextLength: 300 }), { name: 'Web Chat, short limit', textOf: webChatFallbackText });

const yesNoTried = [
  { label: 'Yes', value: 'yes' },
  { label: 'No', value: 'no' },
  { label: 'Already tried', value: 'tried' },
];

describe('createWebChatRenderer', () => {
  it('renders a step and its question as one Adaptive Card with OpenUrl links and Submit answers', () => {
    const payloads = renderer.render([
      { kind: 'step', title: 'Restart', text: 'Hold the **side button**.', links: [{ title: 'How to restart', url: 'https://support.apple.com/118436' }], stepId: 'restart' },
      { kind: 'question', text: 'Did that fix it?', choices: yesNoTried, stepId: 'restart' },
    ]);
    expect(payloads).toHaveLength(1);
    const content = payloads[0].attachments?.[0].content as { body: { type: string; text?: string; wrap?: boolean; actions?: unknown[] }[]; actions: { type: string; title: string; data: Record<string, unknown> }[] };
    expect(payloads[0].attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(content.body[1]).toEqual({ type: 'TextBlock', text: 'Hold the **side button**.', wrap: true });
    expect(content.body[2]).toEqual({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'How to restart', url: 'https://support.apple.com/118436', iconUrl: expect.stringMatching(/^data:image\/svg\+xml;base64,/) }] });
    expect(content.actions.map((a) => [a.type, a.title, a.data.action, a.data.stepId])).toEqual([
      ['Action.Submit', 'Yes', 'yes', 'restart'],
      ['Action.Submit', 'No', 'no', 'restart'],
      ['Action.Submit', 'Already tried', 'tried', 'restart'],
    ]);
    // Web Chat turns the submit into a messageBack whose value is exactly { action, stepId }.
    expect(content.actions[1].data.cardAction).toEqual({ type: 'messageBack', title: 'No', text: 'No', displayText: 'No', value: { action: 'no', stepId: 'restart' } });
    expect(payloads[0].summary).toContain('https://support.apple.com/118436');
  });

  it('offers choices of a plain question as messageBack suggested actions', () => {
    const [activity] = renderer.render([{ kind: 'question', text: 'Shall we carry on?', choices: [{ label: 'Carry on', value: 'resume' }] }]);
    expect(activity.attachments).toBeUndefined();
    expect(activity.text).toBe('Shall we carry on?');
    expect(activity.suggestedActions?.actions).toEqual([{ type: 'messageBack', title: 'Carry on', text: 'Carry on', displayText: 'Carry on', value: { action: 'resume' } }]);
  });

  it('escapes HTML in message text too (Web Chat renders inline HTML in markdown)', () => {
    const [activity] = renderer.render([{ kind: 'text', text: 'You said: <img src=x onerror=alert(1)><b>hi</b>' }]);
    expect(activity.text).toBe('You said: \\<img src=x onerror=alert(1)>\\<b>hi\\</b>');
    expect(renderer.readableText([activity])).toBe('You said: <img src=x onerror=alert(1)><b>hi</b>');
  });

  it('never puts raw HTML in a card and never makes a non-web link a button', () => {
    const [activity] = renderer.render([{ kind: 'step', text: '<img src=x onerror=alert(1)>', links: [{ title: 'bad', url: 'javascript:alert(1)' }], stepId: 's' }]);
    const content = activity.attachments?.[0].content as { body: { text?: string }[] };
    expect(content.body.map((b) => b.text).join('')).not.toMatch(/(^|[^\\])</);
    expect(renderer.actions([activity])).toEqual([]);
    expect(activity.summary).not.toContain('](javascript:');
    expect(renderer.readableText([activity])).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('createWebChatRenderer: checklists and details', () => {
  type Content = { body: Record<string, unknown>[]; actions: Record<string, unknown>[] };
  const boxes = [{ label: 'Free up iCloud storage', value: 'step:check_storage' }, { label: 'Check your Wi-Fi', value: 'step:check_wifi' }];

  it('renders a checklist as boxes and a plain Action.Submit, so Web Chat posts the ticked boxes with its data', () => {
    const [activity] = renderer.render([checklist(boxes, 'check_storage')]);
    const content = activity.attachments?.[0].content as Content;
    expect(content.body.at(-1)).toEqual({
      type: 'Input.ChoiceSet', id: 'picked', isMultiSelect: true, style: 'expanded', wrap: true,
      choices: [{ title: 'Free up iCloud storage', value: 'step:check_storage' }, { title: 'Check your Wi-Fi', value: 'step:check_wifi' }],
    });
    // No embedded messageBack (__isBotFrameworkCardAction): that would send its own value and drop the inputs.
    expect(content.actions).toEqual([{ type: 'Action.Submit', title: 'Done', data: { action: 'tried', stepId: 'check_storage', pick: 'many' } }]);
    expect(activity.summary).toMatch(/1\. Free up iCloud storage\n2\. Check your Wi-Fi$/);
    expect(renderer.actions([activity])).toEqual([{ label: 'Done', value: 'tried', picks: boxes }]);
  });

  it('sends a checklist whose values hold a comma as a numbered list without buttons', () => {
    const [activity] = renderer.render([checklist([{ label: 'Odd', value: 'a,b' }, ...boxes])]);
    expect(activity.attachments).toBeUndefined();
    expect(activity.suggestedActions).toBeUndefined();
    expect(activity.text).toMatch(/1\. Odd\n2\. Free up iCloud storage\n3\. Check your Wi-Fi$/);
  });

  it('folds a detail behind Action.ShowCard under the instruction, escaped, and spells it out in the summary', () => {
    const [activity] = renderer.render([
      { kind: 'step', title: 'Update', text: 'Update iOS.', stepId: 'u', detail: { label: 'Show me how', text: 'Tap <General>.' } },
      { kind: 'question', text: 'Did that fix it?', choices: yesNoTried, stepId: 'u' },
    ]);
    const content = activity.attachments?.[0].content as Content;
    expect(content.body[2]).toEqual({
      type: 'ActionSet',
      actions: [{ type: 'Action.ShowCard', title: 'Show me how', card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Tap \\<General>.', wrap: true }] } }],
    });
    expect(activity.summary).toContain('**Show me how**\n\nTap <General>.');
    expect(renderer.actions([activity]).map((a) => a.value)).toEqual(['yes', 'no', 'tried']);
  });
});
