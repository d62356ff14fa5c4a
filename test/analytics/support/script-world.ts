// Scripted conversations with known outcomes for the analytics correctness test, and the truth they must add up to.
// The truth is tallied from each session's plan (what the script meant to happen), never by the code under test.
import type { TurnEvent } from '../../../dialogs';

const MIN = 60_000;
const HOUR = 60 * MIN;
export const FLOWS: Readonly<Record<string, readonly string[]>> = { F: ['s1', 's2', 's3', 's4'], G: ['g1', 'g2'] };
type FlowId = string;

export interface ScriptTurn {
  readonly at: number;
  readonly kind: 'message' | 'conversation_start';
  readonly events: readonly TurnEvent[];
}

export interface ScriptConversation {
  readonly id: string;
  readonly channel: string;
  readonly test: boolean;
  readonly turns: readonly ScriptTurn[];
}

type Kind = 'smalltalk' | 'confirmed' | 'escalated' | 'left_fix' | 'miss_only' | 'miss_after_fix';
type Fate = 'fixed' | 'not_fixed' | 'already_tried' | 'open' | 'escalated';

interface PlannedSession {
  kind: Kind;
  flow?: FlowId;
  turns: ScriptTurn[];
  visits: { flow: string; step: string; fate: Fate; escalated: boolean }[];
  csatAsked: boolean;
  csat?: number;
  userMessages: number;
  unrecognized: number;
  reason?: string;
  explicitEnd: boolean;
  lastAt: number;
  returned: boolean;
}

export interface Truth {
  sessions: number; engaged: number; unengaged: number; resolved_confirmed: number; resolved_assumed: number; escalated: number; abandoned: number;
  awaiting_return: number; in_progress: number; user_messages: number; unrecognized_messages: number;
  csat: { responses: number; asked: number; sum: number };
  reasons: Record<string, number>;
  steps: Record<string, { shown: number; fixed: number; not_fixed: number; already_tried: number; dropped: number; escalated: number; waiting: number }>;
}

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface World {
  readonly conversations: readonly ScriptConversation[];
  readonly truth: Truth;
  readonly now: number;
}

export function buildWorld(count: number, seed = 15, now = Date.parse('2026-06-30T12:00:00Z'), flows: Readonly<Record<string, readonly string[]>> = FLOWS): World {
  const rnd = random(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const between = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo));
  const conversations: ScriptConversation[] = [];
  const planned: PlannedSession[] = [];
  const countedPlans: PlannedSession[] = [];

  for (let c = 0; c < count; c += 1) {
    const test = rnd() < 0.05;
    const channel = test && rnd() < 0.5 ? 'emulator' : pick(['webchat', 'webchat', 'msteams', 'slack']);
    const sessionCount = between(1, 4);
    // The conversation ends either just now (its last session may still be open), hours ago, or days ago.
    const endAgo = pick([between(1, 20) * MIN, between(2, 60) * HOUR, between(80, 200) * HOUR]);
    const plans: PlannedSession[] = [];
    for (let i = 0; i < sessionCount; i += 1) plans.push(planSession(pick(['smalltalk', 'confirmed', 'confirmed', 'escalated', 'left_fix', 'left_fix', 'miss_only', 'miss_after_fix']), flows, rnd, pick, between));
    // Lay the sessions out backwards from the end, each separated by an explicit end or an idle gap.
    const gaps = plans.map(() => pick([between(31, 600) * MIN, between(20, 60) * HOUR, between(80, 120) * HOUR]));
    let cursor = now - endAgo;
    const timed: { plan: PlannedSession; start: number }[] = [];
    for (let i = plans.length - 1; i >= 0; i -= 1) {
      const plan = plans[i] as PlannedSession;
      const length = (plan.turns.length - 1) * MIN;
      const start = cursor - length;
      timed.unshift({ plan, start });
      cursor = start - (gaps[i] as number);
    }
    const turns: ScriptTurn[] = [];
    timed.forEach(({ plan, start }) => {
      plan.turns = plan.turns.map((t, k) => ({ ...t, at: start + k * MIN }));
      plan.lastAt = plan.turns[plan.turns.length - 1]?.at ?? start;
      turns.push(...plan.turns);
    });
    // A proactive welcome opens some conversations: it belongs to the first session.
    if (rnd() < 0.2 && timed[0]) {
      const first = timed[0].plan;
      const at = (first.turns[0]?.at ?? 0) - 30_000;
      first.turns.unshift({ at, kind: 'conversation_start', events: [] });
      turns.unshift({ at, kind: 'conversation_start', events: [] });
    }
    // Returns: a later session working on the same flow within 72 h of a session's last turn.
    timed.forEach(({ plan }, i) => {
      for (const later of timed.slice(i + 1)) {
        if (!plan.flow || later.plan.flow !== plan.flow) continue;
        if ((later.plan.turns.find((t) => t.events.length > 0)?.at ?? Infinity) - plan.lastAt <= 72 * HOUR) plan.returned = true;
      }
    });
    conversations.push({ id: `c${c}`, channel, test, turns });
    planned.push(...timed.map((t) => t.plan));
    if (!test) countedPlans.push(...timed.map((t) => t.plan));
  }
  return { conversations, truth: tally(countedPlans, now), now };
}

function planSession(kind: Kind, flows: Readonly<Record<string, readonly string[]>>, rnd: () => number, pick: <T>(items: readonly T[]) => T, between: (lo: number, hi: number) => number): PlannedSession {
  const ids = Object.keys(flows);
  const flow: FlowId = rnd() < 0.8 || ids.length < 2 ? (ids[0] as string) : (ids[1] as string);
  const steps = flows[flow] as readonly string[];
  const p: PlannedSession = { kind, turns: [], visits: [], csatAsked: false, userMessages: 0, unrecognized: 0, explicitEnd: false, lastAt: 0, returned: false };
  const turn = (...events: TurnEvent[]) => {
    p.turns.push({ at: 0, kind: 'message', events });
    p.userMessages += 1;
    if (events.some((e) => e.type === 'not_understood')) p.unrecognized += 1;
  };
  const end = () => {
    if (rnd() < 0.35) {
      turn(rnd() < 0.5 ? { type: 'ended', how: 'goodbye' } : { type: 'ended', how: 'start_over' });
      p.explicitEnd = true;
    }
  };
  if (kind === 'smalltalk' || kind === 'miss_only') {
    for (let i = between(1, 3); i > 0; i -= 1) turn(...(kind === 'miss_only' && i === 1 ? [{ type: 'not_understood' } as TurnEvent] : []));
    end();
    return p;
  }
  p.flow = flow;
  const reach = between(1, steps.length + 1); // how many steps are shown
  const shown = steps.slice(0, reach);
  turn({ type: 'flow_started', flow }, { type: 'step_shown', flow, step: shown[0] as string });
  for (let i = 0; i < shown.length - 1; i += 1) {
    const answer = rnd() < 0.75 ? 'not_fixed' : 'already_tried';
    p.visits.push({ flow, step: shown[i] as string, fate: answer, escalated: false });
    turn({ type: 'step_answered', flow, step: shown[i] as string, answer }, { type: 'step_shown', flow, step: shown[i + 1] as string });
  }
  const last = shown[shown.length - 1] as string;
  if (kind === 'confirmed') {
    p.visits.push({ flow, step: last, fate: 'fixed', escalated: false });
    turn({ type: 'step_answered', flow, step: last, answer: 'fixed' }, { type: 'resolved', flow, step: last }, { type: 'csat_asked' });
    p.csatAsked = true;
  } else if (kind === 'escalated') {
    const everyFix = rnd() < 0.5;
    p.reason = everyFix ? 'all_fixes_failed' : pick(['asked_person', 'asked_apple', 'repeated_misunderstanding']);
    p.visits.push({ flow, step: last, fate: everyFix ? 'not_fixed' : 'escalated', escalated: true });
    turn(...(everyFix ? [{ type: 'step_answered', flow, step: last, answer: 'not_fixed' } as TurnEvent] : []),
      { type: 'escalated', reason: p.reason as 'asked_person', routes: ['apple', 'ticket'], flow, step: last }, { type: 'csat_asked' });
    p.csatAsked = true;
    if (rnd() < 0.3) turn(); // the country, a thanks: still this session
  } else {
    p.visits.push({ flow, step: last, fate: 'open', escalated: false });
    if (kind === 'miss_after_fix') turn({ type: 'not_understood' });
  }
  if (p.csatAsked && rnd() < 0.6) {
    p.csat = between(1, 6);
    turn({ type: 'csat', score: p.csat });
    if (rnd() < 0.2) {
      p.csat = between(1, 6); // a second answer: the latest counts
      turn({ type: 'csat', score: p.csat });
    }
  }
  end();
  return p;
}

function tally(plans: readonly PlannedSession[], now: number): Truth {
  const t: Truth = {
    sessions: 0, engaged: 0, unengaged: 0, resolved_confirmed: 0, resolved_assumed: 0, escalated: 0, abandoned: 0, awaiting_return: 0, in_progress: 0,
    user_messages: 0, unrecognized_messages: 0, csat: { responses: 0, asked: 0, sum: 0 }, reasons: {}, steps: {},
  };
  for (const p of plans) {
    t.sessions += 1;
    t.user_messages += p.userMessages;
    t.unrecognized_messages += p.unrecognized;
    if (p.csatAsked) t.csat.asked += 1;
    if (p.csat !== undefined) {
      t.csat.responses += 1;
      t.csat.sum += p.csat;
    }
    const ended = p.explicitEnd || now - p.lastAt > 30 * MIN;
    if (p.kind === 'smalltalk') t.unengaged += 1;
    else {
      t.engaged += 1;
      if (p.kind === 'confirmed') t.resolved_confirmed += 1;
      else if (p.kind === 'escalated') {
        t.escalated += 1;
        t.reasons[p.reason as string] = (t.reasons[p.reason as string] ?? 0) + 1;
      } else if (!ended) t.in_progress += 1;
      else if (p.kind === 'left_fix' && !p.returned) {
        if (now - p.lastAt > 72 * HOUR) t.resolved_assumed += 1;
        else t.awaiting_return += 1;
      } else t.abandoned += 1;
    }
    for (const v of p.visits) {
      const key = `${v.flow}/${v.step}`;
      const row = (t.steps[key] ??= { shown: 0, fixed: 0, not_fixed: 0, already_tried: 0, dropped: 0, escalated: 0, waiting: 0 });
      row.shown += 1;
      if (v.escalated) row.escalated += 1;
      if (v.fate === 'fixed' || v.fate === 'not_fixed' || v.fate === 'already_tried') row[v.fate] += 1;
      else if (v.fate === 'open') row[ended ? 'dropped' : 'waiting'] += 1;
    }
  }
  return t;
}
