// `npm run chat`: the same knowledge, NLU, engine and ConversationService in the terminal (like `rasa shell`).
// Choices are numbered; typing a number presses it. Memory store by default; `--sqlite` keeps the chat in DATA_DIR.
// `--locale es` (or es-ES, de-DE…) speaks as a channel with that locale would; by default the terminal's LANG.
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import readline from 'node:readline/promises';
import { readArgs, usageOf } from './args';
import dotenv from 'dotenv';
import pino from 'pino';
import type { TurnInput } from '../../dialogs';
import { loadBrain, type Brain } from '../brain';
import { loadConfig } from '../config';
import { createConversationService } from '../conversation';
import { createLogger, type Logger } from '../logger';
import type { BotStore, ConversationAddress } from '../ports';
import { createPlainTextRenderer } from '../renderers/plain-text';
import { createMemoryStore, createStore } from '../storage';

const HELP = 'Type a message, a choice number, /restart for a new conversation, /quit to leave.';

export interface ChatOptions {
  readonly brain: Brain;
  readonly store: BotStore;
  readonly logger: Logger;
  readonly input: NodeJS.ReadableStream;
  readonly write: (text: string) => void;
  /** A fixed conversation id resumes the same chat (with a persistent store); a random one by default. */
  readonly conversationId?: string;
  readonly locale?: string;
  readonly sessionTtlMinutes?: number;
}

/** en_GB.UTF-8 → en-GB, so the engine picks the right country's support contact. */
export function localeFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const match = /^([a-z]{2,3})[_-]([A-Z]{2})/.exec(env.LC_ALL || env.LANG || '');
  return match ? `${match[1]}-${match[2]}` : undefined;
}

/** Runs the chat until the input ends or the user types /quit. */
export async function runChat(options: ChatOptions): Promise<void> {
  const { brain, store, logger, locale, write } = options;
  const conversations = createConversationService({ engine: brain.engine, store, logger, sessionTtlMinutes: options.sessionTtlMinutes });
  const renderer = createPlainTextRenderer();
  const user = { id: userInfo().username, name: userInfo().username };
  const addressFor = (id: string): ConversationAddress => ({ channel: 'terminal', conversationKey: `terminal:${id}`, reference: {} });
  let address = addressFor(options.conversationId ?? randomUUID());

  const turn = async (input: Omit<TurnInput, 'now' | 'locale'>): Promise<void> => {
    const outcome = await conversations.handle({ address, user, input: { ...input, now: new Date().toISOString(), ...(locale ? { locale } : {}) } });
    for (const text of renderer.render(outcome.replies)) write(`\nbot> ${text.replace(/\n/g, '\n     ')}\n`);
  };

  write(`${HELP}\n`);
  await turn({ kind: 'conversation_start' });
  const rl = readline.createInterface({ input: options.input, terminal: false });
  write('\nyou> ');
  for await (const line of rl) {
    const text = line.trim();
    if (text === '/quit' || text === '/exit') break;
    if (text === '/help') write(`${HELP}\n`);
    else if (text === '/restart') {
      address = addressFor(randomUUID());
      await turn({ kind: 'conversation_start' });
    } else await turn({ kind: 'message', text: line });
    write('\nyou> ');
  }
  rl.close();
  write('\n');
}

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = loadConfig();
  // Logs go to stderr, warnings and worse only, so they never interleave with the conversation.
  const logger = createLogger({ level: process.env.LOG_LEVEL ? config.logLevel : 'warn', destination: pino.destination(2) });
  const brain = loadBrain({ knowledgeDir: config.knowledgeDir, dataDir: config.dataDir, logger });
  const { values } = readArgs({ sqlite: { type: 'boolean', default: false }, locale: { type: 'string' } }, usageOf('npm run chat [-- --locale es|de|en] [-- --sqlite]'));
  const persistent = values.sqlite === true;
  const store = persistent ? createStore({ dataDir: config.dataDir, logger }) : createMemoryStore({ logger });
  try {
    await runChat({
      brain, store, logger, input: process.stdin, write: (text) => process.stdout.write(text),
      conversationId: persistent ? userInfo().username : undefined, locale: values.locale ?? localeFromEnv(), sessionTtlMinutes: config.sessionTtlMinutes,
    });
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
}
