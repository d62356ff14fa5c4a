// The outbox handler for ticket items: the packet to the configured help desk, the receipt to the log.
import type { Logger } from '../logger';
import { PermanentDeliveryError } from '../outbox/errors';
import type { OutboxHandler } from '../outbox/worker';
import type { HandoffPacket } from '../ports';
import type { HelpdeskConnector } from './types';

export function createTicketHandler(connector: HelpdeskConnector, logger: Logger): OutboxHandler {
  return async (item) => {
    const packet = (item.payload as { packet?: HandoffPacket }).packet;
    if (!packet || typeof packet.id !== 'string') throw new PermanentDeliveryError('ticket item without a packet');
    const receipt = await connector.send(packet);
    logger.info({ helpdesk: connector.kind, handoff: packet.id, ticket: receipt.ticketId, status: receipt.status, attempt: item.attempts }, 'help-desk ticket delivered');
  };
}
