// activity → TurnInput: text, button values, locale, welcome on members added, handoff status events, ignored types.
import type { Activity } from 'botbuilder';
import { activityToInput, activityToRequest, valueToAction } from '../../bot/activity-to-input';

const now = new Date('2025-01-02T03:04:05.000Z');
const base: Partial<Activity> = {
  channelId: 'emulator',
  conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' },
  from: { id: 'user-1', name: 'Ann' },
  recipient: { id: 'bot', name: 'bot' },
  serviceUrl: 'http://127.0.0.1:1',
};
const input = (a: Partial<Activity>) => activityToInput({ ...base, ...a }, now);

describe('activityToInput', () => {
  it('reads text, locale and the time of the turn', () => {
    expect(input({ type: 'message', text: 'my backup failed', locale: 'en-GB' })).toEqual({
      kind: 'message', text: 'my backup failed', locale: 'en-GB', now: now.toISOString(),
    });
  });

  it.each([
    ['messageBack value', { action: 'yes', stepId: 'check_wifi' }, { value: 'yes', stepId: 'check_wifi' }],
    ['card submit with value', { value: 'intent:storage_full' }, { value: 'intent:storage_full' }],
    ['bare string', ' no ', { value: 'no' }],
    ['empty token', { action: '' }, undefined],
    ['wrong type', { action: 42 }, undefined],
    ['array', ['yes'], undefined],
  ])('reads a button press from a %s', (_name, value, action) => {
    expect(valueToAction(value)).toEqual(action);
    expect(input({ type: 'message', text: 'Yes', value })?.action).toEqual(action);
  });

  it.each([
    ['Teams checklist submit (data + the ChoiceSet value)', { action: 'tried', stepId: 'check_storage', pick: 'many', picked: 'step:check_storage,step:update_ios' }, { value: 'tried', stepId: 'check_storage', picked: ['step:check_storage', 'step:update_ios'] }],
    ['Web Chat checklist postBack without a step', { action: 'tried', pick: 'many', picked: 'step:a' }, { value: 'tried', picked: ['step:a'] }],
    ['checklist submit with nothing ticked (input left out)', { action: 'tried', pick: 'many' }, { value: 'tried', picked: [] }],
    ['checklist submit with nothing ticked (empty input)', { action: 'tried', pick: 'many', picked: '' }, { value: 'tried', picked: [] }],
    ['a list of values (another host)', { action: 'tried', picked: ['step:a', 'step:b'] }, { value: 'tried', picked: ['step:a', 'step:b'] }],
    ['spaces, empties and repeats', { action: 'tried', pick: 'many', picked: ' step:a ,, step:b,step:a ' }, { value: 'tried', picked: ['step:a', 'step:b'] }],
    ['values the reply never offered (kept for the engine to ignore)', { action: 'tried', pick: 'many', picked: 'step:nope,intent:x' }, { value: 'tried', picked: ['step:nope', 'intent:x'] }],
    ['forged types', { action: 'tried', pick: 'many', picked: 42 }, { value: 'tried', picked: [] }],
    ['forged list items', { action: 'tried', picked: [1, { a: 1 }, null, 'step:a', ['step:b']] }, { value: 'tried', picked: ['step:a'] }],
    ['an oversized value', { action: 'tried', pick: 'many', picked: `${'x'.repeat(201)},step:a` }, { value: 'tried', picked: ['step:a'] }],
    ['a flood of values', { action: 'tried', pick: 'many', picked: Array.from({ length: 5000 }, (_, i) => `v${i}`).join(',') }, { value: 'tried', picked: Array.from({ length: 50 }, (_, i) => `v${i}`) }],
    ['a huge string', { action: 'tried', pick: 'many', picked: 'y'.repeat(2_000_000) }, { value: 'tried', picked: [] }],
    ['a marker on a plain button (no boxes)', { action: 'yes', stepId: 's', pick: 'other' }, { value: 'yes', stepId: 's' }],
  ])('reads the ticked boxes of a %s', (_name, value, action) => {
    expect(valueToAction(value)).toEqual(action);
    expect(input({ type: 'message', value })?.action).toEqual(action);
  });

  it.each([
    ['attachment without text', { attachments: [{ contentType: 'image/png', contentUrl: 'http://x/y.png' }] }],
    ['no text at all', {}],
    ['text of the wrong type', { text: 42 as unknown as string }],
  ])('treats %s as an empty message', (_name, extra) => {
    expect(input({ type: 'message', ...extra })).toMatchObject({ kind: 'message', text: '' });
  });

  it('starts the conversation when a person joins, not when only the bot does', () => {
    expect(input({ type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'bot' }, { id: 'user-1', name: 'Ann' }] })).toMatchObject({ kind: 'conversation_start' });
    expect(input({ type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'bot' }] })).toBeUndefined();
    expect(input({ type: 'conversationUpdate', membersRemoved: [{ id: 'user-1', name: 'Ann' }] })).toBeUndefined();
  });

  it('reads handoff.status events and ignores other events and unknown statuses', () => {
    expect(input({ type: 'event', name: 'handoff.status', value: { status: 'queued', queuePosition: 2 } })).toEqual({
      kind: 'handoff_status', handoffStatus: 'queued', queuePosition: 2, now: now.toISOString(),
    });
    expect(input({ type: 'event', name: 'handoff.status', value: { status: 'completed', resumeAtStep: 'check_wifi' } })).toMatchObject({ resumeAtStep: 'check_wifi' });
    expect(input({ type: 'event', name: 'handoff.status', value: { status: 'agent_joined', agentName: ' Sam ' } })).toMatchObject({ agentName: 'Sam' });
    expect(input({ type: 'event', name: 'handoff.status', value: { status: 'exploded' } })).toBeUndefined();
    expect(input({ type: 'event', name: 'webchat/join' })).toBeUndefined();
  });

  it.each(['typing', 'messageReaction', 'installationUpdate', 'endOfConversation', 'invoke', 'somethingNew', undefined])('ignores %s activities', (type) => {
    expect(input({ type })).toBeUndefined();
  });
});

describe('activityToRequest', () => {
  it('keys the conversation by channel and id and keeps the reference for proactive messages', () => {
    const request = activityToRequest({ ...base, type: 'message', text: 'hi', id: 'a1' }, now);
    expect(request).toMatchObject({
      address: { channel: 'emulator', conversationKey: 'emulator:c1', reference: { serviceUrl: 'http://127.0.0.1:1', conversation: { id: 'c1' } } },
      user: { id: 'user-1', name: 'Ann' },
      activityId: 'a1',
      input: { kind: 'message', text: 'hi' },
    });
  });

  it('survives a missing sender', () => {
    expect(activityToRequest({ ...base, from: undefined, type: 'message', text: 'hi' }, now)?.user).toEqual({ id: 'anonymous' });
  });
});
