// Walking a flow: which step an intent points at, whether a step applies to the known facts, and the next step to try.
import type { Flow, FlowStep, Knowledge, Session } from '../types';
import { outcomeOf } from '../session';

export interface StepRef {
  readonly flow: Flow;
  readonly step: FlowStep;
}

/**
 * Error texts that name a symptom: the value of the `error_text` entity → the intent whose step fixes it.
 * A value that is itself an intent name or a step id needs no entry.
 */
const ERROR_HINTS: Readonly<Record<string, string>> = { not_enough_storage: 'storage_full', network_error: 'wifi_problem' };

export function findStep(knowledge: Knowledge, flowId: string | undefined, stepId: string | undefined): StepRef | undefined {
  const flow = knowledge.flows.find((f) => f.id === flowId);
  const step = flow?.steps.find((s) => s.id === stepId);
  return flow && step ? { flow, step } : undefined;
}

/** A step by id in any flow, the given flow first. */
export function findStepAnywhere(knowledge: Knowledge, stepId: string, preferFlowId?: string): StepRef | undefined {
  return findStep(knowledge, preferFlowId, stepId)
    ?? knowledge.flows.map((f) => findStep(knowledge, f.id, stepId)).find((r) => r !== undefined);
}

/** The step an intent points at (a symptom such as storage_full), the given flow first. */
export function stepForIntent(knowledge: Knowledge, intent: string, preferFlowId?: string): StepRef | undefined {
  const flows = [...knowledge.flows].sort((a, b) => Number(b.id === preferFlowId) - Number(a.id === preferFlowId));
  for (const flow of flows) {
    const step = flow.steps.find((s) => s.intents.includes(intent));
    if (step) return { flow, step };
  }
  return undefined;
}

export function flowForTrigger(knowledge: Knowledge, intent: string): Flow | undefined {
  return knowledge.flows.find((f) => f.triggers.includes(intent));
}

/** The step an `error_text` value points at, if any. */
export function stepForError(knowledge: Knowledge, error: string | undefined, preferFlowId?: string): StepRef | undefined {
  if (!error) return undefined;
  return stepForIntent(knowledge, ERROR_HINTS[error] ?? error, preferFlowId) ?? findStepAnywhere(knowledge, error, preferFlowId);
}

/**
 * A step applies unless a known fact contradicts its `when` (an unknown fact never rules a step out); a step with
 * `only` needs the fact known and allowed (a computer-only step is not offered to someone who never said computer).
 */
export function applies(step: FlowStep, facts: Readonly<Record<string, string>>): boolean {
  const when = Object.entries(step.when ?? {}).every(([key, allowed]) => facts[key] === undefined || allowed.includes(facts[key]));
  return when && Object.entries(step.only ?? {}).every(([key, allowed]) => facts[key] !== undefined && allowed.includes(facts[key]));
}

/** The step a flow in progress is on (while in the flow, or waiting for a person with the flow suspended). */
export function currentStep(knowledge: Knowledge, session: Session): StepRef | undefined {
  if (session.status !== 'in_flow' && session.status !== 'handoff') return undefined;
  return findStep(knowledge, session.flowId, session.stepId);
}

/** The step after `step` when it did not fix things: its `next`, else the following one; undefined at the end or on `escalate`. */
function successor(flow: Flow, step: FlowStep): FlowStep | undefined | 'escalate' {
  if (step.next === 'escalate') return 'escalate';
  if (step.next !== undefined) return flow.steps.find((s) => s.id === step.next);
  return flow.steps[flow.steps.indexOf(step) + 1];
}

export interface Walk {
  /** The step to try next, or undefined: time to escalate. */
  readonly step?: FlowStep;
  /** Steps passed over because a fact contradicts them (recorded as `skipped`). */
  readonly skipped: readonly string[];
}

/** Follows `next` links from `from` (inclusive) to the end of the list or `escalate`; a cycle stops it. */
function chain(flow: Flow, from: FlowStep | undefined): FlowStep[] {
  const out: FlowStep[] = [];
  for (let s: FlowStep | undefined | 'escalate' = from; s !== undefined && s !== 'escalate' && !out.includes(s); s = successor(flow, s)) out.push(s);
  return out;
}

/**
 * The steps the diagnosis put first (Session.plan) come before anything else, in their order. Then: from `from`
 * (inclusive), following `next` links, the first step not yet done and applicable to the facts. When that
 * chain ends, the flow's main path (the chain from its first step) is searched for steps never tried: a conversation
 * that began at a symptom's step still gets the earlier fixes before escalation, while a step the author bypassed
 * with `next` stays bypassed.
 */
export function walkFrom(flow: Flow, from: FlowStep | undefined, session: Session): Walk {
  const skipped: string[] = [];
  const usable = (s: FlowStep): boolean => {
    // A step passed over because a fact ruled it out comes back once the facts let it in (the user said "computer").
    const done = outcomeOf(session, s.id);
    if ((done !== undefined && done !== 'skipped') || skipped.includes(s.id)) return false;
    if (applies(s, session.facts)) return true;
    if (done === undefined) skipped.push(s.id);
    return false;
  };
  const planned = (session.plan ?? []).map((id) => flow.steps.find((s) => s.id === id)).filter((s): s is FlowStep => s !== undefined);
  // After a diagnosis's plan, the rest in the flow's usual order (its main path from the top), not from where it ended.
  const step = planned.find(usable)
    ?? (planned.length > 0 ? chain(flow, flow.steps[0]).find(usable) : undefined)
    ?? chain(flow, from).find(usable)
    ?? chain(flow, flow.steps[0]).find(usable);
  return step ? { step, skipped } : { skipped };
}

/**
 * The flow's main path: the steps its first step leads to through `next` links, in order. Side steps (reached only by
 * their own intent or a diagnosis) are not on it, so lists of "the fixes" leave them out.
 */
export function mainPath(flow: Flow): readonly FlowStep[] {
  return chain(flow, flow.steps[0]);
}

/** Where a flow starts: its first applicable step. */
export function firstStep(flow: Flow, session: Session): Walk {
  return walkFrom(flow, flow.steps[0], session);
}

/** Where a flow goes after `step` did not fix things. */
export function stepAfter(flow: Flow, step: FlowStep, session: Session): Walk {
  const next = successor(flow, step);
  return walkFrom(flow, next === 'escalate' ? undefined : next, session);
}
