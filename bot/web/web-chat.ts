// The web chat, wired into the edge from its deps: our Direct Line plus the chat page, one instance per app.
// server.ts mounts `createWebChatRouter(deps)`; boot.ts calls `attachWebChat` once listening and `closeWebChat` on stop.
import type { Server } from 'node:http';
import express, { type Router } from 'express';
import { createDirectLineRouter, type DirectLineRouter } from '../directline/direct-line';
import { createAzureTokenSource, createSelfHostedTokenSource } from '../directline/token-source';
import { createWebRouter } from '../routes/web';
import type { EdgeDeps } from '../server';
import { loadWebAssets } from './assets';
import { webLanguages } from './page-words';

export interface WebChat {
  readonly directLine: DirectLineRouter;
  readonly router: Router;
}

const instances = new WeakMap<EdgeDeps, WebChat>();

/** The web chat of an app (created on first use): routers, WebSocket streams and proactive delivery share it. */
export function webChatFor(deps: EdgeDeps): WebChat {
  const existing = instances.get(deps);
  if (existing) return existing;
  const { config, logger } = deps;
  const directLine = createDirectLineRouter({
    store: deps.store,
    adapter: deps.adapter,
    logic: deps.botLogic,
    logger: logger.child({ channel: 'webchat' }),
    config: {
      publicUrl: config.publicUrl,
      tokenSecret: config.directLineTokenSecret,
      botId: config.microsoftAppId ?? 'bot',
      appId: config.microsoftAppId,
      botName: config.botName,
    },
  });
  const tokens = config.directLineSecret
    ? createAzureTokenSource({ secret: config.directLineSecret, baseUrl: config.directLineUrl })
    : createSelfHostedTokenSource(directLine.generateToken);
  const languages = webLanguages(deps.knowledge, deps.languages);
  const page = createWebRouter({ assets: loadWebAssets(), tokens, title: config.botName, languages, embedOrigins: config.corsOrigins, logger });
  const router = express.Router();
  router.use(directLine, page);
  const webChat = { directLine, router };
  instances.set(deps, webChat);
  return webChat;
}

export function createWebChatRouter(deps: EdgeDeps): Router {
  return webChatFor(deps).router;
}

/** Serves the Direct Line WebSocket streams on the app's HTTP server. */
export function attachWebChat(deps: EdgeDeps, server: Server): void {
  webChatFor(deps).directLine.attach(server);
}

/** Closes the streams (clients reconnect to another instance and catch up), so the server can close. */
export function closeWebChat(deps: EdgeDeps): Promise<void> {
  return instances.get(deps)?.directLine.close() ?? Promise.resolve();
}
