// Per-conversation message limit, in the turn path of every channel: a ConversationService wrapper that answers a
// conversation sending too fast with the knowledge's `rate_limited` reply (a friendly answer, not a silent drop),
// without running the engine or touching the session. Counts are per instance (fixed one-minute windows).
import { newSession, type Knowledge, type Reply } from '../../dialogs';
import type { ConversationServiceHandle } from '../conversation';
import { loadRecord } from '../conversation';
import type { Logger } from '../logger';
import type { BotStore, TurnOutcome, TurnRequest } from '../ports';

export interface ConversationLimitOptions {
  /** User messages per conversation per window; 0 turns the limit off. */
  readonly perMinute: number;
  readonly knowledge: Pick<Knowledge, 'replies'>;
  readonly store: Pick<BotStore, 'storage'>;
  readonly logger: Logger;
  readonly windowMs?: number;
  readonly now?: () => number;
}

/** Fixed-window counters by key; old windows are dropped as the map is swept, so memory stays bounded by activity. */
export function createWindowCounter(limit: number, windowMs: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = now();
  return {
    /** Counts one hit; false when the key is over its limit in this window. */
    hit(key: string): boolean {
      const t = now();
      if (t - lastSweep > windowMs) {
        for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
        lastSweep = t;
      }
      const current = windows.get(key);
      if (!current || t - current.start >= windowMs) {
        windows.set(key, { start: t, count: 1 });
        return true;
      }
      current.count += 1;
      return current.count <= limit;
    },
    size: () => windows.size,
  };
}

export function rateLimitedReply(knowledge: Pick<Knowledge, 'replies'>): Reply | undefined {
  const template = knowledge.replies.rate_limited;
  return template?.text.length ? { kind: 'text', text: template.text[0] } : undefined;
}

export function withConversationLimit(service: ConversationServiceHandle, options: ConversationLimitOptions): ConversationServiceHandle {
  const reply = rateLimitedReply(options.knowledge);
  if (options.perMinute <= 0 || !reply) return service;
  const counter = createWindowCounter(options.perMinute, options.windowMs ?? 60_000, options.now);
  const limited = async (request: TurnRequest): Promise<TurnOutcome> => {
    const key = request.address.conversationKey;
    options.logger.warn({ conversation: key, channel: request.address.channel }, 'conversation over its message rate limit');
    const loaded = await loadRecord(options.store.storage, key).catch(() => undefined);
    return { replies: [reply], handledBy: 'bot', session: loaded?.record.session ?? newSession() };
  };
  return {
    ...service,
    handle: (request) =>
      request.input.kind === 'message' && !counter.hit(request.address.conversationKey) ? limited(request) : service.handle(request),
  };
}
