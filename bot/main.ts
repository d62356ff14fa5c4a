// Entry point (`npm start`, `npm run dev`): wiring only. Config → logger → bot (knowledge, NLU, store, engine,
// adapter, server) → listen on PORT → graceful shutdown on SIGTERM/SIGINT. Start-up problems exit non-zero, clearly.
import dotenv from 'dotenv';
import { createBot, listenProblem, type Bot } from './boot';
import { KnowledgeInvalidError } from './brain';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger, type Logger } from './logger';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function handleSignals(bot: Bot, logger: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: no new requests, finishing turns in flight');
    bot.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    fail(err instanceof ConfigError ? err.message : `Could not read the configuration: ${String(err)}`);
  }
  const logger = createLogger({ level: config.logLevel, redactPii: config.redactPii });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  let bot: Bot;
  try {
    bot = await createBot({ config, logger, defaultMetrics: true });
  } catch (err) {
    if (err instanceof KnowledgeInvalidError) fail(`${err.message}\nThe bot did not start: fix the knowledge above (npm run validate).`);
    logger.fatal({ err }, 'start-up failed');
    fail(`Start-up failed: ${err instanceof Error ? err.message : String(err)}`);
  }

  try {
    const { url } = await bot.listen();
    logger.info({ url, port: config.port, store: bot.deps.store.kind, auth: Boolean(config.microsoftAppId) }, 'bot listening');
    bot.handoff.start(); // the outbox worker: tickets, hub events and handoff notices, retried across restarts
    if (!config.microsoftAppId) {
      logger.warn('no MicrosoftAppId: /api/messages accepts unauthenticated requests (local development, Emulator)');
    }
  } catch (err) {
    await bot.stop().catch(() => undefined);
    fail(listenProblem(err, config.port));
  }
  handleSignals(bot, logger);
}

void main();
