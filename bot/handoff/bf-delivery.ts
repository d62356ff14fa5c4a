// Proactive messages on Bot Framework channels (Teams, Emulator, Azure Direct Line, Slack via Azure): the adapter's
// continueConversationAsync with the stored ConversationReference, rendered by the channel's renderer.
import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Reply } from '../../dialogs';
import { PermanentDeliveryError } from '../outbox/errors';
import type { ConversationAddress, Delivery } from '../ports';
import type { BotFrameworkPayload } from '../renderers/bot-framework';
import type { RendererRegistry } from '../renderers/select';

export interface BotFrameworkDeliveryOptions {
  readonly adapter: CloudAdapter;
  /** MicrosoftAppId; empty for the Emulator and local development (no authentication). */
  readonly appId?: string;
  readonly renderers: RendererRegistry<BotFrameworkPayload>;
}

/** The stored reference, or a permanent failure: without a serviceUrl nobody can be reached. */
export function referenceOf(address: ConversationAddress): Partial<ConversationReference> {
  const reference = address.reference as Partial<ConversationReference>;
  if (typeof reference.serviceUrl !== 'string' || !reference.conversation?.id) {
    throw new PermanentDeliveryError(`${address.conversationKey} has no Bot Framework conversation reference`);
  }
  return reference;
}

/** A channel's refusal (4xx from the Connector API: the bot was removed, the conversation is gone) is permanent. */
export function connectorFailure(err: unknown): Error {
  const status = (err as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429) {
    return new PermanentDeliveryError(`the channel refused the message (HTTP ${status})`, { cause: err });
  }
  return err instanceof Error ? err : new Error(String(err));
}

/** Runs `logic` in a proactive turn of the conversation; channel errors come back classified. */
export async function continueConversation(
  options: Pick<BotFrameworkDeliveryOptions, 'adapter' | 'appId'>,
  address: ConversationAddress,
  logic: (context: TurnContext) => Promise<void>,
): Promise<void> {
  try {
    await options.adapter.continueConversationAsync(options.appId ?? '', referenceOf(address), logic);
  } catch (err) {
    throw err instanceof PermanentDeliveryError ? err : connectorFailure(err);
  }
}

export function createBotFrameworkDelivery(options: BotFrameworkDeliveryOptions): Delivery {
  return {
    channels: ['*'],
    async send(address: ConversationAddress, replies: readonly Reply[]) {
      const payloads = options.renderers.forChannel(address.channel).render(replies);
      if (payloads.length === 0) return;
      await continueConversation(options, address, async (context) => {
        await context.sendActivities(payloads as Partial<Activity>[]);
      });
    },
  };
}
