// A user who asked for a person and then went back to the bot (start over) while waiting: the handoff leaves the
// agents' queue, so nobody takes it later and silences the bot, and the news of the handoff they left is not sent.
// The help desk hears it: after the ticket, a signed `handoff.cancelled` event names the ticket's handoff.
import { signBody } from '../../bot/helpdesk';
import { createBfConversation } from '../support/bf-conversation';
import { createAgentClient } from '../agent/support/agent-client';
import { withTranscript } from './support/bf-turns';
import { createTestClock } from './support/clock';
import { useHandoffWorld } from './support/handoff-world';

const clock = createTestClock('2026-03-01T12:00:00Z');
const world = useHandoffWorld({
  now: clock.now,
  env: (helpdesk) => ({ AGENT_TOKEN: 'tok', HELPDESK_KIND: 'webhook', HELPDESK_URL: helpdesk, HELPDESK_SECRET: 's', HANDOFF_BF_EVENTS: 'false' }),
});

describe('a handoff the user leaves while waiting', () => {
  it('is closed: out of the queue, not takeable, no stale notice; the help desk gets the ticket, then the cancellation', async () => {
    const { bot, sink, recorder } = world;
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
      clock.advance(5_000); // the user changes their mind a little later
      await chat.press('restart', undefined, 'Start over');
      await bot.drain();
      const after = sink.messages(chat.build.conversationId).slice(sentBefore).map((m) => m.text ?? '');
      expect(after.join('\n')).not.toMatch(/help desk is available|in the queue/);

      expect((await agent.get<{ handoffs: unknown[] }>('/agent/api/handoffs')).body.handoffs).toEqual([]);
      const take = await agent.post(`/agent/api/handoffs/${encodeURIComponent(key)}/take`, {});
      expect(take.status).toBe(404);
      await recorder.waitForTickets(2);
      const [ticket, cancelled] = recorder.tickets as { type: string; packet?: { id: string }; event?: { handoffId: string; conversation: string } }[];
      expect(ticket.type).toBe('handoff');
      expect(cancelled).toMatchObject({ type: 'handoff.cancelled', version: 1, event: { handoffId: ticket.packet?.id, conversation: key } });
      const request = recorder.requests.find((r) => r.raw.includes('handoff.cancelled'));
      expect(request?.headers['x-signature']).toBe(signBody(request?.raw ?? '', 's'));
      expect(request?.headers['idempotency-key']).toBe(`cancelled:${ticket.packet?.id}`);
    });
  });
});
