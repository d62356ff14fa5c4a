// Small helpers on a route's Outcome: add the events it states (events.ts reads the rest off the turn).
import type { TurnEvent } from './types';
import type { Outcome } from './context';

/** The outcome with `events` added after its own (or before them, with `first`). */
export function withEvents<T extends Outcome>(outcome: T, events: readonly TurnEvent[], first = false): T {
  const own = outcome.events ?? [];
  return { ...outcome, events: first ? [...events, ...own] : [...own, ...events] };
}
