// Starts our Direct Line on 127.0.0.1:0 over a memory store with a small scripted bot (or the logic given),
// through the real CloudAdapter, so protocol tests need neither knowledge nor the engine.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TurnContext } from 'botbuilder';
import express from 'express';
import pino from 'pino';
import { createAdapter } from '../../bot/adapter';
import { createDirectLineRouter, type DirectLineRouter } from '../../bot/directline/direct-line';
import type { BotLogic, DirectLineConfig } from '../../bot/directline/types';
import { createWebChatRenderer } from '../../bot/renderers/webchat';
import type { BotStore } from '../../bot/ports';
import { createMemoryStore, type MemoryStore } from '../../bot/storage';

export const TEST_TOKEN_SECRET = 'direct-line-test-secret';
const renderer = createWebChatRenderer();

/** welcome on join · "card" → a step card · a button press → "pressed <action> <stepId>" · "boom" → throws · else echo. */
export const scriptedBot: BotLogic = async (context: TurnContext) => {
  const { activity } = context;
  if (activity.type === 'conversationUpdate') {
    if (activity.membersAdded?.some((m) => m.id !== activity.recipient.id)) await context.sendActivity('welcome');
    return;
  }
  if (activity.type !== 'message') return;
  const value = activity.value as { action?: string; stepId?: string } | undefined;
  if (value?.action) return void (await context.sendActivity(`pressed ${value.action} ${value.stepId ?? ''}`.trim()));
  if (activity.text === 'boom') throw new Error('bot exploded');
  if (activity.text === 'card') {
    const choices = [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }, { label: 'Already tried', value: 'tried' }];
    return void (await context.sendActivities(renderer.render([
      { kind: 'step', title: 'Restart', text: 'Hold the **side button**. <b>not bold</b>', stepId: 'restart', links: [{ title: 'Apple', url: 'https://support.apple.com/' }] },
      { kind: 'question', text: 'Did that fix it?', choices, stepId: 'restart' },
    ])));
  }
  await context.sendActivity(`echo: ${activity.text ?? ''}`);
};

export interface DirectLineHarness<S extends BotStore = MemoryStore> {
  readonly url: string;
  readonly base: string;
  readonly directLine: DirectLineRouter;
  readonly store: S;
  readonly server: Server;
  close(): Promise<void>;
}

export async function startDirectLine<S extends BotStore = MemoryStore>(
  options: { store?: S; logic?: BotLogic; config?: Partial<DirectLineConfig> } = {},
): Promise<DirectLineHarness<S>> {
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const store = options.store ?? (createMemoryStore() as BotStore as S);
  const directLine = createDirectLineRouter({
    store,
    adapter: createAdapter({ config: {}, logger }),
    logic: options.logic ?? scriptedBot,
    logger,
    config: { botId: 'bot', botName: 'Test Bot', tokenSecret: TEST_TOKEN_SECRET, keepAliveMs: 15_000, ...options.config },
  });
  const app = express();
  app.use(directLine);
  const server = createServer(app);
  directLine.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    base: `${url}/v3/directline`,
    directLine,
    store,
    server,
    async close() {
      await directLine.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
