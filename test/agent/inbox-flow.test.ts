// A whole takeover over HTTP on a Bot Framework channel (Emulator shape): the user asks for a person and hears their
// place in the queue; an agent sees the story, takes the conversation, and both write live (the bot keeps quiet, HTML
// stays text); the agent hands the user back at a step and the bot carries on; closing tells the user it ended.
import type { Activity } from 'botbuilder';
import { createBfConversation, type BfConversation } from '../support/bf-conversation';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir } from '../support/start-bot';
import { askedStep, withTranscript } from '../handoff/support/bf-turns';
import { createButtonsBrain } from '../handoff/support/buttons-brain';
import { createTestClock } from '../handoff/support/clock';
import { startHandoffBot, type HandoffBot } from '../handoff/support/handoff-bot';
import { createAgentClient, type EventStream } from './support/agent-client';

let sink: ServiceUrlSink;
let bot: HandoffBot;
let agent: ReturnType<typeof createAgentClient>;
let events: EventStream;

beforeAll(async () => {
  sink = await startServiceUrlSink();
  // A Monday at noon in London: inside the help desk's hours (knowledge/helpdesk.yaml), whenever the test runs.
  const clock = createTestClock('2026-03-02T12:00:00Z');
  bot = await startHandoffBot({ brain: createButtonsBrain(), now: clock.now, env: { AGENT_TOKEN: 'tok', HANDOFF_BF_EVENTS: 'false' } });
  agent = createAgentClient(bot.url);
  await agent.login({ token: 'tok', name: 'Alice' });
  events = await agent.events(); // the inbox page is open: Alice is at the inbox
  await events.waitFor((e) => e.event === 'ready', 'ready');
});
afterAll(async () => {
  events.close();
  await bot.stop();
  await removeDataDir(bot.dataDir);
  await sink.close();
});

const said = (chat: BfConversation): string[] => sink.messages(chat.build.conversationId).map((m) => m.text ?? '');
const keyOf = (chat: BfConversation): string => encodeURIComponent(`emulator:${chat.build.conversationId}`);
type Detail = { handoff: { state: string; position?: number; reason: string; transcript: { from: string; text: string }[]; handBackSteps: { id: string }[] } };

describe('agent takeover', () => {
  it('queues, takes over, relays both ways, and hands back to the bot at a step', async () => {
    const chat = createBfConversation(bot, sink, { locale: 'en-GB', user: { id: 'u-1', name: 'Ada' } });
    await withTranscript(chat, async () => {
      await chat.join();
      expect((await chat.press('human', undefined, 'Talk to a person')).text).toMatch(/someone to join this chat/);
      await bot.drain();
      expect(said(chat).at(-1)).toMatch(/number \*\*1\*\* in the queue/);
      await events.waitFor((e) => e.event === 'queue', 'queue');

      const list = await agent.get<{ handoffs: { conversationKey: string; position: number; reason: string }[] }>('/agent/api/handoffs');
      expect(list.body.handoffs).toEqual([expect.objectContaining({ conversationKey: `emulator:${chat.build.conversationId}`, position: 1, reason: 'user_asked' })]);
      const detail = await agent.get<Detail>(`/agent/api/handoffs/${keyOf(chat)}`);
      expect(detail.body.handoff.transcript.some((l) => l.from === 'user' && l.text === 'Talk to a person')).toBe(true);

      expect((await agent.post(`/agent/api/handoffs/${keyOf(chat)}/take`)).status).toBe(200);
      await bot.drain();
      expect(said(chat).at(-1)).toMatch(/\*\*Alice\*\* has joined the chat/);

      const html = '<img src=x onerror="alert(1)"> is my backup gone?';
      const quiet = await chat.say(html);
      expect(quiet.replies).toEqual([]); // the bot stays quiet while Alice has the conversation
      const relayed = await events.waitFor((e) => e.event === 'message' && (e.data.entry as { text: string }).text === html, 'relayed message');
      expect(relayed.data.entry).toMatchObject({ from: 'user', name: 'Ada' });

      expect((await agent.post(`/agent/api/handoffs/${keyOf(chat)}/messages`, { text: 'Hi Ada, let me look.' })).status).toBe(201);
      expect(said(chat).at(-1)).toBe('Hi Ada, let me look.');
      const after = await agent.get<Detail>(`/agent/api/handoffs/${keyOf(chat)}`);
      expect(after.body.handoff.transcript.slice(-2).map((l) => [l.from, l.text])).toEqual([['user', html], ['agent', 'Hi Ada, let me look.']]);

      expect((await agent.post(`/agent/api/handoffs/${keyOf(chat)}/hand-back`, { stepId: 'nope' })).status).toBe(400);
      expect((await agent.post(`/agent/api/handoffs/${keyOf(chat)}/hand-back`, { stepId: 'check_wifi' })).status).toBe(200);
      await bot.drain();
      const back = sink.messages(chat.build.conversationId).slice(-3);
      expect(back.map((m) => m.text).join('\n')).toMatch(/The agent has left the chat[^]*Wi-Fi/i);
      const step = askedStep({ status: 200, answer: undefined as never, replies: back as Partial<Activity>[], text: '' });
      expect(step).toBe('check_wifi');
      const fixed = await chat.press('yes', 'check_wifi', 'Yes');
      expect(fixed.text).toMatch(/glad that did it|backup is working again/); // the bot carries on from the step
      expect((await agent.get<{ handoffs: unknown[] }>('/agent/api/handoffs')).body.handoffs).toEqual([]);
    });
  });

  it('tells the user when the agent closes the conversation, and the bot answers again', async () => {
    const chat = createBfConversation(bot, sink, { locale: 'en-US' });
    await chat.join();
    await chat.press('human', undefined, 'Talk to a person');
    await bot.drain();
    await agent.post(`/agent/api/handoffs/${keyOf(chat)}/take`);
    await agent.post(`/agent/api/handoffs/${keyOf(chat)}/close`);
    await bot.drain();
    expect(said(chat).at(-1)).toMatch(/chat with the help desk has ended/);
    expect((await chat.press('help', undefined, 'What can you do?')).replies.length).toBeGreaterThan(0);
    expect((await agent.post(`/agent/api/handoffs/${keyOf(chat)}/messages`, { text: 'still there?' })).status).toBe(404);
  });

  it('with the worker running by itself, says the place in the queue only after the turn\'s own reply', async () => {
    bot.bot.handoff.start(); // as bot/main.ts does: polled, and kicked by new work
    const chat = createBfConversation(bot, sink, { locale: 'en-GB' });
    await chat.join();
    await chat.press('human', undefined, 'Talk to a person');
    await sink.waitFor(() => said(chat).some((t) => /in the queue/.test(t)));
    const lines = said(chat);
    expect(lines.findIndex((t) => /someone to join this chat/.test(t))).toBeLessThan(lines.findIndex((t) => /in the queue/.test(t)));
  });
});
