// Proactive replies (agent relay, hand-back, handoff status) to web chat: rendered for Web Chat and appended to the
// conversation's Direct Line log, from where every instance's streams deliver them.
import type { Reply } from '../../dialogs';
import { PermanentDeliveryError } from '../outbox/errors';
import type { ConversationAddress, Delivery } from '../ports';
import { createWebChatRenderer } from '../renderers/webchat';
import type { Renderer } from '../renderers/types';
import type { DirectLineConversations } from './conversations';
import type { WireActivity } from './types';

export interface DirectLineDeliveryOptions {
  readonly conversations: DirectLineConversations;
  readonly renderer?: Renderer<unknown>;
  /** For webchat/directline conversations that are not ours (Azure Direct Line, via /api/messages): the Bot Framework delivery. */
  readonly fallback?: Delivery;
}

/** The Direct Line conversation id in an address: a Bot Framework reference, `{ conversationId }`, or the key. */
export function conversationIdOf(address: ConversationAddress): string {
  const ref = address.reference as { conversation?: { id?: unknown }; conversationId?: unknown };
  if (typeof ref.conversation?.id === 'string') return ref.conversation.id;
  if (typeof ref.conversationId === 'string') return ref.conversationId;
  return address.conversationKey.slice(address.conversationKey.indexOf(':') + 1);
}

export function createDirectLineDelivery(options: DirectLineDeliveryOptions): Delivery {
  const renderer = options.renderer ?? createWebChatRenderer();
  return {
    channels: ['webchat', 'directline'],
    async send(address: ConversationAddress, replies: readonly Reply[]) {
      const conversationId = conversationIdOf(address);
      if (!(await options.conversations.log.get(conversationId))) {
        if (options.fallback) return options.fallback.send(address, replies);
        // Retrying cannot make the conversation appear: the outbox gives the item up at once.
        throw new PermanentDeliveryError(`no Direct Line conversation ${conversationId} in this store`);
      }
      const activities = renderer.render(replies).map((payload) => JSON.parse(JSON.stringify(payload)) as WireActivity);
      await options.conversations.deliver(conversationId, activities);
    },
  };
}
