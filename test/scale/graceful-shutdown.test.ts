// Graceful shutdown of the real process: SIGTERM while a turn is in flight (its reply held at a slow channel) makes
// the bot unready at once, lets the turn finish, keeps the durable state (session, transcript, the handoff's outbox
// item), closes storage and exits 0. Small knowledge (test/content/fixtures/minimal) keeps the start-up quick.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createSqliteStore } from '../../bot/storage';
import { createActivityBuilder } from '../support/activity-builders';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { makeDataDir, removeDataDir } from '../support/start-bot';
import { waitFor } from '../directline/dl-client';
import { startBotProcess, type BotProcess } from './bot-process';
import { conversationState, postActivity, userLines } from './conversation-state';

const KNOWLEDGE_DIR = path.resolve(__dirname, '../content/fixtures/minimal');

let sink: ServiceUrlSink;
let dataDir: string;
let bot: BotProcess | undefined;

beforeAll(async () => {
  sink = await startServiceUrlSink();
  dataDir = await makeDataDir();
});

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await sink?.close();
  await removeDataDir(dataDir);
});

/** True once the instance tells a load balancer to go away: /readyz 503, or no new connection accepted at all. */
async function refusesNewWork(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/readyz`)).status === 503;
  } catch {
    return true;
  }
}

describe('bot process on SIGTERM', () => {
  it('finishes the turn in flight, keeps its state and exits 0', async () => {
    // A handoff hub on Bot Framework channels, so asking for a person opens a handoff to check across the stop.
    bot = await startBotProcess('graceful', { DATA_DIR: dataDir, KNOWLEDGE_DIR, SHUTDOWN_TIMEOUT_MS: '20000', HANDOFF_BF_EVENTS: 'true' });
    const chat = createActivityBuilder({ serviceUrl: sink.url, locale: 'en-US', conversationId: `sigterm-${randomUUID()}` });
    const activity = chat.message('talk to a human');
    const gate = sink.hold();
    const inFlight = postActivity(bot.url, activity);
    await gate.waitForHeld(1, 20_000);
    const exited = bot.stop('SIGTERM');
    await waitFor(async () => (await refusesNewWork(String(bot?.url))) || undefined, 'the bot to refuse new work after SIGTERM', 20_000);
    gate.release();

    expect(await inFlight).toBe(200);
    expect(sink.messages(chat.conversationId, activity.id).length).toBeGreaterThan(0);
    expect({ code: await exited, stopped: bot.log().includes('"msg":"stopped"') }).toEqual({ code: 0, stopped: true });

    const store = createSqliteStore({ dataDir }); // the file the bot closed, opened again
    try {
      const key = `${chat.channelId}:${chat.conversationId}`;
      const state = await conversationState(store, key);
      expect(state.session?.status).toBe('handoff');
      expect(userLines(state)).toEqual(['talk to a human']);
      expect(state.transcript.some((e) => e.from === 'bot')).toBe(true);
      const items = await store.outbox.list();
      expect(items.filter((i) => i.id.includes(key)).map((i) => i.state)).not.toHaveLength(0);
    } finally {
      await store.close();
    }
  }, 180_000);
});
