// Outbox items about a handoff (the ticket, the hub's handoff.initiate) carry the packet's id, not the packet: it is
// stored once, in the handoff record, instead of a 20–40 KB copy per item written, claimed and parsed again.
import { PermanentDeliveryError } from '../outbox/errors';
import type { HandoffPacket, OutboxItem } from '../ports';
import type { HandoffRecords } from './records';

export interface PacketRef {
  readonly handoffId: string;
  readonly conversationKey: string;
}

/** Finds the packet an item refers to; `undefined` when a newer story for the same handoff replaced it (its own item sends that). */
export type PacketLookup = (item: OutboxItem) => Promise<HandoffPacket | undefined>;

export function createPacketLookup(records: Pick<HandoffRecords, 'get'>): PacketLookup {
  return async (item) => {
    const payload = item.payload as Partial<PacketRef> & { packet?: HandoffPacket };
    // Items enqueued before packets were referenced carry their own copy.
    if (payload.packet && typeof payload.packet.id === 'string') return payload.packet;
    const { handoffId, conversationKey } = payload;
    if (typeof handoffId !== 'string' || typeof conversationKey !== 'string') throw new PermanentDeliveryError('handoff item without a packet');
    const record = await records.get(conversationKey);
    if (!record) throw new PermanentDeliveryError('the handoff record is gone (erased or past its lifetime)');
    return record.id === handoffId ? record.packet : undefined;
  };
}
