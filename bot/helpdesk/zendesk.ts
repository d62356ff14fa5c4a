// Zendesk's Tickets API: POST {HELPDESK_URL}/api/v2/tickets.json with basic auth `{email}/token:{api token}`.
// The packet id is both the ticket's external_id and the Idempotency-Key header, so a retry never makes a second ticket.
import type { HandoffPacket } from '../ports';
import { joinUrl, postJson } from './http';
import { ticketSubject, ticketText } from './ticket-text';
import type { HelpdeskConnector } from './types';
import { notifyZendesk } from './zendesk-events';

export interface ZendeskOptions {
  /** https://<subdomain>.zendesk.com */
  readonly url: string;
  readonly email: string;
  readonly apiToken: string;
  readonly timeoutMs?: number;
}

export interface ZendeskTicketBody {
  readonly ticket: {
    readonly subject: string;
    readonly comment: { readonly body: string; readonly public: false };
    readonly external_id: string;
    readonly tags: readonly string[];
    readonly priority: 'normal' | 'high';
    readonly requester?: { readonly email: string; readonly name: string };
  };
}

/** Tags let a Zendesk view or trigger pick these tickets up: where they came from and why. */
const tagOf = (text: string): string => text.toLowerCase().replace(/[^a-z0-9_]+/g, '_').slice(0, 40);

export function zendeskTicket(packet: HandoffPacket): ZendeskTicketBody {
  return {
    ticket: {
      subject: ticketSubject(packet),
      // An internal note: the transcript is for agents, not mailed back to the user.
      comment: { body: ticketText(packet), public: false },
      external_id: packet.id,
      tags: ['chatbot_handoff', tagOf(packet.reason), tagOf(`channel_${packet.channel}`), ...(packet.pack ? [tagOf(packet.pack)] : [])],
      priority: packet.reason === 'all_fixes_failed' ? 'high' : 'normal',
      // The email the user gave: Zendesk makes (or finds) that requester, so the agent's public reply reaches them.
      ...(packet.contact ? { requester: { email: packet.contact.email, name: packet.user.name ?? packet.contact.email } } : {}),
    },
  };
}

export function basicAuth(email: string, apiToken: string): string {
  return `Basic ${Buffer.from(`${email}/token:${apiToken}`, 'utf8').toString('base64')}`;
}

export function createZendeskConnector(options: ZendeskOptions): HelpdeskConnector {
  const url = joinUrl(options.url, '/api/v2/tickets.json');
  const authorization = basicAuth(options.email, options.apiToken);
  return {
    kind: 'zendesk',
    async send(packet) {
      const body = JSON.stringify(zendeskTicket(packet));
      const answer = await postJson(url, body, { authorization, 'idempotency-key': packet.id }, 'Zendesk', options.timeoutMs);
      let ticketId: string | undefined;
      try {
        const id = (JSON.parse(answer.text) as { ticket?: { id?: unknown } }).ticket?.id;
        if (typeof id === 'number' || typeof id === 'string') ticketId = String(id);
      } catch {
        // A 2xx without the usual body still means the ticket exists.
      }
      return { status: answer.status, ...(ticketId ? { ticketId } : {}) };
    },
    notify: (event) => notifyZendesk({ url: options.url, authorization, timeoutMs: options.timeoutMs }, event),
  };
}
