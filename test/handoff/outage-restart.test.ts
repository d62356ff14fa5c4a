// The help desk is down (503) for several attempts, the bot restarts on the same DATA_DIR in between, then the help
// desk comes back: exactly one ticket arrives, and the outbox records the whole story (attempts, last error).
import { createBfConversation } from '../support/bf-conversation';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir } from '../support/start-bot';
import { failEveryStep, withTranscript } from './support/bf-turns';
import { createButtonsBrain } from './support/buttons-brain';
import { createTestClock } from './support/clock';
import { startHandoffBot, type HandoffBot } from './support/handoff-bot';
import { startHelpdeskRecorder, type HelpdeskRecorder } from './support/helpdesk-recorder';

const brain = createButtonsBrain();
const FAILED_ATTEMPTS = 3;
let sink: ServiceUrlSink;
let recorder: HelpdeskRecorder;
const bots: HandoffBot[] = [];

beforeAll(async () => {
  [sink, recorder] = await Promise.all([startServiceUrlSink(), startHelpdeskRecorder()]);
});
afterAll(async () => {
  for (const bot of bots) await bot.stop();
  if (bots[0]) await removeDataDir(bots[0].dataDir);
  await Promise.all([sink.close(), recorder.close()]);
});

const ticketItem = async (bot: HandoffBot) => (await bot.bot.deps.store.outbox.list()).find((item) => item.kind === 'helpdesk.ticket');

describe('help desk outage across a restart', () => {
  it('retries with backoff, survives the restart, and creates exactly one ticket when the help desk is back', async () => {
    const clock = createTestClock();
    // A help desk and an agent inbox: the escalation opens the handoff (and its ticket) without being asked.
    const env = { HELPDESK_KIND: 'webhook', HELPDESK_URL: `${recorder.url}/tickets`, HELPDESK_SECRET: 's', AGENT_TOKEN: 'agent-token' };
    recorder.down(503);
    const first = await startHandoffBot({ brain, now: clock.now, env });
    bots.push(first);
    const chat = createBfConversation(first, sink, { locale: 'en-GB' });
    await withTranscript(chat, async () => {
      await chat.join();
      await failEveryStep(chat);
    });

    for (let attempt = 1; attempt <= FAILED_ATTEMPTS; attempt += 1) {
      await first.drain();
      const item = await ticketItem(first);
      expect(item).toMatchObject({ state: 'pending', attempts: attempt, lastError: expect.stringMatching(/HTTP 503/) });
      // Not due again before its backoff has passed: a pass now claims nothing.
      expect((await first.bot.handoff.worker.tick()).claimed).toBe(0);
      clock.advance((item?.dueAt ?? 0) - clock.now() + 1);
    }
    expect(recorder.requests.map((r) => r.status)).toEqual([503, 503, 503]);

    await first.stop(); // graceful: the worker records its pass, the store closes
    recorder.up();
    const second = await startHandoffBot({ brain, now: clock.now, env, dataDir: first.dataDir });
    bots.push(second);
    await second.drain();
    await recorder.waitForTickets(1);
    expect(await ticketItem(second)).toMatchObject({ state: 'delivered', attempts: FAILED_ATTEMPTS + 1 });

    clock.advance(24 * 3600_000);
    await second.drain();
    expect(recorder.requests.map((r) => r.status)).toEqual([503, 503, 503, 201]);
    expect(recorder.tickets).toHaveLength(1);
  });
});
