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
  /** Tells the help desk what became of its tickets (webhook: a signed event; Zendesk: through its API). */
  notify?(event: DeskEvent): Promise<void>;
}

/**
 * What a help desk hears besides new tickets, through the outbox: a handoff the user left before an agent took it,
 * and a user whose data was erased (the handoffs, i.e. ticket idempotency keys, whose tickets hold their data).
 * No words of the user: ids and times only.
 */
export type DeskEvent =
  | { readonly type: 'handoff.cancelled'; readonly id: string; readonly handoffId: string; readonly conversation: string; readonly at: string }
  | { readonly type: 'user.erased'; readonly id: string; readonly erasureId: string; readonly handoffIds: readonly string[]; readonly at: string };

/** How long one request may take before it counts as failed (and is retried). */
export const HELPDESK_TIMEOUT_MS = 10_000;
