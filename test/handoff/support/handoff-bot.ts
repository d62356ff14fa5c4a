// Starts the whole bot (createBot: express, CloudAdapter, conversation service, SQLite under DATA_DIR, handoff) on
// 127.0.0.1:0 with the handoff's clock pinned and its outbox worker driven by hand (`drain`), unless `autoStart`.
import type { Brain } from '../../../bot/brain';
import { createBot, type Bot } from '../../../bot/boot';
import { loadConfig, type Config } from '../../../bot/config';
import type { HelpdeskConnector } from '../../../bot/helpdesk';
import { createLogger, type LogLevel } from '../../../bot/logger';
import type { TickResult } from '../../../bot/outbox';
import { createSqliteStore } from '../../../bot/storage';
import { answer, makeDataDir, type HttpAnswer, type RunningBot } from '../../support/start-bot';

export interface HandoffBotOptions {
  readonly dataDir?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly brain: Brain;
  /** Pins the clock of the handoff and of the SQLite store under DATA_DIR. */
  readonly now?: () => number;
  readonly connector?: HelpdeskConnector;
  /** Start the outbox worker (polling, kicked by new work) as bot/main.ts does. Default: driven by `drain()`. */
  readonly autoStart?: boolean;
}

/** A RunningBot (so test/support's Bot Framework conversation driver works with it), plus the outbox by hand. */
export interface HandoffBot extends RunningBot {
  readonly bot: Bot;
  readonly config: Config;
  /** Runs outbox passes until one claims nothing (bounded): everything due now is delivered, retried or dead. */
  drain(): Promise<TickResult[]>;
  stop(): Promise<void>;
}

export async function startHandoffBot(options: HandoffBotOptions): Promise<HandoffBot> {
  const dataDir = options.dataDir ?? (await makeDataDir());
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SHUTDOWN_TIMEOUT_MS: '3000', ...options.env });
  const logger = createLogger({ level: (process.env.TEST_LOG_LEVEL as LogLevel | undefined) ?? 'silent' });
  const bot = await createBot({
    config,
    logger,
    brain: options.brain,
    // One clock for the store (enqueue times) and the worker (due times), so moving it moves both.
    ...(options.now ? { store: createSqliteStore({ dataDir, now: options.now }) } : {}),
    handoff: { now: options.now, connector: options.connector, worker: { random: () => 0.5, pollMs: 50 } },
  });
  const { url } = await bot.listen();
  if (options.autoStart) bot.handoff.start();
  const request = async (pathname: string, init?: RequestInit): Promise<HttpAnswer> => answer(await fetch(`${url}${pathname}`, init));
  return {
    url,
    bot,
    config,
    dataDir,
    request,
    post: (body, headers = {}) =>
      request('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    async drain() {
      const passes: TickResult[] = [];
      for (let i = 0; i < 20; i += 1) {
        const pass = await bot.handoff.worker.tick();
        passes.push(pass);
        if (pass.claimed === 0) return passes;
      }
      throw new Error(`outbox still busy after 20 passes: ${JSON.stringify(passes)}`);
    },
    stop: () => bot.stop(),
  };
}
