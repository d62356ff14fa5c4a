// The analytics side of a privacy erasure: one conversation's sessions keep counting, but its key is replaced by an
// anonymous id, so nothing links them to the person any more. For the privacy feature to register as a participant.
import { randomUUID } from 'node:crypto';
import type { AnalyticsStore } from './types';

export interface AnalyticsPrivacy {
  readonly name: 'analytics';
  /** Unlinks the conversation's analytics sessions; resolves to how many were changed. */
  erase(conversationKey: string): Promise<number>;
  /** What analytics holds about the conversation (its sessions' facts: no words, no names). */
  export(conversationKey: string): Promise<unknown>;
}

export function createAnalyticsPrivacy(analytics: Pick<AnalyticsStore, 'unlink' | 'conversationSessions'>): AnalyticsPrivacy {
  return {
    name: 'analytics',
    erase: (conversationKey) => analytics.unlink(conversationKey, `anonymous:${randomUUID()}`),
    export: async (conversationKey) => ({ sessions: await analytics.conversationSessions(conversationKey) }),
  };
}
