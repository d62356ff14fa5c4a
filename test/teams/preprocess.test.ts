// teamsPreprocess: channel messages only when @mentioned (or a card is pressed), mention stripped, the 1:1 offer.
import type { Activity } from 'botbuilder';
import type { Reply } from '../../dialogs';
import { personalChatLink, teamsPreprocess } from '../../bot/teams/preprocess';

const BOT = { id: '28:0b9f3a52-7c1e-4a8e-9d51-2f6c0e8b7a11', name: 'Backup Helper' };
const mention = { type: 'mention', mentioned: BOT, text: '<at>Backup Helper</at>' };

function activity(conversationType: string, extra: Partial<Activity> = {}): { activity: Activity } {
  return {
    activity: {
      type: 'message',
      channelId: 'msteams',
      conversation: { id: '19:abc@thread.tacv2;messageid=1', conversationType, isGroup: conversationType !== 'personal' },
      from: { id: '29:user', name: 'Ana' },
      recipient: BOT,
      text: 'my backup failed',
      ...extra,
    } as Activity,
  };
}

const continueInChat = { text: ['Carry on privately?'], links: [{ title: 'Chat with me', url: 'https://teams.microsoft.com/l/chat/0/0' }] };
const step: Reply = { kind: 'step', title: 'Check Wi-Fi', text: 'Turn Wi-Fi on.', stepId: 'check_wifi' };

describe('teamsPreprocess', () => {
  it('skips a channel message that does not @mention the bot', () => {
    expect(teamsPreprocess(activity('channel'))).toEqual({ skip: true, reason: 'channel_without_mention' });
  });

  it('answers a channel @mention, with the mention removed from the text the engine sees', () => {
    const context = activity('channel', { text: '<at>Backup Helper</at> my backup failed', entities: [mention] });
    const turn = teamsPreprocess(context);
    expect(turn).toMatchObject({ skip: false, text: 'my backup failed' });
    expect(context.activity.text).toBe('my backup failed');
  });

  it('answers a card button pressed in a channel, where Teams sends no mention', () => {
    expect(teamsPreprocess(activity('channel', { text: 'No', value: { action: 'no', stepId: 'check_wifi' } }))).toMatchObject({ skip: false });
  });

  it.each(['personal', 'groupChat'])('answers every message in a %s chat, stripping a mention if there is one', (type) => {
    expect(teamsPreprocess(activity(type))).toMatchObject({ skip: false, text: 'my backup failed' });
    const mentioned = activity(type, { text: '<at>Backup Helper</at> hi', entities: [mention] });
    expect(teamsPreprocess(mentioned)).toMatchObject({ skip: false, text: 'hi' });
  });

  it('does not throw on a mention without text', () => {
    expect(teamsPreprocess(activity('channel', { text: undefined, entities: [mention] }))).toMatchObject({ skip: false });
  });

  it.each(['channel', 'groupChat'])('skips member changes in a %s (no welcome posted to everyone)', (type) => {
    expect(teamsPreprocess(activity(type, { type: 'conversationUpdate', membersAdded: [{ id: '29:new', name: 'New' }] }))).toMatchObject({ skip: true });
    expect(teamsPreprocess(activity('personal', { type: 'conversationUpdate' }))).toMatchObject({ skip: false });
  });

  it('offers a 1:1 chat after a channel answer that starts a flow, with a deep link to the bot', () => {
    const turn = teamsPreprocess(activity('channel', { text: '<at>Backup Helper</at> help', entities: [mention] }), { continueInChat });
    if (turn.skip) throw new Error('expected an answer');
    const replies = turn.decorate([step]);
    expect(replies).toEqual([step, { kind: 'text', text: 'Carry on privately?', links: [{ title: 'Chat with me', url: personalChatLink(BOT.id) }] }]);
    expect(personalChatLink(BOT.id)).toBe('https://teams.microsoft.com/l/chat/0/0?users=28%3A0b9f3a52-7c1e-4a8e-9d51-2f6c0e8b7a11');
    const plain: Reply = { kind: 'text', text: 'Hi!' };
    expect(turn.decorate([plain])).toEqual([plain]);
  });

  it('makes no offer in personal chat, for card presses, or when knowledge has no words for it', () => {
    const decorateOf = (context: { activity: Activity }, options = { continueInChat }) => {
      const turn = teamsPreprocess(context, options);
      return turn.skip ? undefined : turn.decorate([step]);
    };
    expect(decorateOf(activity('personal'))).toEqual([step]);
    expect(decorateOf(activity('channel', { value: { action: 'no' } }))).toEqual([step]);
    expect(decorateOf(activity('channel', { text: '<at>Backup Helper</at> x', entities: [mention] }), { continueInChat: undefined as never })).toEqual([step]);
  });
});
