// Sends replies into a Slack thread (chat.postMessage, in order): the answer to a turn, and the Slack `Delivery`
// for proactive messages (agent relay, hand-back, handoff status) addressed by `{ team, channel, thread_ts }`.
import type { Reply } from '../../dialogs';
import type { ConversationAddress, Delivery } from '../ports';
import { createSlackRenderer, type SlackMessage } from '../renderers/slack';
import type { Renderer } from '../renderers/types';
import type { SlackClient } from './client';
import type { SlackThread } from './messages';

export async function postReplies(client: SlackClient, renderer: Renderer<SlackMessage>, thread: SlackThread, replies: readonly Reply[]): Promise<void> {
  for (const message of renderer.render(replies)) {
    await client.chat.postMessage({
      channel: thread.channel,
      thread_ts: thread.thread_ts,
      text: message.text,
      blocks: [...message.blocks],
      // Link previews of support pages would bury the instructions.
      unfurl_links: false,
      unfurl_media: false,
    });
  }
}

/** The thread in a Slack address, or an error naming what is missing (an address from another channel). */
export function threadOf(address: ConversationAddress): SlackThread {
  const { team, channel, thread_ts: threadTs } = address.reference as Partial<Record<keyof SlackThread, unknown>>;
  if (typeof channel !== 'string' || typeof threadTs !== 'string') {
    throw new Error(`not a Slack address: ${address.conversationKey} has no channel and thread_ts`);
  }
  return { team: typeof team === 'string' ? team : 'unknown', channel, thread_ts: threadTs };
}

export interface SlackDeliveryOptions {
  readonly client: SlackClient;
  readonly renderer?: Renderer<SlackMessage>;
}

export function createSlackDelivery(options: SlackDeliveryOptions): Delivery {
  const renderer = options.renderer ?? createSlackRenderer();
  return {
    channels: ['slack'],
    send: (address, replies) => postReplies(options.client, renderer, threadOf(address), replies),
  };
}
