// Sessions → the report (Summary): outcome counts and rates over engaged sessions, per flow, per day, the step
// funnel with how many moved on from each step, escalation reasons, CSAT. One pass; classify.ts decides each count.
import { classify, stepFate, type Clock, type Outcome } from './classify';
import { matcher, utcDay, type ReportFilter } from './filters';
import type { DayRow, FlowRow, StepRow, Summary } from './summary-types';
import type { SessionFacts } from './types';

export interface SummarizeOptions extends Clock {
  readonly filter: ReportFilter;
  /** Flows in knowledge order, so steps are listed as the flow runs (unknown ones after, as first seen). */
  readonly flowOrder?: readonly { readonly id: string; readonly steps: readonly { readonly id: string }[] }[];
}

type Counts<K extends string> = Record<K, number>;
type MutableStep = { -readonly [K in keyof StepRow]: StepRow[K] } & { moved_on: Record<string, number> };
type MutableFlow = { -readonly [K in keyof FlowRow]: FlowRow[K] };
type MutableDay = { -readonly [K in keyof DayRow]: DayRow[K] };

const ratio = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);
const inc = (map: Record<string, number>, key: string, by = 1): void => {
  map[key] = (map[key] ?? 0) + by;
};

export function summarize(all: readonly SessionFacts[], options: SummarizeOptions): Summary {
  const keep = matcher(options.filter);
  const outcomes: Counts<Outcome> = { unengaged: 0, in_progress: 0, resolved_confirmed: 0, resolved_assumed: 0, awaiting_return: 0, escalated: 0, abandoned: 0 };
  let [sessions, userMessages, unrecognized, outOfScope, recontacts, csatAsked, csatSum, csatResponses] = [0, 0, 0, 0, 0, 0, 0, 0];
  const scores: Record<'1' | '2' | '3' | '4' | '5', number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  const steps = new Map<string, MutableStep>();
  const flows = new Map<string, MutableFlow>();
  const days = new Map<string, MutableDay>();
  const reasons: Record<string, number> = {};
  const routes: Record<string, number> = {};
  const abandonedAfter: Record<string, number> = {};

  for (const s of all) {
    if (!keep(s)) continue;
    sessions += 1;
    const outcome = classify(s, options);
    outcomes[outcome] += 1;
    userMessages += s.userMessages;
    unrecognized += s.unrecognized;
    outOfScope += s.outOfScope;
    if (outcome === 'resolved_confirmed' && s.returned) recontacts += 1;
    if (s.csatAsked) csatAsked += 1;
    if (s.csat !== undefined) {
      csatResponses += 1;
      csatSum += s.csat;
      scores[String(s.csat) as keyof typeof scores] += 1;
    }
    if (s.escalated) {
      inc(reasons, s.escalated.reason);
      for (const r of s.escalated.routes) inc(routes, r);
    }
    if (outcome === 'abandoned') inc(abandonedAfter, s.lastSaid ?? '(nothing)');
    countDay(days, s, outcome);
    if (s.engaged && s.flow !== undefined) countFlow(flows, s.flow, outcome);
    countSteps(steps, s, options);
  }

  const engaged = sessions - outcomes.unengaged;
  return {
    sessions,
    engaged,
    resolved_confirmed: outcomes.resolved_confirmed,
    resolved_assumed: outcomes.resolved_assumed,
    escalated: outcomes.escalated,
    abandoned: outcomes.abandoned,
    user_messages: userMessages,
    unrecognized_messages: unrecognized,
    csat: { responses: csatResponses, mean: csatResponses === 0 ? null : Math.round((csatSum / csatResponses) * 100) / 100, asked: csatAsked, response_rate: ratio(csatResponses, csatAsked), scores },
    steps: orderSteps([...steps.values()], options.flowOrder),
    unengaged: outcomes.unengaged,
    in_progress: outcomes.in_progress,
    awaiting_return: outcomes.awaiting_return,
    out_of_scope_messages: outOfScope,
    rates: {
      engagement: ratio(engaged, sessions),
      resolved_confirmed: ratio(outcomes.resolved_confirmed, engaged),
      resolved_assumed: ratio(outcomes.resolved_assumed, engaged),
      escalated: ratio(outcomes.escalated, engaged),
      abandoned: ratio(outcomes.abandoned, engaged),
      unrecognized: ratio(unrecognized, userMessages),
    },
    recontacts,
    escalations: { reasons, routes },
    abandoned_after: Object.entries(abandonedAfter).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10).map(([said, n]) => ({ said, sessions: n })),
    flows: [...flows.values()].sort((a, b) => b.sessions - a.sessions || a.flow.localeCompare(b.flow)),
    days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)),
    period: { from: options.filter.from ?? null, to: options.filter.to ?? null, generated_at: new Date(options.now).toISOString(), time_zone: 'UTC' },
    filters: {
      include_test: options.filter.includeTest,
      ...(options.filter.channel ? { channel: options.filter.channel } : {}),
      ...(options.filter.locale ? { locale: options.filter.locale } : {}),
      ...(options.filter.knowledge ? { knowledge: options.filter.knowledge } : {}),
    },
    settings: { session_minutes: options.idleMs / 60_000, return_hours: options.returnMs / 3_600_000 },
  };
}

/** Days by day number: one ISO date string per day, not one per session (toISOString is the summary's hot spot). */
const dayNames = new Map<number, string>();
function dayOf(ms: number): string {
  const n = Math.floor(ms / 86_400_000);
  let name = dayNames.get(n);
  if (name === undefined) {
    name = utcDay(ms);
    if (dayNames.size > 10_000) dayNames.clear();
    dayNames.set(n, name);
  }
  return name;
}

function countDay(days: Map<string, MutableDay>, s: SessionFacts, outcome: Outcome): void {
  const date = dayOf(s.startedAt);
  let d = days.get(date);
  if (!d) {
    d = { date, sessions: 0, engaged: 0, resolved_confirmed: 0, resolved_assumed: 0, escalated: 0, abandoned: 0, user_messages: 0, unrecognized_messages: 0 };
    days.set(date, d);
  }
  d.sessions += 1;
  if (outcome !== 'unengaged') d.engaged += 1;
  if (outcome === 'resolved_confirmed' || outcome === 'resolved_assumed' || outcome === 'escalated' || outcome === 'abandoned') d[outcome] += 1;
  d.user_messages += s.userMessages;
  d.unrecognized_messages += s.unrecognized;
}

function countFlow(flows: Map<string, MutableFlow>, flow: string, outcome: Outcome): void {
  let f = flows.get(flow);
  if (!f) {
    f = { flow, sessions: 0, resolved_confirmed: 0, resolved_assumed: 0, escalated: 0, abandoned: 0, awaiting_return: 0, in_progress: 0 };
    flows.set(flow, f);
  }
  f.sessions += 1;
  if (outcome !== 'unengaged') f[outcome] += 1;
}

function countSteps(steps: Map<string, MutableStep>, s: SessionFacts, clock: Clock): void {
  s.steps.forEach((v, i) => {
    const key = `${v.flow}\u0000${v.step}`;
    let row = steps.get(key);
    if (!row) {
      row = { flow: v.flow, step: v.step, shown: 0, fixed: 0, not_fixed: 0, already_tried: 0, dropped: 0, escalated: 0, skipped: 0, waiting: 0, escalated_unanswered: 0, moved_on: {} };
      steps.set(key, row);
    }
    row.shown += 1;
    row[stepFate(v, s, clock)] += 1;
    if (v.escalated) row.escalated += 1;
    const next = s.steps[i + 1];
    if (next && next.flow === v.flow) inc(row.moved_on, next.step);
  });
}

function orderSteps(rows: MutableStep[], flows: SummarizeOptions['flowOrder']): StepRow[] {
  const rank = new Map<string, number>();
  (flows ?? []).forEach((f, fi) => f.steps.forEach((st, si) => rank.set(`${f.id}\u0000${st.id}`, fi * 10_000 + si)));
  const position = (r: StepRow, i: number): number => rank.get(`${r.flow}\u0000${r.step}`) ?? 1e9 + i;
  return rows.map((r, i) => ({ r, p: position(r, i) })).sort((a, b) => a.p - b.p).map(({ r }) => r);
}
