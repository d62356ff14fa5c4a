// Picks the Delivery for a conversation: our Direct Line for web chat, Slack's Web API for Slack threads, and the
// Bot Framework adapter for everything that came through it.
import type { Reply } from '../../dialogs';
import { PermanentDeliveryError } from '../outbox/errors';
import type { ConversationAddress, Delivery } from '../ports';
import { isSlackThread } from './addresses';

export interface Deliveries {
  send(address: ConversationAddress, replies: readonly Reply[]): Promise<void>;
}

export interface DeliveryParts {
  /** Web chat on our Direct Line (it falls back to Bot Framework for conversations that are not ours). */
  readonly directLine?: Delivery;
  readonly slack?: Delivery;
  readonly botFramework: Delivery;
}

export function createDeliveries(parts: DeliveryParts): Deliveries {
  function pick(address: ConversationAddress): Delivery {
    if (isSlackThread(address)) {
      if (!parts.slack) throw new PermanentDeliveryError('a Slack thread, but Slack is not configured (SLACK_BOT_TOKEN)');
      return parts.slack;
    }
    if (parts.directLine?.channels.includes(address.channel)) return parts.directLine;
    return parts.botFramework;
  }
  return {
    send: async (address, replies) => pick(address).send(address, replies),
  };
}
