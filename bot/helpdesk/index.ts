// Help-desk connectors, picked from the configuration: a signed webhook, Zendesk, or none (no tickets).
import type { Config } from '../config';
import type { HelpdeskConnector } from './types';
import { createWebhookConnector } from './webhook';
import { createZendeskConnector } from './zendesk';

export type { DeskEvent, HelpdeskConnector, TicketReceipt } from './types';
export { createDeskEventHandler, deskEventItem, DESK_EVENT_KIND } from './event-handler';
export { createWebhookConnector, signBody, type WebhookBody, type WebhookEventBody } from './webhook';
export { createZendeskConnector, basicAuth, zendeskTicket, type ZendeskTicketBody } from './zendesk';
export { ticketSubject, ticketText } from './ticket-text';

type HelpdeskConfig = Pick<Config, 'helpdeskKind' | 'helpdeskUrl' | 'helpdeskSecret' | 'zendeskEmail' | 'zendeskApiToken'>;

/** The connector for HELPDESK_KIND, or undefined for `none`/unset (config.ts already checked the required values). */
export function createHelpdeskConnector(config: HelpdeskConfig): HelpdeskConnector | undefined {
  const { helpdeskKind: kind, helpdeskUrl: url } = config;
  if (!kind || kind === 'none' || !url) return undefined;
  if (kind === 'webhook') return createWebhookConnector({ url, secret: config.helpdeskSecret ?? '' });
  return createZendeskConnector({ url, email: config.zendeskEmail ?? '', apiToken: config.zendeskApiToken ?? '' });
}
export { createTicketHandler } from './ticket-handler';
