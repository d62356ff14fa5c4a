// What happened in a turn, as data (TurnEvent): the events routes state (a flow started, an escalation) plus those
// read off the turn itself (steps shown and answered, a resolution, a message not understood). Analytics, policy
// tests and languages all read these; nothing here holds what the user typed.
import type { Effect, Reply, Session, StepRecord, TurnEvent } from './types';

/** Step records that are new or changed this turn; `skipped` (a fact rules the step out) is not the user's answer. */
function answered(before: Session, after: Session): readonly StepRecord[] {
  const old = new Map(before.steps.map((r) => [r.stepId, r]));
  return after.steps.filter((r) => {
    const was = old.get(r.stepId);
    return r.outcome !== 'skipped' && (was === undefined || was.outcome !== r.outcome || was.at !== r.at);
  });
}

/** The flow a step record belongs to: the session's flow after the turn, else before (a fresh start clears it). */
const flowOf = (before: Session, after: Session): string | undefined => after.flowId ?? before.flowId;

export interface TurnFacts {
  readonly before: Session;
  readonly after: Session;
  readonly replies: readonly Reply[];
  readonly effects: readonly Effect[];
  readonly route: string;
  /** Events a route stated itself (flow started, escalated, CSAT …), in order. */
  readonly stated: readonly TurnEvent[];
}

/** The turn's events in a stable order: started, answered, shown, resolved, escalated, the rest. */
export function turnEvents(t: TurnFacts): readonly TurnEvent[] {
  const flow = flowOf(t.before, t.after);
  const events: TurnEvent[] = [];
  const stated = (type: TurnEvent['type']) => t.stated.filter((e) => e.type === type);
  events.push(...stated('flow_started'));
  if (flow !== undefined) {
    for (const r of answered(t.before, t.after)) events.push({ type: 'step_answered', flow, step: r.stepId, answer: r.outcome });
  }
  events.push(...stated('step_answered'));
  for (const r of t.replies) {
    if (r.kind === 'step' && r.stepId !== undefined && t.after.flowId !== undefined) events.push({ type: 'step_shown', flow: t.after.flowId, step: r.stepId });
  }
  for (const e of t.effects) if (e.type === 'resolved') events.push({ type: 'resolved', flow: e.flowId, step: e.stepId });
  events.push(...stated('resolved'), ...stated('escalated'));
  if (t.effects.some((e) => e.type === 'unrecognized') || t.route === 'fallback' || t.route === 'fallback_human') events.push({ type: 'not_understood' });
  const listed = new Set(['flow_started', 'step_answered', 'resolved', 'escalated']);
  events.push(...t.stated.filter((e) => !listed.has(e.type)));
  return events;
}
