// The Direct Line conversation service: start a conversation (the bot welcomes), take a posted activity (store and echo
// it, run the bot's turn, store its replies), and append proactive replies. Turns of one conversation run in order.
import type { Logger } from 'pino';
import { conversationStart, readPostedActivity, toBotActivity, type ActivityContext } from './activity-intake';
import type { BotBridge } from './bot-bridge';
import type { ConversationLog } from './conversation-log';
import type { ConversationRecord, WireActivity } from './types';

export type PostResult = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly status: 400; readonly reason: string };

export interface DirectLineConversations {
  readonly log: ConversationLog;
  /** Idempotent: the first call stores the record and runs the bot's conversationUpdate (its welcome). */
  start(record: Omit<ConversationRecord, 'createdAt' | 'started'>, serviceUrl: string): Promise<ConversationRecord>;
  /** Resolves once the bot's replies are stored (or after `turnWaitMs`, when the turn carries on in the background). */
  post(conversationId: string, userId: string, body: unknown, serviceUrl: string): Promise<PostResult>;
  /** Appends bot activities outside a turn (agent relay, handoff status). */
  deliver(conversationId: string, activities: readonly WireActivity[]): Promise<void>;
}

export interface ConversationsOptions {
  readonly log: ConversationLog;
  readonly bridge: BotBridge;
  readonly channelId: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly logger: Logger;
  /** Longest a POST waits for the bot before answering: directlinejs retries (and duplicates) a post after 20 s. */
  readonly turnWaitMs?: number;
}

export function createDirectLineConversations(options: ConversationsOptions): DirectLineConversations {
  const { log, bridge, logger } = options;
  const queues = new Map<string, Promise<void>>();
  const context = (serviceUrl: string): ActivityContext => ({ channelId: options.channelId, serviceUrl, bot: options.bot });
  const asBot = (conversationId: string, activity: WireActivity): WireActivity => ({
    ...activity,
    from: { id: options.bot.id, name: options.bot.name, role: 'bot' },
    conversation: { id: conversationId },
  });

  /** Runs `task` after every earlier task of the conversation on this instance, so replies keep their order. */
  function enqueue(conversationId: string, task: () => Promise<void>): Promise<void> {
    const result = (queues.get(conversationId) ?? Promise.resolve()).then(task);
    const settled = result.catch(() => undefined);
    queues.set(conversationId, settled);
    void settled.then(() => queues.get(conversationId) === settled && queues.delete(conversationId));
    return result;
  }
  const logFailure = (conversationId: string) => (err: unknown) => logger.error({ err, conversationId }, 'direct line turn failed');

  async function runTurn(conversationId: string, activity: Parameters<BotBridge['run']>[0]): Promise<void> {
    const replies = await bridge.run(activity);
    for (const reply of replies) {
      await log.append(conversationId, asBot(conversationId, { ...reply, replyToId: reply.replyToId ?? activity.id }));
    }
  }

  return {
    log,
    async start(fields, serviceUrl) {
      const existing = await log.get(fields.id);
      // A resume (page reload, stream reconnect) renews the record's lifetime (bot/privacy/lifetimes.ts), so a
      // conversation still in use keeps it; turns themselves never rewrite it.
      if (existing) {
        await log.save(existing);
        return existing;
      }
      const record: ConversationRecord = { ...fields, createdAt: new Date().toISOString(), started: true };
      await log.save(record);
      void enqueue(record.id, () => runTurn(record.id, conversationStart(record, context(serviceUrl)))).catch(logFailure(record.id));
      return record;
    },
    async post(conversationId, userId, body, serviceUrl) {
      const intake = readPostedActivity(body, userId);
      if (!intake.ok) return { ok: false, status: 400, reason: intake.reason };
      const stored = await log.append(conversationId, { ...intake.activity, conversation: { id: conversationId } });
      const id = String(stored.id);
      if (stored.type !== 'typing') {
        const turn = enqueue(conversationId, () => runTurn(conversationId, toBotActivity(stored, conversationId, context(serviceUrl))))
          .catch(logFailure(conversationId));
        await Promise.race([turn, new Promise((resolve) => setTimeout(resolve, options.turnWaitMs ?? 10_000).unref())]);
      }
      return { ok: true, id };
    },
    async deliver(conversationId, activities) {
      await enqueue(conversationId, async () => {
        for (const activity of activities) await log.append(conversationId, asBot(conversationId, activity));
      });
    },
  };
}
