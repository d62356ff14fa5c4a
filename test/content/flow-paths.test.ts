// flow-paths: where "not fixed" leads, and the cycles that never reach escalation.
import { closingStep, describeCycle, findCycles, successor, type StepLink } from '../../dialogs/content/flow-paths';

const flow = (...links: [string, string?][]): StepLink[] => links.map(([id, next]) => (next === undefined ? { id } : { id, next }));

describe('flow paths', () => {
  it.each([
    [flow(['a'], ['b']), [1, -1]],
    [flow(['a', 'escalate'], ['b']), [-1, -1]],
    [flow(['a', 'c'], ['b'], ['c']), [2, 2, -1]],
    [flow(['a', 'missing'], ['b']), [-1, -1]],
  ])('successors of %j are %j', (steps, expected) => {
    expect(steps.map((_, i) => successor(steps, i))).toEqual(expected);
  });

  it.each([
    [flow(['a'], ['b'], ['c']), []],
    [flow(['a', 'c'], ['b', 'a'], ['c', 'escalate']), []],
    [flow(['a', 'a']), ['a → a']],
    [flow(['a'], ['b', 'a']), ['a → b → a']],
    [flow(['a'], ['b'], ['c', 'b'], ['d', 'd']), ['b → c → b', 'd → d']],
  ])('cycles in %j: %j', (steps, expected) => {
    expect(findCycles(steps).map((cycle) => describeCycle(steps, cycle))).toEqual(expected);
  });

  it('blames the step whose `next` points back', () => {
    const steps = flow(['a'], ['b'], ['c', 'a']);
    const [cycle] = findCycles(steps);
    expect(steps[closingStep(steps, cycle)].id).toBe('c');
  });
});
