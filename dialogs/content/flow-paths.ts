// Where "not fixed" leads from each step, and the cycles that would keep a user in a flow for ever.

export interface StepLink {
  readonly id: string;
  readonly next?: string;
}

/** The end of a flow: escalation. */
export const ESCALATE = 'escalate';

/** Index of the step after step `i` when it did not fix things; -1 is escalation (or an unknown target, reported elsewhere). */
export function successor(steps: readonly StepLink[], i: number): number {
  const next = steps[i].next;
  if (next === undefined) return i + 1 < steps.length ? i + 1 : -1;
  if (next === ESCALATE) return -1;
  return steps.findIndex((s) => s.id === next);
}

/**
 * Each cycle once, as step indexes in visiting order. Every step has one way on, so walking from each
 * step either reaches escalation or comes back to a step of the current walk.
 */
export function findCycles(steps: readonly StepLink[]): number[][] {
  const done = new Set<number>();
  const cycles: number[][] = [];
  for (let start = 0; start < steps.length; start++) {
    const walk: number[] = [];
    let at = start;
    while (at >= 0 && !done.has(at) && !walk.includes(at)) {
      walk.push(at);
      at = successor(steps, at);
    }
    if (at >= 0 && walk.includes(at)) cycles.push(walk.slice(walk.indexOf(at)));
    walk.forEach((i) => done.add(i));
  }
  return cycles;
}

/** The step that closes a cycle: the one whose `next` points back (default links only go forward). */
export function closingStep(steps: readonly StepLink[], cycle: readonly number[]): number {
  return cycle.find((i) => successor(steps, i) <= i) ?? cycle[cycle.length - 1];
}

/** `a → b → a`, for the message. */
export function describeCycle(steps: readonly StepLink[], cycle: readonly number[]): string {
  return [...cycle, cycle[0]].map((i) => steps[i].id).join(' → ');
}
