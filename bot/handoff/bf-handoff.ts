// The Bot Framework handoff protocol, outbound: a `handoff.initiate` event (botbuilder's EventFactory) with the packet
// as its context and the transcript attached, sent proactively so hubs behind Azure Bot Service (Dynamics 365
// Omnichannel, LivePerson, Genesys) can take the conversation. Their `handoff.status` answers come in as turns.
import { EventFactory, type Activity, type CloudAdapter, type Transcript, type TurnContext } from 'botbuilder';
import type { OutboxHandler } from '../outbox/worker';
import { PermanentDeliveryError } from '../outbox/errors';
import type { ConversationAddress, TranscriptEntry } from '../ports';
import type { PacketLookup } from './packet-ref';
import { continueConversation } from './bf-delivery';

/** The transcript as Bot Framework activities, the shape hubs read from the attachment. */
export function transcriptActivities(entries: readonly TranscriptEntry[], context: TurnContext): Transcript {
  // In a continuation turn the activity comes "from" the user, to the bot.
  const { from: user, recipient: bot, conversation, channelId } = context.activity;
  const activities = entries.map((entry) => {
    const speaker = entry.from === 'user' ? { ...user, role: 'user' } : { ...bot, ...(entry.name ? { name: entry.name } : {}), role: entry.from === 'agent' ? 'agent' : 'bot' };
    return { type: 'message', text: entry.text, timestamp: entry.at, from: speaker, conversation, channelId } as unknown as Activity;
  });
  return { activities };
}

export function createHubHandler(options: { adapter: CloudAdapter; appId?: string }, packetOf: PacketLookup): OutboxHandler {
  return async (item) => {
    const { address } = item.payload as { address?: ConversationAddress };
    if (!address) throw new PermanentDeliveryError('hub item without an address');
    const packet = await packetOf(item);
    if (!packet) return; // a newer story of the same handoff replaced it: its own item sends that one
    await continueConversation(options, address, async (context) => {
      const event = EventFactory.createHandoffInitiation(context, packet, transcriptActivities(packet.transcript, context));
      await context.sendActivity(event);
    });
  };
}
