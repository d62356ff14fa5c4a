// Zendesk and the desk events (DeskEvent): tickets are found by their external_id (the handoff id we created them
// with). A cancelled handoff's ticket gets an internal note and is solved; an erased user's tickets are deleted and
// then deleted permanently (Zendesk's way to remove personal data from tickets), which its API allows an admin token.
import { joinUrl, requestJson } from './http';
import type { DeskEvent } from './types';

export interface ZendeskApi {
  readonly url: string;
  readonly authorization: string;
  readonly timeoutMs?: number;
}

/** An agent-facing note; these labels are for the help desk, not the user, so they live here rather than in knowledge. */
export const CANCELLED_NOTE = 'The user went back to the chat bot before an agent took this conversation, so the handoff was cancelled. Solved by the bot; reopen it if you still want to contact them.';

async function call(api: ZendeskApi, method: string, pathname: string, body?: unknown, accept?: readonly number[]) {
  return requestJson(method, joinUrl(api.url, pathname), {
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    headers: { authorization: api.authorization },
    what: 'Zendesk',
    timeoutMs: api.timeoutMs,
    ...(accept ? { accept } : {}),
  });
}

/** The ids of the tickets made for a handoff. */
export async function ticketsFor(api: ZendeskApi, handoffId: string): Promise<string[]> {
  const answer = await call(api, 'GET', `/api/v2/tickets.json?external_id=${encodeURIComponent(handoffId)}`);
  try {
    const tickets = (JSON.parse(answer.text) as { tickets?: { id?: unknown }[] }).tickets ?? [];
    return tickets.map((t) => t.id).filter((id) => typeof id === 'number' || typeof id === 'string').map(String);
  } catch {
    throw new Error('Zendesk answered the ticket search with something other than JSON');
  }
}

export async function notifyZendesk(api: ZendeskApi, event: DeskEvent): Promise<void> {
  if (event.type === 'handoff.cancelled') {
    const ids = await ticketsFor(api, event.handoffId);
    // The ticket may not be made yet (its outbox item retrying): an ordinary error, so this event is tried again.
    if (ids.length === 0) throw new Error(`no Zendesk ticket for ${event.handoffId} yet`);
    for (const id of ids) {
      await call(api, 'PUT', `/api/v2/tickets/${id}.json`, { ticket: { status: 'solved', comment: { body: CANCELLED_NOTE, public: false } } });
    }
    return;
  }
  for (const handoffId of event.handoffIds) {
    for (const id of await ticketsFor(api, handoffId)) {
      // 404: deleted already (a retry after a crash half-way); the permanent delete is a job Zendesk runs.
      await call(api, 'DELETE', `/api/v2/tickets/${id}.json`, undefined, [404]);
      await call(api, 'DELETE', `/api/v2/deleted_tickets/${id}.json`, undefined, [404]);
    }
  }
}
