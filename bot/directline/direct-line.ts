// Our self-hosted Direct Line 3.0, assembled: REST routes, the WebSocket stream, and proactive delivery to web chat.
// Mount with `app.use(directLine)` and `directLine.attach(server)` once the HTTP server exists.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { Router } from 'express';
import type { Delivery } from '../ports';
import { createBotBridge } from './bot-bridge';
import { createConversationLog } from './conversation-log';
import { createDirectLineConversations, type DirectLineConversations } from './conversations';
import { createDirectLineDelivery } from './delivery';
import { createRestRouter } from './router';
import { createStreamServer } from './stream';
import { createTokenService, resolveTokenSecret, type TokenService } from './tokens';
import { DEFAULT_KEEP_ALIVE_MS, DEFAULT_TOKEN_TTL_SECONDS, type DirectLineDeps } from './types';

export type DirectLineRouter = Router & {
  /** Serves the WebSocket streams of this server (its `upgrade` event). Returns a function that detaches. */
  attach(server: Server): () => void;
  /** Proactive replies (agent relay, handoff status) for channels webchat and directline. */
  readonly delivery: Delivery;
  readonly conversations: DirectLineConversations;
  /** A token for a new conversation (what POST /v3/directline/tokens/generate answers): the page's token source. */
  generateToken(): Promise<{ conversationId: string; token: string; expiresIn: number; userId: string }>;
  /** Drops every open stream (clients reconnect and catch up): for graceful shutdown and tests. */
  disconnectStreams(): void;
  close(): Promise<void>;
};

export function createDirectLineRouter(deps: DirectLineDeps): DirectLineRouter {
  const { config, logger } = deps;
  const ttl = Math.max(config.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS, 1800);
  if (config.tokenTtlSeconds !== undefined && config.tokenTtlSeconds < 1800) {
    logger.warn({ ttl }, 'Direct Line token lifetime raised to 30 minutes: Web Chat refreshes tokens every 15 minutes');
  }
  // Resolved on first use (the secret may have to be read from the store); a failure is retried by the next request.
  let pending: Promise<TokenService> | undefined;
  const tokens = (): Promise<TokenService> => {
    pending ??= resolveTokenSecret(deps.store, config.tokenSecret).then(
      (secret) => createTokenService(secret, ttl),
      (err: unknown) => { pending = undefined; throw err; },
    );
    return pending;
  };

  const log = createConversationLog(deps.store);
  const bot = { id: config.botId, name: config.botName };
  const conversations = createDirectLineConversations({
    log,
    bridge: createBotBridge({ adapter: deps.adapter, logic: deps.logic, appId: config.appId }),
    channelId: config.channelId ?? 'webchat',
    bot,
    logger,
  });
  const stream = createStreamServer({ tokens, log, logger, keepAliveMs: config.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS });
  const newId = (prefix: string): string => `${prefix}${randomBytes(12).toString('base64url')}`;
  const generateToken = async () => {
    const [conversationId, userId] = [newId('dl_'), newId('dl_')];
    return { conversationId, userId, ...(await tokens()).issue(conversationId, userId) };
  };
  const router = createRestRouter({ tokens, conversations, logger, publicUrl: config.publicUrl, generate: generateToken });

  return Object.assign(router, {
    attach(server: Server) {
      const onUpgrade = (...args: Parameters<typeof stream.handleUpgrade>) => void stream.handleUpgrade(...args);
      server.on('upgrade', onUpgrade);
      return () => void server.off('upgrade', onUpgrade);
    },
    delivery: createDirectLineDelivery({ conversations, fallback: deps.fallbackDelivery }),
    conversations,
    generateToken,
    disconnectStreams: () => stream.disconnectAll(),
    close: () => stream.close(),
  });
}
