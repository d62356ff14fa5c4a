// Every fix fails (buttons through /api/messages, Bot Framework Emulator channel, locale en-GB): the user gets the GB
// Apple Support number and the summary, is offered the help desk (a ticket, made only on request), gives an email,
// and the help desk's webhook gets one signed ticket with the whole packet and that email.
import { createHmac } from 'node:crypto';
import type { WebhookBody } from '../../bot/helpdesk';
import { createBfConversation } from '../support/bf-conversation';
import { failEveryStep, withTranscript } from './support/bf-turns';
import { useHandoffWorld } from './support/handoff-world';

const SECRET = 'webhook-test-secret';
const world = useHandoffWorld({ env: (helpdesk) => ({ HELPDESK_KIND: 'webhook', HELPDESK_URL: `${helpdesk}/hooks/bot`, HELPDESK_SECRET: SECRET }) });

describe('escalation to the help desk', () => {
  it('answers with the GB contact and the summary, and delivers one signed ticket with the packet', async () => {
    const { bot, sink, recorder } = world;
    const chat = createBfConversation(bot, sink, { locale: 'en-GB', user: { id: 'u-gb', name: 'Ada' } });
    await withTranscript(chat, async () => {
      await chat.join();
      const { tried, last: turn } = await failEveryStep(chat);
      expect(tried.length).toBeGreaterThanOrEqual(3);
      expect(turn.text).toMatch(/0800 107 6285/);
      expect(turn.text).toMatch(/What we tried/);
      await bot.drain();
      expect(recorder.requests).toHaveLength(0); // nothing sent unasked

      const asked = await chat.press('human', undefined, 'Ask our help desk');
      expect(asked.text).toMatch(/email/);
      const sent = await chat.say('ada@example.com');
      expect(sent.text).toMatch(/email you/);

      await bot.drain();
      await recorder.waitForTickets(1);
      const request = recorder.requests.find((r) => r.status === 201);
      expect(request?.path).toBe('/hooks/bot');
      const expected = `sha256=${createHmac('sha256', SECRET).update(request?.raw ?? '').digest('hex')}`;
      expect(request?.headers['x-signature']).toBe(expected);
      const { packet } = recorder.tickets[0] as WebhookBody;
      expect(request?.headers['idempotency-key']).toBe(packet.id);
      expect(packet).toMatchObject({
        conversation: `emulator:${chat.build.conversationId}`,
        channel: 'emulator',
        locale: 'en-GB',
        user: { id: 'u-gb', name: 'Ada' },
        pack: 'iphone-backup-failed',
        reason: 'all_fixes_failed',
        contact: { email: 'ada@example.com' },
      });
      // Steps passed over because they don't apply (the computer branch for someone not sure where they back up) are
      // in the packet as `skipped`; the steps shown failed, or were passed over at their warning ("go ahead?" → no).
      const shown = packet.steps.filter((s) => s.outcome !== 'skipped');
      expect(shown.map((s) => s.stepId)).toEqual(tried);
      expect(shown.every((s) => s.outcome === 'not_fixed' || s.outcome === 'passed')).toBe(true);
      expect(packet.summary.length).toBeGreaterThanOrEqual(tried.length);
      expect(packet.transcript.some((line) => line.from === 'bot' && /0800 107 6285/.test(line.text))).toBe(true);
      expect(packet.transcript.filter((line) => line.from === 'user').length).toBeGreaterThanOrEqual(tried.length);

      // Draining again sends nothing more: one ticket per handoff.
      await bot.drain();
      expect(recorder.requests).toHaveLength(1);
      const metrics = await bot.request('/metrics');
      expect(metrics.text).toMatch(/bot_outbox_delivered_total\{kind="helpdesk.ticket"\} 1/);
      expect(metrics.text).toMatch(/bot_outbox_delivery_seconds_count\{kind="helpdesk.ticket"\} 1/);
    });
  });
});
