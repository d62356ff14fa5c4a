// The outbox handler for ticket items: the packet to the configured help desk, the receipt to the log.
import type { Logger } from '../logger';
import type { OutboxHandler } from '../outbox/worker';
import type { PacketLookup } from '../handoff/packet-ref';
import type { HelpdeskConnector } from './types';

export function createTicketHandler(connector: HelpdeskConnector, logger: Logger, packetOf: PacketLookup): OutboxHandler {
  return async (item) => {
    const packet = await packetOf(item);
    if (!packet) return logger.info({ outboxId: item.id }, 'ticket superseded by a newer story of the same handoff');
    const receipt = await connector.send(packet);
    logger.info({ helpdesk: connector.kind, handoff: packet.id, ticket: receipt.ticketId, status: receipt.status, attempt: item.attempts }, 'help-desk ticket delivered');
  };
}
