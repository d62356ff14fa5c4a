// Adapter middleware for the handoff: (1) knows which conversations have a turn in flight, so a notice ("you're
// number 2 in the queue") waits until the turn's own replies ("connecting you with a person") are sent; (2) reads
// the hub's `handoff.status` events, which the protocol sends as `{ state }`, as the `{ status }` the turn expects.
import type { Middleware, TurnContext } from 'botbuilder';
import { HANDOFF_STATUS_EVENT, conversationKeyOf } from '../activity-to-input';

export type HubStatus = 'accepted' | 'failed' | 'completed';

export interface TurnTracker extends Middleware {
  /** Resolves when no turn of the conversation is in flight on this instance, or after `timeoutMs`. */
  idle(conversationKey: string, timeoutMs?: number): Promise<void>;
}

export interface TurnTrackerOptions {
  /** Called after a hub's handoff.status turn was answered. */
  readonly onHubStatus?: (conversationKey: string, status: HubStatus) => Promise<void>;
}

const HUB_STATUSES: ReadonlySet<string> = new Set(['accepted', 'failed', 'completed']);
type Value = Record<string, unknown>;

export function createTurnTracker(options: TurnTrackerOptions = {}): TurnTracker {
  const inFlight = new Map<string, number>();
  const waiters = new Map<string, Set<() => void>>();

  const end = (key: string): void => {
    const left = (inFlight.get(key) ?? 1) - 1;
    if (left > 0) return void inFlight.set(key, left);
    inFlight.delete(key);
    waiters.get(key)?.forEach((wake) => wake());
    waiters.delete(key);
  };

  /** The hub's status, with `state` (the protocol's field) copied to `status` (ours) when only it is set. */
  function hubStatus(context: TurnContext): HubStatus | undefined {
    const { activity } = context;
    if (activity.type !== 'event' || activity.name !== HANDOFF_STATUS_EVENT) return undefined;
    const value = (typeof activity.value === 'object' && activity.value !== null ? activity.value : {}) as Value;
    if (typeof value.status !== 'string' && typeof value.state === 'string') activity.value = { ...value, status: value.state };
    const status = String((activity.value as Value).status);
    return HUB_STATUSES.has(status) ? (status as HubStatus) : undefined;
  }

  return {
    async onTurn(context, next) {
      // Our own proactive turns (notices, agent messages) are not user turns: nothing to wait for.
      if (context.activity.name === 'ContinueConversation') return next();
      const key = conversationKeyOf(context.activity);
      const hub = hubStatus(context);
      inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
      try {
        await next();
      } finally {
        end(key);
      }
      if (hub) await options.onHubStatus?.(key, hub);
    },
    idle(key, timeoutMs = 5000) {
      if (!inFlight.has(key)) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        timer.unref();
        function done(): void {
          clearTimeout(timer);
          waiters.get(key)?.delete(done);
          resolve();
        }
        waiters.set(key, new Set([...(waiters.get(key) ?? []), done]));
      });
    },
  };
}
