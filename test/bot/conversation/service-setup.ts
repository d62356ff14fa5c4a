// Shared set-up for the ConversationService tests: memory store, scripted engine, fake desk, metrics, a clock.
import type { TurnInput } from '../../../dialogs';
import { createConversationService } from '../../../bot/conversation';
import { createMetrics } from '../../../bot/metrics';
import type { TurnRequest } from '../../../bot/ports';
import { createMemoryStore } from '../../../bot/storage';
import { createFakeDesk } from '../../support/fake-desk';
import { createFakeEngine } from '../../support/fake-engine';

export const KEY = 'emulator:c1';
export const clock = { now: Date.parse('2025-03-01T10:00:00Z') };

export function resetClock(): void {
  clock.now = Date.parse('2025-03-01T10:00:00Z');
}

export const request = (input: Partial<TurnInput>, activityId?: string): TurnRequest => ({
  address: { channel: 'emulator', conversationKey: KEY, reference: {} },
  user: { id: 'u1', name: 'Ann' },
  input: { kind: 'message', now: new Date(clock.now).toISOString(), ...input },
  ...(activityId ? { activityId } : {}),
});

export function setup(options: { ttl?: number } = {}) {
  const store = createMemoryStore();
  const engine = createFakeEngine();
  const desk = createFakeDesk();
  const metrics = createMetrics();
  const unrecognized: unknown[] = [];
  const service = createConversationService({
    engine, store, desk, metrics, sessionTtlMinutes: options.ttl ?? 60,
    unrecognized: { record: async (e) => void unrecognized.push(e) },
  });
  return { store, engine, desk, metrics, service, unrecognized };
}
