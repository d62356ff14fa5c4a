// Starts the real bot (express app, CloudAdapter, conversation service, store) in this process on 127.0.0.1:0,
// with a temporary DATA_DIR unless one is given (pass the same one again to test a restart).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Router } from 'express';
import { createBot, type Bot, type CreateBotOptions } from '../../bot/boot';
import type { Brain } from '../../bot/brain';
import { loadConfig, type Config } from '../../bot/config';
import { createLogger, type LogLevel } from '../../bot/logger';
import { sharedRealBrain } from './shared-brain';
import type { BotStore, HandoffDesk } from '../../bot/ports';

export interface StartBotOptions {
  readonly dataDir?: string;
  /** Environment variables on top of a clean one (e.g. `{ MicrosoftAppId: 'x', MicrosoftAppPassword: 'y' }`). */
  readonly env?: Readonly<Record<string, string>>;
  /** Default: the real knowledge, NLU and engine from ./knowledge (models cached for every test file: shared-brain.ts). */
  readonly brain?: Brain;
  readonly store?: BotStore;
  readonly desk?: HandoffDesk;
  readonly extraRouters?: readonly Router[];
  /** Handoff settings (a pinned clock, a connector). */
  readonly handoff?: CreateBotOptions['handoff'];
}

export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
}

export interface RunningBot {
  readonly url: string;
  readonly bot: Bot;
  readonly config: Config;
  readonly dataDir: string;
  /** POSTs to /api/messages: an object is sent as JSON, a string as is (for malformed bodies). */
  post(body: unknown, headers?: Readonly<Record<string, string>>): Promise<HttpAnswer>;
  request(pathname: string, init?: RequestInit): Promise<HttpAnswer>;
  /** Graceful stop (storage closed). The temporary DATA_DIR stays: remove it with `removeDataDir`. */
  stop(): Promise<void>;
}

export const makeDataDir = (): Promise<string> => mkdtemp(path.join(tmpdir(), 'bot-e2e-'));
export const removeDataDir = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });

/** A fetch response read once: status, content type, text and (when it parses) JSON. */
export async function answer(response: Response): Promise<HttpAnswer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json };
}

export async function startBot(options: StartBotOptions = {}): Promise<RunningBot> {
  const dataDir = options.dataDir ?? (await makeDataDir());
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SHUTDOWN_TIMEOUT_MS: '3000', ...options.env });
  // Set TEST_LOG_LEVEL=debug to see the bot's log lines while a test runs.
  const logger = createLogger({ level: (process.env.TEST_LOG_LEVEL as LogLevel | undefined) ?? 'silent' });
  const bot = await createBot({ config, logger, brain: options.brain ?? sharedRealBrain(), store: options.store, desk: options.desk, extraRouters: options.extraRouters, handoff: options.handoff });
  const { url } = await bot.listen();
  const request = async (pathname: string, init?: RequestInit) => answer(await fetch(`${url}${pathname}`, init));
  return {
    url,
    bot,
    config,
    dataDir,
    request,
    post: (body, headers = {}) =>
      request('/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    stop: () => bot.stop(),
  };
}
