// One life of the bot's data for the lifetime tests: user A talks (words, an unrecognized message, a handoff left in
// the queue and ticketed), user B's handoff is taken by an agent, user C chats on web chat (our Direct Line). The
// store, handoff and sweep share a clock the test moves.
import type { BotStore } from '../../../bot/ports';
import type { Config } from '../../../bot/config';
import { createSilentLogger } from '../../../bot/logger';
import { lifetimeTasks } from '../../../bot/privacy/sweep-tasks';
import { createRetentionSweep } from '../../../bot/security/retention';
import { createAgentClient } from '../../agent/support/agent-client';
import { createClient } from '../../directline/dl-client';
import { startHelpdeskRecorder, type HelpdeskRecorder } from '../../handoff/support/helpdesk-recorder';
import { createBfConversation } from '../../support/bf-conversation';
import { startServiceUrlSink, type ServiceUrlSink } from '../../support/service-url-sink';
import { makeDataDir, removeDataDir, startBot, type RunningBot } from '../../support/start-bot';

export const A_WORDS = ['backup broke beside the saffron narwhal', 'quibble gazebo trombone flux'];
export const B_WORDS = 'backup broke near the cobalt ibex';
export const C_WORDS = 'hello from the velvet axolotl';
export const DAY = 24 * 60 * 60 * 1000;

export interface Scenario {
  readonly bot: RunningBot;
  readonly dataDir: string;
  readonly bKey: string;
  /** Runs the bot's retention sweep (logs, outbox, expired items, unrecognized log, scrub) at the clock's time. */
  sweep(): Promise<number>;
  close(): Promise<void>;
}

export async function playScenario(openStore: (dataDir: string) => BotStore, clock: { now: () => number }): Promise<Scenario> {
  const dataDir = await makeDataDir();
  const [sink, recorder]: [ServiceUrlSink, HelpdeskRecorder] = await Promise.all([startServiceUrlSink(), startHelpdeskRecorder()]);
  const env = { AGENT_TOKEN: 'agent-secret', HELPDESK_KIND: 'webhook', HELPDESK_URL: recorder.url, HELPDESK_SECRET: 's' };
  const bot = await startBot({ dataDir, env, store: openStore(dataDir), handoff: { now: clock.now } });
  const a = createBfConversation(bot, sink, { user: { id: 'user-a', name: 'Ada' } });
  const b = createBfConversation(bot, sink, { user: { id: 'user-b', name: 'Bea' } });
  await a.join();
  for (const text of [...A_WORDS, 'talk to a person']) await a.say(text);
  await b.join();
  await b.say(B_WORDS);
  await b.say('talk to a person');
  const bKey = `emulator:${b.build.conversationId}`;
  const agent = createAgentClient(bot.url);
  await agent.login({ token: 'agent-secret', name: 'Sam' });
  const taken = await agent.post(`/agent/api/handoffs/${encodeURIComponent(bKey)}/take`, {});
  if (taken.status !== 200) throw new Error(`the agent could not take B's handoff: ${taken.status}`);
  const dl = createClient(`${bot.url}/v3/directline`);
  const { body: c } = await dl.start();
  await dl.post(c.conversationId, c.token, { type: 'message', text: C_WORDS, from: { id: 'ignored', name: 'Cy' } });
  await dl.until(c.conversationId, c.token, (all) => all.filter((x) => x.from?.role === 'bot').length >= 2, 'the reply to C');
  for (let i = 0; i < 5 && (await bot.bot.handoff.worker.tick()).claimed > 0; i += 1); // tickets and notices out
  const config: Config = bot.config;
  const sweep = createRetentionSweep({ logs: bot.bot.deps.store.logs, days: config.transcriptRetentionDays, logger: createSilentLogger(), now: clock.now, tasks: lifetimeTasks(config, bot.bot.deps.store, bot.bot.handoff.records) });
  return {
    bot, dataDir, bKey,
    sweep: () => sweep.sweep(),
    async close() {
      await bot.stop();
      await Promise.all([sink.close(), recorder.close(), removeDataDir(dataDir)]);
    },
  };
}
