// The outbox handler for desk events (`handoff.cancelled`, `user.erased`): the event to the configured help desk.
import type { Logger } from '../logger';
import { PermanentDeliveryError } from '../outbox/errors';
import type { OutboxHandler } from '../outbox/worker';
import type { DeskEvent, HelpdeskConnector } from './types';

/** The outbox item of a desk event: its id is the event's, so enqueueing it twice sends it once. */
export function deskEventItem(event: DeskEvent, orderKey?: string) {
  return { id: event.id, kind: DESK_EVENT_KIND, payload: { event, ...(orderKey ? { orderKey } : {}) } };
}

export const DESK_EVENT_KIND = 'helpdesk.event';

export function createDeskEventHandler(connector: HelpdeskConnector, logger: Logger): OutboxHandler {
  return async (item) => {
    const event = (item.payload as { event?: DeskEvent }).event;
    if (!event || typeof event.id !== 'string' || (event.type !== 'handoff.cancelled' && event.type !== 'user.erased')) {
      throw new PermanentDeliveryError('desk event item without an event');
    }
    if (!connector.notify) return;
    await connector.notify(event);
    logger.info({ helpdesk: connector.kind, event: event.type, eventId: event.id, attempt: item.attempts }, 'help-desk event delivered');
  };
}
