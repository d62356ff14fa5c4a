// What "a person" means in this deployment (TurnInput.handoff), and what the bot may therefore offer and promise.
import type { EscalationRoute, HandoffCapabilities, TurnInput } from './types';

/** No help desk configured: nobody can join the chat and no ticket can be made (the default). */
export const NOBODY: HandoffCapabilities = { tickets: false, live: false, hub: false };

export function capabilitiesOf(input: Pick<TurnInput, 'handoff'>): HandoffCapabilities {
  const h = input.handoff;
  if (typeof h !== 'object' || h === null) return NOBODY;
  return { tickets: h.tickets === true, live: h.live === true, hub: h.hub === true };
}

/** Someone can join this chat (the agent inbox, or a hub on this channel). */
export const someoneCanJoin = (c: HandoffCapabilities): boolean => c.live || c.hub;

/** Any person at all: one who joins the chat, or a help desk that answers a ticket. */
export const anyPerson = (c: HandoffCapabilities): boolean => c.tickets || c.live || c.hub;

/** Where a handoff opened now goes, Apple's contact first (it is given every time). */
export function handoffRoutes(c: HandoffCapabilities): readonly EscalationRoute[] {
  return ['apple', ...(c.tickets ? ['ticket' as const] : []), ...(c.live ? ['live' as const] : []), ...(c.hub ? ['hub' as const] : [])];
}

/** Choice values that lead to a person: offered only where one exists, so no button promises what is not there. */
const PERSON_VALUES = new Set(['human']);

/** Whether a choice may be offered under these capabilities. */
export function offerable(c: HandoffCapabilities): (value: string) => boolean {
  const person = anyPerson(c);
  return (value) => person || !PERSON_VALUES.has(value);
}
