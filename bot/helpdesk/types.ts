// A help-desk connector: turns a handoff packet into a ticket, idempotently (the packet id is the key).
import type { HandoffPacket } from '../ports';

export interface TicketReceipt {
  /** The help desk's id for the ticket, when it says. */
  readonly ticketId?: string;
  readonly status: number;
}

export interface HelpdeskConnector {
  readonly kind: 'webhook' | 'zendesk';
  /**
   * Creates the ticket. Sending the same packet again must not create a second ticket (idempotency key = packet id).
   * Throws PermanentDeliveryError for a 4xx (never retried); any other error is retried by the outbox.
   */
  send(packet: HandoffPacket): Promise<TicketReceipt>;
}

/** How long one request may take before it counts as failed (and is retried). */
export const HELPDESK_TIMEOUT_MS = 10_000;
