// Sessions: the shape check, reconciling with changed knowledge, recording steps, starting over.
import { isSessionValid, newSession } from '../../dialogs';
import type { Session } from '../../dialogs';
import { reconcileSession, recordStep, startedOver, withoutPending } from '../../dialogs/session';
import { knowledge } from './fixtures';

const inFlow: Session = {
  ...newSession('2025-01-01T00:00:00.000Z'),
  status: 'in_flow', flowId: 'backup', stepId: 'check_wifi',
  pending: { kind: 'did_it_fix', flowId: 'backup', stepId: 'check_wifi' },
  steps: [{ stepId: 'check_storage', outcome: 'not_fixed', at: '2025-01-01T00:00:00.000Z' }],
  facts: { iphone_model: 'iPhone 13', backup_target: 'icloud', region: 'GB' },
};

describe('session', () => {
  it('a new session is valid and empty', () => {
    expect(isSessionValid(newSession())).toBe(true);
    expect(newSession('t')).toMatchObject({ version: 1, status: 'idle', steps: [], facts: {}, misses: 0, turns: 0, updatedAt: 't' });
    expect(isSessionValid(inFlow)).toBe(true);
    expect(isSessionValid(JSON.parse(JSON.stringify(inFlow)))).toBe(true);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined], ['null', null], ['a string', 'session'], ['an array', []],
    ['version 0', { ...inFlow, version: 0 }], ['an unknown status', { ...inFlow, status: 'lost' }],
    ['steps not a list', { ...inFlow, steps: {} }], ['a bad outcome', { ...inFlow, steps: [{ stepId: 'a', outcome: 'meh', at: 't' }] }],
    ['facts with a number', { ...inFlow, facts: { a: 1 } }], ['negative misses', { ...inFlow, misses: -1 }],
    ['fractional turns', { ...inFlow, turns: 1.5 }], ['a numeric flowId', { ...inFlow, flowId: 3 }],
    ['an unknown pending', { ...inFlow, pending: { kind: 'quiz' } }], ['a pending without step', { ...inFlow, pending: { kind: 'did_it_fix' } }],
    ['disambiguate without options', { ...inFlow, pending: { kind: 'disambiguate' } }],
  ])('rejects %s', (_name, value) => {
    expect(isSessionValid(value)).toBe(false);
  });

  it('reconcile keeps a session that matches the knowledge', () => {
    expect(reconcileSession(inFlow, knowledge)).toBe(inFlow);
  });

  it('reconcile drops a step the knowledge no longer has, keeping facts and history', () => {
    const old = { ...inFlow, stepId: 'gone', pending: { kind: 'did_it_fix' as const, flowId: 'backup', stepId: 'gone' } };
    const r = reconcileSession(old, knowledge);
    expect(r).toMatchObject({ status: 'idle', facts: inFlow.facts, steps: inFlow.steps });
    expect(r).not.toHaveProperty('flowId');
    expect(r).not.toHaveProperty('pending');
  });

  it('reconcile drops a pending question about another step', () => {
    const odd = { ...inFlow, pending: { kind: 'resume' as const, flowId: 'backup', stepId: 'restart' } };
    expect(reconcileSession(odd, knowledge)).toMatchObject({ status: 'in_flow', stepId: 'check_wifi' });
    expect(reconcileSession(odd, knowledge).pending).toBeUndefined();
  });

  it('recordStep replaces an earlier record of the same step', () => {
    const s = recordStep(recordStep(inFlow, 'check_wifi', 'not_fixed', 'a'), 'check_storage', 'already_tried', 'b');
    expect(s.steps.map((r) => [r.stepId, r.outcome])).toEqual([['check_wifi', 'not_fixed'], ['check_storage', 'already_tried']]);
  });

  it('startedOver forgets the flow and the problem, keeps the person', () => {
    const s = startedOver(inFlow);
    expect(s).toEqual({ version: 1, status: 'idle', steps: [], facts: { iphone_model: 'iPhone 13', region: 'GB' }, misses: 0, turns: 0, updatedAt: '2025-01-01T00:00:00.000Z' });
    expect(isSessionValid(s)).toBe(true);
  });

  it('withoutPending leaves no undefined key behind', () => {
    expect(Object.keys(withoutPending(inFlow))).not.toContain('pending');
  });
});
