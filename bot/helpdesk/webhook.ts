// The generic signed webhook: the packet as JSON, `X-Signature: sha256=<hex HMAC-SHA256 of the body>` with
// HELPDESK_SECRET, and `Idempotency-Key: <packet id>` so the receiver can drop a retried delivery.
import { createHmac } from 'node:crypto';
import type { HandoffPacket } from '../ports';
import { postJson } from './http';
import type { DeskEvent, HelpdeskConnector } from './types';

export interface WebhookOptions {
  readonly url: string;
  readonly secret: string;
  readonly timeoutMs?: number;
}

/** The body a webhook receiver gets: versioned, so the format can grow without breaking receivers. */
export interface WebhookBody {
  readonly type: 'handoff';
  readonly version: 1;
  readonly packet: HandoffPacket;
}

/** An event's body (`handoff.cancelled`, `user.erased`), signed and keyed like a ticket. */
export interface WebhookEventBody {
  readonly type: DeskEvent['type'];
  readonly version: 1;
  readonly event: DeskEvent;
}

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export function createWebhookConnector(options: WebhookOptions): HelpdeskConnector {
  return {
    kind: 'webhook',
    async send(packet) {
      const payload: WebhookBody = { type: 'handoff', version: 1, packet };
      const body = JSON.stringify(payload);
      const headers = { 'x-signature': signBody(body, options.secret), 'idempotency-key': packet.id };
      const answer = await postJson(options.url, body, headers, 'help desk webhook', options.timeoutMs);
      let ticketId: string | undefined;
      try {
        const parsed = JSON.parse(answer.text) as { id?: unknown; ticketId?: unknown };
        const id = parsed.ticketId ?? parsed.id;
        if (typeof id === 'string' || typeof id === 'number') ticketId = String(id);
      } catch {
        // Receivers may answer with an empty body: the 2xx is all we need.
      }
      return { status: answer.status, ...(ticketId ? { ticketId } : {}) };
    },
    async notify(event) {
      const body = JSON.stringify({ type: event.type, version: 1, event } satisfies WebhookEventBody);
      await postJson(options.url, body, { 'x-signature': signBody(body, options.secret), 'idempotency-key': event.id }, 'help desk webhook', options.timeoutMs);
    },
  };
}
