// Drill-down: from any number of the report to the sessions behind it. A metric names the number the way the
// dashboard does (`escalated`, `flow:<flow>:abandoned`, `step:<flow>:<step>:dropped`, `day:<date>:sessions`, …);
// the same classify/stepFate decide membership, so a list has exactly as many sessions as its number counts.
import { classify, stepFate, type Clock, type Outcome } from './classify';
import { matcher, utcDay, type ReportFilter } from './filters';
import type { SessionFacts } from './types';

export interface SessionView {
  readonly id: string;
  readonly conversation: string;
  readonly channel: string;
  readonly locale?: string;
  readonly started_at: string;
  readonly last_at: string;
  readonly outcome: Outcome;
  readonly flow?: string;
  readonly last_step?: string;
  readonly last_said?: string;
  readonly escalation?: SessionFacts['escalated'];
  readonly csat?: number;
  readonly user_messages: number;
  readonly unrecognized_messages: number;
  readonly test: boolean;
}

type Test = (s: SessionFacts, clock: Clock) => boolean;

const OUTCOME_METRICS = new Set(['resolved_confirmed', 'resolved_assumed', 'escalated', 'abandoned', 'awaiting_return', 'in_progress', 'unengaged']);
const STEP_COLUMNS = new Set(['shown', 'fixed', 'not_fixed', 'already_tried', 'dropped', 'escalated', 'skipped', 'waiting', 'escalated_unanswered']);

export class MetricError extends Error {
  readonly code = 'invalid_metric';
}

function base(name: string): Test | undefined {
  if (name === 'sessions') return () => true;
  if (name === 'engaged') return (s) => s.engaged;
  if (name === 'unrecognized_messages' || name === 'unrecognized') return (s) => s.unrecognized > 0;
  if (name === 'user_messages') return (s) => s.userMessages > 0;
  if (name === 'csat') return (s) => s.csat !== undefined;
  if (name === 'csat_asked') return (s) => s.csatAsked === true;
  if (name === 'recontacts') return (s, c) => s.returned === true && classify(s, c) === 'resolved_confirmed';
  if (OUTCOME_METRICS.has(name)) return (s, c) => classify(s, c) === name;
  return undefined;
}

/** The membership test for a metric name; throws MetricError for one the report has no number for. */
export function metricTest(metric: string): Test {
  const parts = metric.split(':');
  const [kind] = parts;
  const fail = (): never => {
    throw new MetricError(`unknown metric "${metric.slice(0, 100)}"`);
  };
  if (parts.length === 1) return base(metric) ?? fail();
  if (kind === 'flow' && parts.length === 3) {
    const [, flow, name] = parts;
    const inner = name === 'sessions' ? () => true : OUTCOME_METRICS.has(name as string) ? base(name as string) : undefined;
    if (!inner) return fail();
    return (s, c) => s.engaged && s.flow === flow && inner(s, c);
  }
  if (kind === 'day' && parts.length === 3) {
    const [, date, name] = parts;
    const inner = base(name as string) ?? fail();
    return (s, c) => utcDay(s.startedAt) === date && inner(s, c);
  }
  if (kind === 'reason' && parts.length === 2) return (s) => s.escalated?.reason === parts[1];
  if (kind === 'csat' && parts.length === 2) return (s) => String(s.csat) === parts[1];
  if (kind === 'step' && parts.length === 4) {
    const [, flow, step, column] = parts;
    if (!STEP_COLUMNS.has(column as string)) return fail();
    return (s, c) => s.steps.some((v) => {
      if (v.flow !== flow || v.step !== step) return false;
      if (column === 'shown') return true;
      if (column === 'escalated') return v.escalated === true;
      return stepFate(v, s, c) === column;
    });
  }
  if (kind === 'moved' && parts.length === 4) {
    const [, flow, from, to] = parts;
    return (s) => s.steps.some((v, i) => v.flow === flow && v.step === from && s.steps[i + 1]?.flow === flow && s.steps[i + 1]?.step === to);
  }
  return fail();
}

export function viewOf(s: SessionFacts, clock: Clock): SessionView {
  const last = s.lastStep === undefined ? undefined : s.steps[s.lastStep];
  return {
    id: s.id, conversation: s.conversation, channel: s.channel, ...(s.locale ? { locale: s.locale } : {}),
    started_at: new Date(s.startedAt).toISOString(), last_at: new Date(s.lastAt).toISOString(),
    outcome: classify(s, clock), ...(s.flow ? { flow: s.flow } : {}), ...(last ? { last_step: last.step } : {}),
    ...(s.lastSaid ? { last_said: s.lastSaid } : {}), ...(s.escalated ? { escalation: s.escalated } : {}),
    ...(s.csat !== undefined ? { csat: s.csat } : {}), user_messages: s.userMessages, unrecognized_messages: s.unrecognized, test: s.test,
  };
}

export interface DrillResult {
  readonly metric: string;
  readonly total: number;
  readonly sessions: readonly SessionView[];
}

/** The sessions behind a metric, newest first; `total` counts them all, `sessions` holds the first `limit`. */
export function drill(all: readonly SessionFacts[], metric: string, filter: ReportFilter, clock: Clock, limit = 200): DrillResult {
  const keep = matcher(filter);
  const test = metricTest(metric);
  const hits = all.filter((s) => keep(s) && test(s, clock)).sort((a, b) => b.startedAt - a.startedAt || a.id.localeCompare(b.id));
  return { metric, total: hits.length, sessions: hits.slice(0, Math.max(0, limit)).map((s) => viewOf(s, clock)) };
}
