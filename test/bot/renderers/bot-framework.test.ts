// The generic Bot Framework renderer: the shared contract, plus its own choices (buttons up to 3, numbered twin).
import { createBotFrameworkRenderer } from '../../../bot/renderers/bot-framework';
import { describeRendererContract } from './contract';
import { checklist } from './contract-fixtures';

const renderer = createBotFrameworkRenderer();
describeRendererContract(renderer, { name: 'Bot Framework', textOf: (a) => a.text ?? '' });
describeRendererContract(createBotFrameworkRenderer({ maxTextLength: 300 }), { name: 'Bot Framework, short limit', textOf: (a) => a.text ?? '' });

const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `Choice ${i + 1}`, value: `step:s${i + 1}` }));

describe('createBotFrameworkRenderer', () => {
  it('shows up to 3 choices as messageBack suggested actions carrying the action token and step', () => {
    const [activity] = renderer.render([{ kind: 'question', text: 'Did that fix it?', choices: choices(3), stepId: 'wifi' }]);
    expect(activity.suggestedActions?.actions).toEqual([
      { type: 'messageBack', title: 'Choice 1', text: 'Choice 1', displayText: 'Choice 1', value: { action: 'step:s1', stepId: 'wifi' } },
      expect.objectContaining({ title: 'Choice 2' }),
      expect.objectContaining({ title: 'Choice 3' }),
    ]);
    expect(activity.text).toContain('1. Choice 1\n2. Choice 2\n3. Choice 3');
  });

  it('shows more than 3 choices only as a numbered list', () => {
    const [activity] = renderer.render([{ kind: 'text', text: 'Pick one', choices: choices(5) }]);
    expect(activity.suggestedActions).toBeUndefined();
    expect(activity.text).toMatch(/5\. Choice 5$/);
  });

  it('writes the title in bold, links as markdown links and the copyable lines', () => {
    const [activity] = renderer.render([
      { kind: 'summary', title: 'What we tried', text: 'Summary:', lines: ['- Restart: not fixed'], links: [{ title: 'Apple', url: 'https://apple.com' }] },
    ]);
    expect(activity).toMatchObject({ type: 'message', textFormat: 'markdown' });
    expect(activity.text).toBe('**What we tried**\n\nSummary:\n\n- Restart: not fixed\n\n- [Apple](https://apple.com)');
  });

  it('puts the buttons on the last chunk of a split reply', () => {
    const short = createBotFrameworkRenderer({ maxTextLength: 50 });
    const activities = short.render([{ kind: 'question', text: 'word '.repeat(40).trim(), choices: choices(2) }]);
    expect(activities.length).toBeGreaterThan(2);
    expect(activities.slice(0, -1).every((a) => a.suggestedActions === undefined)).toBe(true);
    expect(activities[activities.length - 1].suggestedActions?.actions).toHaveLength(2);
  });

  it('sends a checklist as its numbered boxes only: no button sends one box as if it were a choice', () => {
    const [activity] = renderer.render([checklist(choices(2), 'wifi')]);
    expect(activity.suggestedActions).toBeUndefined();
    expect(activity.text).toMatch(/press Done, or type their numbers \(for example 1 3\)\.\n\n1\. Choice 1\n2\. Choice 2$/);
  });

  it('prints a detail after the instruction, its label as a bold heading', () => {
    const [activity] = renderer.render([{ kind: 'step', title: 'Update', text: 'Update iOS.', detail: { label: 'Show me how', text: 'Open **Settings**.' }, links: [{ title: 'Guide', url: 'https://apple.com' }] }]);
    expect(activity.text).toBe('**Update**\n\nUpdate iOS.\n\n**Show me how**\n\nOpen **Settings**.\n\n- [Guide](https://apple.com)');
  });
});
