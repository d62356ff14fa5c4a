// Teams end to end through POST /api/messages (express + CloudAdapter + conversation service, scripted engine):
// Adaptive Cards whose Action.Submit data drives the flow, channel messages answered only when @mentioned with the
// mention stripped, the 1:1 offer, no welcome broadcast to a channel.
import type { Activity } from 'botbuilder';
import { cardsOf } from '../../bot/renderers/teams';
import type { CardAction, SubmitData } from '../../bot/teams/adaptive-card';
import { createBfConversation, type BfConversation, type Turn } from '../support/bf-conversation';
import { createFakeBrain, type FakeEngine } from '../support/fake-engine';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir, startBot, type RunningBot } from '../support/start-bot';

const BOT = { id: '28:0b9f3a52-7c1e-4a8e-9d51-2f6c0e8b7a11', name: 'Backup Helper' };
const MENTION = { type: 'mention', mentioned: BOT, text: '<at>Backup Helper</at>' };
let sink: ServiceUrlSink | undefined;
let bot: RunningBot | undefined;
let engine: FakeEngine;

beforeAll(async () => {
  sink = await startServiceUrlSink();
  const brain = createFakeBrain();
  engine = brain.engine;
  // The 1:1 offer's words come from knowledge (`continue_in_chat`).
  const continueInChat = { text: ['Carry on in a private chat?'], links: [{ title: 'Chat with me', url: 'https://teams.microsoft.com/l/chat/0/0' }] };
  bot = await startBot({ brain: { ...brain, knowledge: { ...brain.knowledge, replies: { ...brain.knowledge.replies, continue_in_chat: continueInChat } } } });
});
afterAll(async () => {
  await bot?.stop();
  if (bot) await removeDataDir(bot.dataDir);
  await sink?.close();
});

type Button = { title: string; data: SubmitData };

/** Every action on the turn's cards. */
function cardActionsOf(turn: Turn): CardAction[] {
  return turn.replies.flatMap((r: Partial<Activity>) => cardsOf(r).flatMap((card) => card.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : []))));
}

/** The Action.Submit buttons (messageBack) on the turn's cards: what pressing each one sends back. */
function submits(turn: Turn): Button[] {
  return cardActionsOf(turn).flatMap((a) => (a.type === 'Action.Submit' && 'msteams' in a.data ? [{ title: a.title, data: a.data }] : []));
}

/** Presses a card button the way Teams sends it: the messageBack text, and the submit data (less msteams) as value. */
function pressCard(chat: BfConversation, button: Button | undefined, extra: Partial<Activity> = {}): Promise<Turn> {
  if (!button) throw new Error('no such button on the card');
  const { msteams, ...value } = button.data;
  return chat.send(chat.build.message(msteams.text, { value, ...extra }));
}

async function withTranscript<T>(chat: BfConversation, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    (err as Error).message += `\n\nTranscript:\n${chat.transcript()}`;
    throw err;
  }
}

const conversation = () => createBfConversation(bot as RunningBot, sink as ServiceUrlSink, { channelId: 'msteams', bot: BOT });

describe('Teams over /api/messages', () => {
  it('answers in personal chat with Adaptive Cards whose Action.Submit data reaches the engine as the action', async () => {
    const chat = conversation();
    await withTranscript(chat, async () => {
      const first = await chat.say('start');
      expect(first.replies.length).toBeGreaterThan(0);
      for (const r of first.replies) expect(r.suggestedActions?.actions.length ?? 0).toBeLessThanOrEqual(3);
      const yes = submits(first).find((b) => b.data.action === 'yes');
      expect(yes?.data).toEqual({ action: 'yes', stepId: 'restart', msteams: { type: 'messageBack', displayText: 'Yes', text: 'Yes' } });
      const second = await pressCard(chat, yes);
      expect(engine.inputs.at(-1)).toMatchObject({ kind: 'message', text: 'Yes', action: { value: 'yes', stepId: 'restart' } });
      expect(second.text).toBe('fixed');
    });
  });

  it('sends a checklist as a multi-select card whose submit reaches the engine with the ticked values as `picked`', async () => {
    const chat = conversation();
    await withTranscript(chat, async () => {
      const turn = await chat.say('checklist');
      const [card] = turn.replies.flatMap((r: Partial<Activity>) => cardsOf(r));
      expect(card.body.find((e) => e.type === 'Input.ChoiceSet')).toMatchObject({ id: 'picked', isMultiSelect: true, style: 'expanded' });
      const done = cardActionsOf(turn).find((a) => a.type === 'Action.Submit' && a.title === 'Done');
      expect(done).toEqual({ type: 'Action.Submit', title: 'Done', data: { action: 'tried', stepId: 'check_storage', pick: 'many' } });
      // What Teams posts: no text, the submit's data with the ChoiceSet's comma-separated value under its id.
      const data = done?.type === 'Action.Submit' ? done.data : {};
      const answer = await chat.send(chat.build.message('', { text: undefined, value: { ...data, picked: 'step:check_storage,step:update_ios' } }));
      expect(engine.inputs.at(-1)?.action).toEqual({ value: 'tried', stepId: 'check_storage', picked: ['step:check_storage', 'step:update_ios'] });
      expect(answer.text).toBe('picked: step:check_storage step:update_ios (tried)');
    });
  });

  it('folds a step\'s "show me how" detail behind an Action.ShowCard', async () => {
    const turn = await conversation().say('how');
    const show = cardActionsOf(turn).find((a) => a.type === 'Action.ShowCard');
    expect(show).toMatchObject({ type: 'Action.ShowCard', title: 'Show me how', card: { body: [{ type: 'TextBlock', text: expect.stringContaining('Software Update') }] } });
  });

  it('stays quiet in a team channel unless @mentioned, then answers without the mention and offers a 1:1 chat', async () => {
    const chat = conversation();
    const channel = { id: chat.build.conversationId, conversationType: 'channel', isGroup: true, name: 'General' };
    await withTranscript(chat, async () => {
      const before = engine.inputs.length;
      const quiet = await chat.send(chat.build.message('start', { conversation: channel }));
      expect(quiet.status).toBeLessThan(300);
      expect(quiet.replies).toHaveLength(0);
      expect(engine.inputs).toHaveLength(before);

      const mentioned = await chat.send(chat.build.message('<at>Backup Helper</at> start', { conversation: channel, entities: [MENTION] }));
      expect(engine.inputs.at(-1)).toMatchObject({ text: 'start' });
      const offer = cardsOf(mentioned.replies.at(-1) ?? {})[0]?.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : []));
      expect(offer).toEqual([{ type: 'Action.OpenUrl', title: 'Chat with me', url: `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(BOT.id)}` }]);

      // A card pressed in the channel carries no mention, and is still answered.
      const pressed = await pressCard(chat, submits(mentioned).find((b) => b.data.action === 'yes'), { conversation: channel });
      expect(pressed.text).toBe('fixed');
    });
  });

  it('answers a group chat message, mention stripped', async () => {
    const chat = conversation();
    const group = { id: chat.build.conversationId, conversationType: 'groupChat', isGroup: true, name: '' };
    const turn = await chat.send(chat.build.message('<at>Backup Helper</at> count', { conversation: group, entities: [MENTION] }));
    expect(turn.text).toBe('turns: 1');
  });

  it('posts no welcome to a team channel when someone joins the team, but welcomes in personal chat', async () => {
    const chat = conversation();
    const channel = { id: chat.build.conversationId, conversationType: 'channel', isGroup: true, name: 'General' };
    const inChannel = await chat.send({ ...chat.build.joined(), conversation: channel });
    expect(inChannel.replies).toHaveLength(0);
    const personal = await conversation().join();
    expect(personal.replies.length).toBeGreaterThan(0);
  });
});
