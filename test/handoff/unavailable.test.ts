// Outside business hours (a Sunday in London), with the inbox configured: the user is told honestly, with their
// country's Apple Support contact; the ticket is still made; the inbox shows the request when an agent arrives.
import { createBfConversation } from '../support/bf-conversation';
import { createAgentClient } from '../agent/support/agent-client';
import { withTranscript } from './support/bf-turns';
import { createTestClock } from './support/clock';
import { useHandoffWorld } from './support/handoff-world';

const clock = createTestClock('2026-03-01T12:00:00Z'); // Sunday: the desk is closed
const world = useHandoffWorld({
  now: clock.now,
  env: (helpdesk) => ({ AGENT_TOKEN: 'tok', HELPDESK_KIND: 'webhook', HELPDESK_URL: helpdesk, HELPDESK_SECRET: 's', HANDOFF_BF_EVENTS: 'false' }),
});

describe('handoff outside business hours', () => {
  it('says nobody is available with the Apple Support contact, still makes the ticket, and queues it for later', async () => {
    const { bot, sink, recorder } = world;
    const chat = createBfConversation(bot, sink, { locale: 'en-IE' });
    await withTranscript(chat, async () => {
      await chat.join();
      await chat.press('human', undefined, 'Talk to a person');
      await bot.drain();
      const last = sink.messages(chat.build.conversationId).at(-1)?.text ?? '';
      expect(last).toMatch(/nobody from our help desk is available/);
      expect(last).toMatch(/Apple Support \(Ireland\)/);
      await recorder.waitForTickets(1);

      // The user carries on with the bot meanwhile.
      expect((await chat.press('help', undefined, 'What can you do?')).replies.length).toBeGreaterThan(0);

      const agent = createAgentClient(bot.url);
      await agent.login({ token: 'tok', name: 'Monday Morning' });
      const list = await agent.get<{ handoffs: { conversationKey: string; openedWhileUnavailable?: boolean; position?: number }[] }>('/agent/api/handoffs');
      expect(list.body.handoffs).toEqual([expect.objectContaining({ conversationKey: `emulator:${chat.build.conversationId}`, openedWhileUnavailable: true, position: 1 })]);
    });
  });
});
