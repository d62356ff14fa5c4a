// An in-memory HandoffDesk for tests: records every handoff opened and every message relayed; agents are toggled by hand.
import type { ConversationAddress, HandoffDesk, HandoffPacket, TranscriptEntry } from '../../bot/ports';

export interface FakeDesk extends HandoffDesk {
  readonly opened: { packet: HandoffPacket; address: ConversationAddress }[];
  readonly relayed: { conversationKey: string; entry: TranscriptEntry }[];
  /** Conversation keys an agent currently has. */
  readonly withAgent: Set<string>;
  readonly cancelled: string[];
}

export function createFakeDesk(): FakeDesk {
  const opened: FakeDesk['opened'] = [];
  const relayed: FakeDesk['relayed'] = [];
  const withAgent = new Set<string>();
  const cancelled: string[] = [];
  return {
    opened,
    relayed,
    withAgent,
    cancelled,
    async cancel(conversationKey) {
      cancelled.push(conversationKey);
    },
    async isWithAgent(key) {
      return withAgent.has(key);
    },
    async relayFromUser(conversationKey, entry) {
      relayed.push({ conversationKey, entry });
    },
    async open(packet, address) {
      // Idempotent by packet id, like the real desk.
      if (!opened.some((o) => o.packet.id === packet.id)) opened.push({ packet, address });
    },
  };
}
