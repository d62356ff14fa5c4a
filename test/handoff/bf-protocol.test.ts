// The Bot Framework handoff protocol on a Bot Framework channel (the Emulator's shape, through /api/messages): a
// `handoff.initiate` event with the packet and the transcript goes to the channel; the hub's `handoff.status` events
// (`{ state }`, as botbuilder's EventFactory makes them) are answered so the user knows what happens.
import type { Activity } from 'botbuilder';
import { EventFactory } from 'botbuilder';
import type { HandoffPacket } from '../../bot/ports';
import { createBfConversation } from '../support/bf-conversation';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir } from '../support/start-bot';
import { withTranscript } from './support/bf-turns';
import { createButtonsBrain } from './support/buttons-brain';
import { startHandoffBot, type HandoffBot } from './support/handoff-bot';

const brain = createButtonsBrain();
let sink: ServiceUrlSink;
let bot: HandoffBot;

beforeAll(async () => {
  sink = await startServiceUrlSink();
  bot = await startHandoffBot({ brain, env: { HANDOFF_BF_EVENTS: 'true' } });
});
afterAll(async () => {
  await bot.stop();
  await removeDataDir(bot.dataDir);
  await sink.close();
});

const initiations = (conversationId: string): Partial<Activity>[] =>
  sink.sent.filter((s) => s.conversationId === conversationId && s.activity.name === 'handoff.initiate').map((s) => s.activity);

describe('Bot Framework handoff protocol', () => {
  it('sends handoff.initiate with the packet as context and the transcript attached', async () => {
    const chat = createBfConversation(bot, sink, { locale: 'en-US', user: { id: 'u-bf', name: 'Grace' } });
    await withTranscript(chat, async () => {
      await chat.join();
      const asked = await chat.press('human', undefined, 'Talk to a person');
      expect(asked.text).toMatch(/someone to join this chat/);
      await bot.drain();
      const [event] = initiations(chat.build.conversationId);
      expect(event).toMatchObject({ type: 'event', name: 'handoff.initiate', channelId: 'emulator' });
      const packet = event.value as HandoffPacket;
      expect(packet).toMatchObject({ conversation: `emulator:${chat.build.conversationId}`, reason: 'user_asked', user: { id: 'u-bf', name: 'Grace' } });
      const attachment = event.attachments?.[0];
      expect(attachment).toMatchObject({ name: 'Transcript', contentType: 'application/json' });
      const lines = (attachment?.content as { activities: Partial<Activity>[] }).activities;
      expect(lines.map((a) => a.text).join('\n')).toMatch(/someone to join this chat/);
      expect(lines.some((a) => a.from?.role === 'user' && a.text === 'Talk to a person')).toBe(true);
      await bot.drain();
      expect(initiations(chat.build.conversationId)).toHaveLength(1);
    });
  });

  it.each([
    ['accepted', /has your request/],
    ['failed', /couldn't reach the help desk/],
    ['completed', /chat with the help desk has ended/],
  ])('tells the user when the hub says %s', async (state, pattern) => {
    const chat = createBfConversation(bot, sink, { locale: 'en-US' });
    await withTranscript(chat, async () => {
      await chat.join();
      await chat.press('human', undefined, 'Talk to a person');
      await bot.drain();
      // Exactly what a hub sends: EventFactory.createHandoffStatus → { name: 'handoff.status', value: { state, message } }.
      const status = EventFactory.createHandoffStatus({ id: chat.build.conversationId } as never, state, 'from the hub');
      const turn = await chat.send({ ...chat.build.event('handoff.status', status.value) });
      expect(turn.text).toMatch(pattern);
      const record = await bot.bot.handoff.records.get(`emulator:${chat.build.conversationId}`);
      expect(record).toMatchObject({ hub: state, state: state === 'completed' ? 'closed' : 'queued' });
    });
  });

  it('sends no handoff.initiate when HANDOFF_BF_EVENTS=false (the default)', async () => {
    const quiet = await startHandoffBot({ brain, env: { HANDOFF_BF_EVENTS: 'false' } });
    try {
      const chat = createBfConversation(quiet, sink);
      await chat.join();
      const asked = await chat.press('human', undefined, 'Talk to a person');
      await quiet.drain();
      expect(initiations(chat.build.conversationId)).toHaveLength(0);
      // Without a hub, an inbox or a help desk, nobody can take over: the bot says so, with Apple Support.
      expect(asked.text).toMatch(/no help desk behind this chat/);
      expect(asked.text).not.toMatch(/someone to join/);
    } finally {
      await quiet.stop();
      await removeDataDir(quiet.dataDir);
    }
  });
});
