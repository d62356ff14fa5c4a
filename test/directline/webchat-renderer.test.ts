// The Web Chat renderer: the shared contract, then its own shapes (step cards, submit values, suggested actions, safety).
import { createWebChatRenderer, webChatFallbackText } from '../../bot/renderers/webchat';
import { describeRendererContract } from '../bot/renderers/contract';

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
