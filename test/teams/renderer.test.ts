// The Teams renderer: the shared contract, plus Adaptive Card shape, Action.Submit data and Teams' limits.
import { createTeamsRenderer, cardsOf, teamsPlainText, TEAMS_MAX_SUGGESTED_ACTIONS } from '../../bot/renderers/teams';
import { toTeamsMarkdown } from '../../bot/teams/markdown';
import { describeRendererContract } from '../bot/renderers/contract';
import { checklist, contractReplies } from '../bot/renderers/contract-fixtures';

const renderer = createTeamsRenderer();
describeRendererContract(renderer, { name: 'Teams', textOf: teamsPlainText });
describeRendererContract(createTeamsRenderer({ maxTextLength: 300 }), { name: 'Teams, short limit', textOf: teamsPlainText });

const step = contractReplies[0].replies;

describe('createTeamsRenderer', () => {
  it('renders a step as an Adaptive Card 1.5 with wrapped text blocks and its links as Action.OpenUrl', () => {
    const [activity] = renderer.render([step[0]]);
    expect(activity.type).toBe('message');
    expect(activity.attachments).toHaveLength(1);
    expect(activity.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    const [card] = cardsOf(activity);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', msteams: { width: 'Full' } });
    expect(card.body[0]).toEqual({ type: 'TextBlock', text: 'Free up iCloud storage', wrap: true, weight: 'Bolder', size: 'Medium' });
    expect(card.body[1]).toMatchObject({ type: 'TextBlock', wrap: true });
    expect(card.body.at(-1)).toEqual({
      type: 'ActionSet',
      actions: [{ type: 'Action.OpenUrl', title: 'Manage iCloud storage', url: 'https://support.apple.com/en-us/108922' }],
    });
    expect(card.fallbackText).toContain('Manage iCloud storage: https://support.apple.com/en-us/108922');
  });

  it('turns each choice into an Action.Submit whose data is { action, stepId } plus a Teams messageBack', () => {
    const [activity] = renderer.render([step[1]]);
    const [card] = cardsOf(activity);
    const set = card.body.find((e) => e.type === 'ActionSet');
    expect(set).toEqual({
      type: 'ActionSet',
      actions: [
        { type: 'Action.Submit', title: 'Yes, it worked', data: { action: 'yes', stepId: 'check_storage', msteams: { type: 'messageBack', displayText: 'Yes, it worked', text: 'Yes, it worked' } } },
        expect.objectContaining({ title: 'No, still failing', data: expect.objectContaining({ action: 'no', stepId: 'check_storage' }) }),
        expect.objectContaining({ title: 'Already tried it', data: expect.objectContaining({ action: 'tried' }) }),
      ],
    });
    expect(card.fallbackText).toMatch(/1\) Yes, it worked\n {2}2\) No, still failing\n {2}3\) Already tried it$/);
  });

  it('leaves stepId out of the data when the reply has none', () => {
    const [activity] = renderer.render([{ kind: 'text', text: 'Hi', choices: [{ label: 'Help', value: 'help' }] }]);
    const set = cardsOf(activity)[0].body[1];
    const action = set.type === 'ActionSet' ? set.actions[0] : undefined;
    const data = action?.type === 'Action.Submit' ? action.data : undefined;
    expect(data).toEqual({ action: 'help', msteams: expect.any(Object) });
  });

  it('never sends more than 3 suggested actions and keeps every choice on the card', () => {
    const payloads = renderer.render(contractReplies.flatMap((c) => c.replies));
    for (const p of payloads) expect((p.suggestedActions?.actions ?? []).length).toBeLessThanOrEqual(TEAMS_MAX_SUGGESTED_ACTIONS);
    const many = renderer.render(contractReplies[3].replies);
    const sets = cardsOf(many[0]).flatMap((c) => c.body).filter((e) => e.type === 'ActionSet');
    expect(sets.map((s) => s.actions.length)).toEqual([5, 2]); // Teams shows at most 6 actions per set
  });

  it('sends simple text as a markdown message, and text with angle brackets on a card (no HTML in Teams)', () => {
    expect(renderer.render([{ kind: 'text', text: 'You are **welcome**' }])).toEqual([{ type: 'message', text: 'You are **welcome**', textFormat: 'markdown' }]);
    const [activity] = renderer.render([{ kind: 'text', text: '<b>hi</b>' }]);
    expect(activity.text).toBeUndefined();
    expect(cardsOf(activity)[0].body[0]).toMatchObject({ type: 'TextBlock', text: '<b>hi</b>' });
  });

  it('puts the copyable summary lines in one monospace block', () => {
    const [, summary] = renderer.render(contractReplies[4].replies);
    expect(cardsOf(summary)[0].body.at(-1)).toMatchObject({ type: 'TextBlock', fontType: 'Monospace', text: expect.stringContaining('\r- Check Wi-Fi') });
  });

  it('splits a long step over several cards: title on the first, buttons on the last', () => {
    const short = createTeamsRenderer({ maxTextLength: 200 });
    const payloads = short.render([{ ...step[1], title: 'Check Wi-Fi', text: 'Turn Wi-Fi off and on. '.repeat(30).trim() }]);
    expect(payloads.length).toBeGreaterThan(2);
    const cards = payloads.flatMap(cardsOf);
    expect(cards[0].body[0]).toMatchObject({ weight: 'Bolder', text: 'Check Wi-Fi' });
    expect(cards.slice(0, -1).every((c) => c.body.every((e) => e.type === 'TextBlock'))).toBe(true);
    expect(cards.at(-1)?.body.at(-1)).toMatchObject({ type: 'ActionSet' });
  });
});

describe('createTeamsRenderer: checklists and details', () => {
  const boxes = [{ label: 'Free up iCloud storage', value: 'step:check_storage' }, { label: 'Check your Wi-Fi', value: 'step:check_wifi' }];

  it('renders a checklist as an expanded multi-select and one Action.Submit carrying { action, stepId, pick }', () => {
    const [card] = renderer.render([checklist(boxes, 'check_storage')]).flatMap(cardsOf);
    expect(card.body.slice(1)).toEqual([
      { type: 'Input.ChoiceSet', id: 'picked', isMultiSelect: true, style: 'expanded', wrap: true, choices: [{ title: 'Free up iCloud storage', value: 'step:check_storage' }, { title: 'Check your Wi-Fi', value: 'step:check_wifi' }] },
      { type: 'ActionSet', actions: [{ type: 'Action.Submit', title: 'Done', data: { action: 'tried', stepId: 'check_storage', pick: 'many' } }] },
    ]);
    expect(card.fallbackText).toMatch(/1\) Free up iCloud storage\n {2}2\) Check your Wi-Fi$/);
    expect(renderer.actions(renderer.render([checklist(boxes)]))).toEqual([{ label: 'Done', value: 'tried', picks: boxes }]);
  });

  it('falls back to a numbered list without buttons when a box value holds a comma (the card joins values with commas)', () => {
    const payloads = renderer.render([checklist([...boxes, { label: 'Odd', value: 'step:a,b' }])]);
    expect(payloads).toEqual([{ type: 'message', textFormat: 'markdown', text: expect.stringMatching(/\n\n1\. Free up iCloud storage\n2\. Check your Wi-Fi\n3\. Odd$/) }]);
    expect(renderer.actions(payloads)).toEqual([]);
  });

  it('folds a detail behind an Action.ShowCard right under the instruction, and spells it out in the fallback', () => {
    const [card] = renderer.render([{ kind: 'step', text: 'Update iOS.', stepId: 'u', detail: { label: 'Show me how', text: 'Open **Settings**.\n- General\n- Software Update' } }]).flatMap(cardsOf);
    expect(card.body[1]).toEqual({
      type: 'ActionSet',
      actions: [{ type: 'Action.ShowCard', title: 'Show me how', card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Open **Settings**.\n\n- General\r- Software Update', wrap: true }] } }],
    });
    expect(card.fallbackText).toBe('Update iOS.\n\nShow me how\n\nOpen Settings.\n- General\n- Software Update');
  });

  it('prints a detail too long for the card after it, as cards of their own headed by the label', () => {
    const short = createTeamsRenderer({ maxTextLength: 300 });
    const cards = short.render([{ kind: 'step', text: 'Update iOS.', detail: { label: 'Show me how', text: 'Tap this, then that. '.repeat(30).trim() } }]).flatMap(cardsOf);
    expect(cards.length).toBeGreaterThan(2);
    expect(cards.flatMap((c) => c.body).some((e) => e.type === 'ActionSet')).toBe(false);
    expect(cards[1].body[0]).toMatchObject({ text: 'Show me how', weight: 'Bolder' });
  });
});

describe('toTeamsMarkdown', () => {
  it.each([
    ['Open **Settings**', 'Open **Settings**'],
    ['line one\nline two', 'line one\n\nline two'],
    ['Steps:\n- one\n- two\n- three', 'Steps:\n\n- one\r- two\r- three'],
    ['1. first\n2. second', '1. first\r2. second'],
    ['## Heading\ntext', '**Heading**\n\ntext'],
    ['run `backup` now', 'run backup now'],
    ['a\r\n\r\n\r\nb', 'a\n\nb'],
  ])('rewrites %j', (input, expected) => {
    expect(toTeamsMarkdown(input)).toBe(expected);
  });
});
