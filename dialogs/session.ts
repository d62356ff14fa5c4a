// Sessions: a fresh one, a shape check for stored ones (an older or damaged record is treated as new), and small updates.
import type { Knowledge, Pending, Session, StepOutcome, StepRecord } from './types';

const STATUSES = new Set(['idle', 'in_flow', 'resolved', 'escalated', 'handoff']);
const OUTCOMES = new Set(['fixed', 'not_fixed', 'already_tried', 'skipped', 'passed']);
const REASONS = new Set(['all_fixes_failed', 'user_asked', 'repeated_misunderstanding']);
const LANGUAGE_BY = new Set(['default', 'channel', 'text', 'user']);

export function newSession(now?: string): Session {
  return { version: 1, status: 'idle', steps: [], facts: {}, misses: 0, turns: 0, ...(now ? { updatedAt: now } : {}) };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const optString = (x: unknown): boolean => x === undefined || typeof x === 'string';
const isStrings = (x: unknown): boolean => Array.isArray(x) && x.every((s) => typeof s === 'string');
const optBoolean = (x: unknown): boolean => x === undefined || typeof x === 'boolean';

function isStepRecord(x: unknown): x is StepRecord {
  return isObject(x) && typeof x.stepId === 'string' && typeof x.at === 'string' && OUTCOMES.has(x.outcome as string);
}

function isPending(x: unknown): x is Pending {
  if (!isObject(x)) return false;
  switch (x.kind) {
    case 'did_it_fix':
    case 'resume':
    case 'pick_up':
    case 'confirm_step':
      return typeof x.flowId === 'string' && typeof x.stepId === 'string';
    case 'disambiguate':
      return isStrings(x.options);
    case 'tried_which':
      return typeof x.flowId === 'string' && isStrings(x.options);
    case 'diagnose':
      return typeof x.flowId === 'string' && optBoolean(x.last);
    case 'ask_email':
      return REASONS.has(x.reason as string);
    case 'confirm_start_over':
    case 'offer_human':
    case 'ask_region':
    case 'csat':
      return true;
    default:
      return false;
  }
}

/** True when `x` has the shape of a version-1 session; anything else (older versions, damaged records) is not. */
export function isSessionValid(x: unknown): x is Session {
  if (!isObject(x) || x.version !== 1 || !STATUSES.has(x.status as string)) return false;
  if (!Array.isArray(x.steps) || !x.steps.every(isStepRecord)) return false;
  if (!isObject(x.facts) || !Object.values(x.facts).every((v) => typeof v === 'string')) return false;
  if (!isCount(x.misses) || !isCount(x.turns)) return false;
  if (!optString(x.flowId) || !optString(x.stepId) || !optString(x.lastUserText) || !optString(x.updatedAt)) return false;
  if (!optBoolean(x.handoffOpened) || !optBoolean(x.csatDue) || !optBoolean(x.diagnosed)) return false;
  if (x.echo !== undefined && (!isObject(x.echo) || typeof x.echo.key !== 'string' || !isCount(x.echo.count))) return false;
  if (x.plan !== undefined && !isStrings(x.plan)) return false;
  if (!optString(x.language) || (x.languageBy !== undefined && !LANGUAGE_BY.has(x.languageBy as string))) return false;
  return x.pending === undefined || isPending(x.pending);
}

/** The session without the optional fields named (absent, not `undefined`, so stored JSON stays clean). */
export function omit(session: Session, keys: readonly ('flowId' | 'stepId' | 'pending' | 'handoffOpened' | 'csatDue' | 'plan' | 'diagnosed')[]): Session {
  const copy: { -readonly [K in keyof Session]: Session[K] } = { ...session };
  for (const k of keys) delete copy[k];
  return copy;
}

/** Drops references the knowledge no longer has (a flow or step renamed since the session was saved), keeping facts. */
export function reconcileSession(session: Session, knowledge: Knowledge): Session {
  const flow = knowledge.flows.find((f) => f.id === session.flowId);
  const stepOk = flow !== undefined && session.stepId !== undefined && flow.steps.some((s) => s.id === session.stepId);
  const pending = session.pending;
  const pendingOk = !pending || !('stepId' in pending) || (stepOk && pending.flowId === session.flowId && pending.stepId === session.stepId);
  if ((session.flowId === undefined || stepOk) && pendingOk) return session;
  const rest = omit(session, ['flowId', 'stepId', 'pending']);
  if (stepOk) return { ...rest, flowId: session.flowId, stepId: session.stepId };
  const status = session.status === 'in_flow' || session.status === 'handoff' ? 'idle' : session.status;
  return { ...rest, status };
}

/** The session with one step's outcome recorded (a later record for the same step replaces the earlier one). */
export function recordStep(session: Session, stepId: string, outcome: StepOutcome, at: string): Session {
  const steps = session.steps.filter((r) => r.stepId !== stepId);
  return { ...session, steps: [...steps, { stepId, outcome, at }] };
}

export function outcomeOf(session: Session, stepId: string): StepOutcome | undefined {
  return session.steps.find((r) => r.stepId === stepId)?.outcome;
}

export function withoutPending(session: Session): Session {
  return session.pending === undefined ? session : omit(session, ['pending']);
}

/** Facts that describe the problem rather than the person: a fresh start forgets them. */
const PROBLEM_FACTS = new Set(['backup_target', 'error_text']);

/** "Start over": no flow, no steps, no question; keeps who the user is (device model, iOS version, region). */
export function startedOver(session: Session): Session {
  const facts = Object.fromEntries(Object.entries(session.facts).filter(([k]) => !PROBLEM_FACTS.has(k)));
  return { ...omit(session, ['flowId', 'stepId', 'pending', 'handoffOpened', 'csatDue', 'plan', 'diagnosed']), status: 'idle', steps: [], facts, misses: 0 };
}
