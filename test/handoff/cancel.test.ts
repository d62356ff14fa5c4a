// A user who asked for a person and then went back to the bot (start over) while waiting: the handoff leaves the
// agents' queue, so nobody takes it later and silences the bot, and the news of the handoff they left is not sent.
// The ticket already made stays with the help desk (connectors open tickets; they cannot withdraw them).
import { createBfConversation } from '../support/bf-conversation';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir } from '../support/start-bot';
import { createAgentClient } from '../agent/support/agent-client';
import { withTranscript } from './support/bf-turns';
import { createButtonsBrain } from './support/buttons-brain';
import { createTestClock } from './support/clock';
import { startHandoffBot, type HandoffBot } from './support/handoff-bot';
import { startHelpdeskRecorder, type HelpdeskRecorder } from './support/helpdesk-recorder';

let sink: ServiceUrlSink;
let recorder: HelpdeskRecorder;
let bot: HandoffBot;
const clock = createTestClock('2026-03-01T12:00:00Z');

beforeAll(async () => {
  [sink, recorder] = await Promise.all([startServiceUrlSink(), startHelpdeskRecorder()]);
  bot = await startHandoffBot({
    brain: createButtonsBrain(),
    now: clock.now,
    env: { AGENT_TOKEN: 'tok', HELPDESK_KIND: 'webhook', HELPDESK_URL: recorder.url, HELPDESK_SECRET: 's', HANDOFF_BF_EVENTS: 'false' },
  });
});
afterAll(async () => {
  await bot.stop();
  await removeDataDir(bot.dataDir);
  await Promise.all([sink.close(), recorder.close()]);
});

describe('a handoff the user leaves while waiting', () => {
  it('is closed: out of the queue, not takeable, no stale notice; the ticket stays made', async () => {
    const chat = createBfConversation(bot, sink, { locale: 'en-GB' });
    const key = `emulator:${chat.build.conversationId}`;
    await withTranscript(chat, async () => {
      await chat.join();
      await chat.press('human', undefined, 'Talk to a person');
      const agent = createAgentClient(bot.url);
      await agent.login({ token: 'tok', name: 'Sam' });
      const queued = await agent.get<{ handoffs: { conversationKey: string }[] }>('/agent/api/handoffs');
      expect(queued.body.handoffs.map((h) => h.conversationKey)).toEqual([key]);

      const sentBefore = sink.messages(chat.build.conversationId).length;
      await chat.press('restart', undefined, 'Start over');
      await bot.drain();
      const after = sink.messages(chat.build.conversationId).slice(sentBefore).map((m) => m.text ?? '');
      expect(after.join('\n')).not.toMatch(/help desk is available|in the queue/);

      expect((await agent.get<{ handoffs: unknown[] }>('/agent/api/handoffs')).body.handoffs).toEqual([]);
      const take = await agent.post(`/agent/api/handoffs/${encodeURIComponent(key)}/take`, {});
      expect(take.status).toBe(404);
      await recorder.waitForTickets(1);
      expect(recorder.tickets).toHaveLength(1);
    });
  });
});
