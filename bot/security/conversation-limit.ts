// Per-conversation message limit, in the turn path of every channel (Bot Framework, our Direct Line, Slack direct): a
// ConversationService wrapper that answers a conversation sending too fast with the knowledge's `rate_limited` reply
// (a friendly answer, not a silent drop), without running the engine or touching the session. Counts live in this
// process, or in Redis when REDIS_URL is set so that every instance shares one count (fixed one-minute windows).
import { newSession, type Knowledge, type Reply } from '../../dialogs';
import type { ConversationServiceHandle } from '../conversation';
import { loadRecord } from '../conversation';
import { inLanguage, type KnowledgeByLanguage } from '../language';
import type { Logger } from '../logger';
import type { BotStore, TurnOutcome, TurnRequest } from '../ports';
import { createMemoryCounter, type ConversationCounter } from './conversation-counter';
import { createRedisCounter } from './redis-counter';

export { createWindowCounter } from './conversation-counter';

export interface ConversationLimitOptions {
  /** User messages per conversation per window; 0 turns the limit off. */
  readonly perMinute: number;
  readonly knowledge: Pick<Knowledge, 'replies'>;
  /** The notice per language: said in the conversation's language. */
  readonly languages?: KnowledgeByLanguage<Pick<Knowledge, 'replies'>>;
  readonly store: Pick<BotStore, 'storage'>;
  readonly logger: Logger;
  /** REDIS_URL: count in Redis, shared by every instance. */
  readonly redisUrl?: string;
  /** Replaces the counter picked from redisUrl (tests). */
  readonly counter?: ConversationCounter;
  readonly windowMs?: number;
  readonly now?: () => number;
}

export type LimitedConversations = ConversationServiceHandle & {
  /** Closes the counter's Redis connection, if any (after the last turn: graceful stop). */
  closeLimiter(): Promise<void>;
};

export function rateLimitedReply(knowledge: Pick<Knowledge, 'replies'>): Reply | undefined {
  const template = knowledge.replies.rate_limited;
  return template?.text.length ? { kind: 'text', text: template.text[0] } : undefined;
}

export function withConversationLimit(service: ConversationServiceHandle, options: ConversationLimitOptions): LimitedConversations {
  const reply = rateLimitedReply(options.knowledge);
  if (options.perMinute <= 0 || !reply) return { ...service, closeLimiter: async () => options.counter?.close() };
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const counter =
    options.counter ??
    (options.redisUrl
      ? createRedisCounter({ url: options.redisUrl, limit: options.perMinute, windowMs, logger: options.logger })
      : createMemoryCounter(options.perMinute, windowMs, now));
  let lastWarning = -Infinity;

  /** Counter down (Redis unreachable): the turn goes ahead; the limit is a courtesy, the conversation is not. */
  const allowed = (key: string): Promise<boolean> =>
    counter.hit(key).catch((err: unknown) => {
      if (now() - lastWarning >= windowMs) {
        lastWarning = now();
        options.logger.warn({ err }, 'conversation rate limit unavailable; messages pass unlimited until it is back');
      }
      return true;
    });

  const limited = async (request: TurnRequest): Promise<TurnOutcome> => {
    const key = request.address.conversationKey;
    options.logger.warn({ conversation: key, channel: request.address.channel }, 'conversation over its message rate limit');
    const loaded = await loadRecord(options.store.storage, key).catch(() => undefined);
    const session = loaded?.record.session ?? newSession();
    const words = inLanguage(options.knowledge, options.languages, session.language ?? request.input.locale);
    return { replies: [rateLimitedReply(words) ?? reply], handledBy: 'bot', session };
  };
  return {
    ...service,
    handle: async (request) =>
      request.input.kind === 'message' && !(await allowed(request.address.conversationKey)) ? limited(request) : service.handle(request),
    closeLimiter: () => counter.close(),
  };
}
