// Building blocks for analytics tests: turns made of constructed engine events, folded with a fixed id sequence.
import { foldTurn, type FoldOptions } from '../../bot/analytics/fold';
import type { AnalyticsState, SessionFacts, TurnFacts } from '../../bot/analytics/types';
import type { TurnEvent } from '../../dialogs';

export const FLOW = 'iphone-backup-failed';
export const T0 = Date.parse('2026-03-02T09:00:00Z');
export const MIN = 60_000;
export const HOUR = 60 * MIN;

export const ev = {
  start: (flow = FLOW): TurnEvent => ({ type: 'flow_started', flow }),
  shown: (step: string, flow = FLOW): TurnEvent => ({ type: 'step_shown', flow, step }),
  answered: (step: string, answer: 'fixed' | 'not_fixed' | 'already_tried' | 'skipped' | 'later', flow = FLOW): TurnEvent => ({ type: 'step_answered', flow, step, answer }),
  resolved: (step: string, flow = FLOW): TurnEvent => ({ type: 'resolved', flow, step }),
  escalated: (reason: 'asked_person' | 'all_fixes_failed' | 'repeated_misunderstanding' | 'asked_apple', step?: string, flow: string | undefined = step ? FLOW : undefined): TurnEvent =>
    ({ type: 'escalated', reason, routes: ['apple'], ...(flow ? { flow } : {}), ...(step ? { step } : {}) }),
  miss: (): TurnEvent => ({ type: 'not_understood' }),
  offTopic: (): TurnEvent => ({ type: 'out_of_scope' }),
  csatAsked: (): TurnEvent => ({ type: 'csat_asked' }),
  csat: (score: number): TurnEvent => ({ type: 'csat', score }),
  goodbye: (): TurnEvent => ({ type: 'ended', how: 'goodbye' }),
  startOver: (): TurnEvent => ({ type: 'ended', how: 'start_over' }),
};

export interface Step {
  readonly at: number;
  readonly events?: readonly TurnEvent[];
  readonly kind?: TurnFacts['kind'];
  readonly said?: string;
}

/** Folds a conversation's turns and returns every session as last written (by id). */
export function foldConversation(turns: readonly Step[], conversation = 'webchat:c1', options: Partial<FoldOptions> = {}, base: Partial<TurnFacts> = {}): SessionFacts[] {
  let n = 0;
  const fold: FoldOptions = { idleMs: 30 * MIN, returnMs: 72 * HOUR, newId: () => `${conversation}#${(n += 1)}`, ...options };
  let state: AnalyticsState = {};
  const rows = new Map<string, SessionFacts>();
  for (const t of turns) {
    const result = foldTurn(state, {
      at: t.at, kind: t.kind ?? 'message', conversation, channel: 'webchat', locale: 'en-US', knowledge: 'k1', test: false, events: t.events ?? [],
      ...(t.said ? { lastSaid: t.said } : {}), ...base,
    }, fold);
    state = result.state;
    for (const s of result.write.sessions) rows.set(s.id, s);
  }
  return [...rows.values()];
}
