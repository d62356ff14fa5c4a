// The session rules, applied turn by turn: which session a turn belongs to (a new one after an explicit end, after
// ANALYTICS_SESSION_MINUTES idle, or when a new problem starts after an escalation) and what it adds to it. Pure.
import type { TurnEvent } from '../../dialogs';
import type { AnalyticsState, AnalyticsWrite, SessionFacts, StepVisit, TurnFacts } from './types';

export interface FoldOptions {
  readonly idleMs: number;
  /** How long after a session a return about the same flow still counts (72 h). */
  readonly returnMs: number;
  readonly newId: () => string;
}

export interface FoldResult {
  readonly state: AnalyticsState;
  readonly write: AnalyticsWrite;
}

const FLOW_EVENTS: ReadonlySet<TurnEvent['type']> = new Set(['flow_started', 'step_shown', 'step_answered', 'resolved']);
const isUserMessage = (t: TurnFacts): boolean => t.kind === 'message' || t.kind === 'pick_up';
const flowOf = (e: TurnEvent): string | undefined => ('flow' in e ? e.flow : undefined);

/** Whether the current session takes no more turns: ended, idle too long, or escalated and a new problem starts. */
function isClosed(s: SessionFacts, turn: TurnFacts, idleMs: number, flowActivity: boolean): boolean {
  return s.end !== undefined || turn.at - s.lastAt > idleMs || (s.escalated !== undefined && flowActivity);
}

function open(turn: TurnFacts, id: string, test: boolean): SessionFacts {
  return {
    id, conversation: turn.conversation, channel: turn.channel, knowledge: turn.knowledge, test,
    ...(turn.locale ? { locale: turn.locale } : {}), ...(turn.language ? { language: turn.language } : {}),
    startedAt: turn.at, lastAt: turn.at, engaged: false, userMessages: 0, unrecognized: 0, outOfScope: 0, steps: [],
  };
}

export function foldTurn(state: AnalyticsState, turn: TurnFacts, options: FoldOptions): FoldResult {
  const test = state.test === true || turn.test || turn.channel === 'emulator';
  const flowActivity = turn.events.some((e) => FLOW_EVENTS.has(e.type));
  const csatOnly = turn.events.length > 0 && turn.events.every((e) => e.type === 'csat');
  let current = state.current;
  let previous: SessionFacts[] = [...(state.previous ?? [])];
  const changed: SessionFacts[] = [];

  let target: SessionFacts | undefined;
  let extend = true;
  if (current && !isClosed(current, turn, options.idleMs, flowActivity)) {
    target = current;
  } else if (current && csatOnly && current.csatAsked) {
    // The answer to the CSAT question asked at the end of the session belongs to that session, whenever it comes.
    target = current;
    extend = false;
  } else if (isUserMessage(turn) || turn.kind === 'conversation_start' || flowActivity) {
    if (current?.flow !== undefined) previous = [...previous.filter((p) => p.flow !== current?.flow), current];
    target = open(turn, options.newId(), test);
  } else {
    // A status message (a hub's or an agent's) outside a session: counted where it belongs, or nowhere.
    target = current;
    extend = false;
  }

  previous = previous.filter((p) => turn.at - p.lastAt <= options.returnMs);
  if (target) {
    const next = apply(target, turn, extend, test);
    // A return about the same flow within the window: the earlier session's assumed resolution does not stand.
    const flows = new Set(turn.events.map(flowOf).filter((f): f is string => f !== undefined));
    previous = previous.map((p) => {
      if (p.id === next.id || p.returned || p.flow === undefined || !flows.has(p.flow)) return p;
      const marked: SessionFacts = { ...p, returned: true };
      changed.push(marked);
      return marked;
    });
    changed.push(next);
    current = next;
  }
  const nextState: AnalyticsState = { ...(current ? { current } : {}), ...(previous.length ? { previous } : {}), ...(test ? { test: true as const } : {}) };
  return {
    state: nextState,
    write: {
      turn: {
        at: turn.at, session: target?.id ?? '', kind: turn.kind, channel: turn.channel, knowledge: turn.knowledge, test,
        ...(turn.locale ? { locale: turn.locale } : {}), ...(turn.language ? { language: turn.language } : {}), events: turn.events,
      },
      sessions: changed,
    },
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Draft = Omit<Mutable<SessionFacts>, 'steps'> & { steps: StepVisit[] };

/** The session with this turn's events added. */
function apply(session: SessionFacts, turn: TurnFacts, extend: boolean, test: boolean): SessionFacts {
  const s: Draft = { ...session, steps: [...session.steps] };
  const user = isUserMessage(turn);
  let notUnderstood = false;
  let outOfScope = false;
  const visit = (flow: string, step: string): number => {
    const found = s.steps.findIndex((v) => v.flow === flow && v.step === step);
    if (found >= 0) return found;
    s.steps.push({ flow, step });
    return s.steps.length - 1;
  };
  const update = (i: number, change: Partial<StepVisit>): void => {
    s.steps[i] = { ...(s.steps[i] as StepVisit), ...change };
  };
  for (const e of turn.events) {
    const flow = flowOf(e);
    if (flow !== undefined) s.flow = flow;
    switch (e.type) {
      case 'flow_started':
        s.engaged = true;
        break;
      case 'step_shown': {
        s.engaged = true;
        s.lastStep = visit(e.flow, e.step);
        delete s.helpAfterStep;
        break;
      }
      case 'step_answered': {
        s.engaged = true;
        const i = visit(e.flow, e.step);
        const had = s.steps[i]?.answer;
        // "Later" does not replace an answer already given.
        if (e.answer !== 'later' || had === undefined) update(i, { answer: e.answer });
        if (s.lastStep === undefined) s.lastStep = i;
        break;
      }
      case 'resolved':
        s.engaged = true;
        s.resolved ??= { flow: e.flow, ...(e.step ? { step: e.step } : {}) };
        break;
      case 'escalated':
        s.engaged = true;
        if (!s.escalated) {
          s.escalated = { reason: e.reason, routes: [...e.routes], ...(e.flow ? { flow: e.flow } : {}), ...(e.step ? { step: e.step } : {}) };
          if (e.flow && e.step) update(visit(e.flow, e.step), { escalated: true });
        }
        break;
      case 'not_understood':
        s.engaged = true;
        notUnderstood = true;
        if (s.lastStep !== undefined) s.helpAfterStep = true;
        break;
      case 'out_of_scope':
        outOfScope = true;
        break;
      case 'csat_asked':
        s.csatAsked = true;
        break;
      case 'csat':
        if (Number.isInteger(e.score) && e.score >= 1 && e.score <= 5) {
          s.csat = e.score;
          s.csatAsked = true;
        }
        break;
      case 'ended':
        s.end ??= e.how;
        break;
    }
  }
  if (user) {
    s.userMessages += 1;
    if (notUnderstood) s.unrecognized += 1;
    if (outOfScope) s.outOfScope += 1;
  }
  if (extend) s.lastAt = Math.max(s.lastAt, turn.at);
  if (turn.lastSaid !== undefined) s.lastSaid = turn.lastSaid;
  if (test) s.test = true;
  s.locale ??= turn.locale;
  s.language ??= turn.language;
  if (s.locale === undefined) delete s.locale;
  if (s.language === undefined) delete s.language;
  return s;
}
