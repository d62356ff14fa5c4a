// How a stored session counts at a given moment: its outcome, and the fate of each step it showed. The report, the
// dashboard's numbers and their drill-down all use these two functions, so a number and its list always agree.
import type { SessionFacts, StepVisit } from './types';

export type Outcome = 'unengaged' | 'in_progress' | 'resolved_confirmed' | 'resolved_assumed' | 'awaiting_return' | 'escalated' | 'abandoned';

export const OUTCOMES: readonly Outcome[] = ['resolved_confirmed', 'resolved_assumed', 'escalated', 'abandoned', 'awaiting_return', 'in_progress', 'unengaged'];

export type StepFate = 'fixed' | 'not_fixed' | 'already_tried' | 'skipped' | 'dropped' | 'waiting' | 'escalated_unanswered';

export interface Clock {
  /** The moment the report is made (epoch ms). */
  readonly now: number;
  readonly idleMs: number;
  readonly returnMs: number;
}

/** Ended: said goodbye or started over, or idle for longer than the session time-out. */
export const isEnded = (s: SessionFacts, clock: Clock): boolean => s.end !== undefined || clock.now - s.lastAt > clock.idleMs;

/** A fix was shown last and left without an answer (or "later"), and nothing was asked after it. */
export function leftAfterFix(s: SessionFacts): boolean {
  const last = s.lastStep === undefined ? undefined : s.steps[s.lastStep];
  return last !== undefined && (last.answer === undefined || last.answer === 'later') && !last.escalated && s.helpAfterStep !== true;
}

export function classify(s: SessionFacts, clock: Clock): Outcome {
  if (!s.engaged) return 'unengaged';
  if (s.escalated) return 'escalated';
  if (s.resolved) return 'resolved_confirmed';
  if (!isEnded(s, clock)) return 'in_progress';
  if (!leftAfterFix(s) || s.returned) return 'abandoned';
  return clock.now - s.lastAt > clock.returnMs ? 'resolved_assumed' : 'awaiting_return';
}

/** What became of a step shown in a session: the user's answer, or no answer (dropped once the session is over). */
export function stepFate(v: StepVisit, s: SessionFacts, clock: Clock): StepFate {
  switch (v.answer) {
    case 'fixed':
    case 'not_fixed':
    case 'already_tried':
      return v.answer;
    case 'passed':
    case 'skipped':
      return 'skipped';
    default:
      if (v.escalated) return 'escalated_unanswered';
      return isEnded(s, clock) || s.escalated || s.resolved ? 'dropped' : 'waiting';
  }
}
