// Flow walking (applicability, next, escalate, wrap-around) and reading a turn (action tokens, typed labels, numbers).
import type { Flow, Session } from '../../dialogs';
import { newSession } from '../../dialogs';
import { applies, firstStep, stepAfter, stepForError, stepForIntent } from '../../dialogs/flows/runner';
import { labelIndex, parseAction, understand } from '../../dialogs/understand';
import { fakeUnderstander, knowledge, TABLE } from './fixtures';

const flow = knowledge.flows[0];
const stepOf = (id: string) => flow.steps.find((s) => s.id === id)!;
const withFacts = (facts: Record<string, string>, steps: Session['steps'] = []): Session => ({ ...newSession(), facts, steps });

describe('runner', () => {
  it.each([
    [{}, true], [{ backup_target: 'icloud' }, true], [{ backup_target: 'computer' }, false], [{ iphone_model: 'x' }, true],
  ])('applies(check_storage, %j) = %s', (facts, expected) => {
    expect(applies(stepOf('check_storage'), facts)).toBe(expected);
  });

  it('starts at the first applicable step and reports the skipped ones', () => {
    expect(firstStep(flow, withFacts({})).step?.id).toBe('check_storage');
    expect(firstStep(flow, withFacts({ backup_target: 'computer' }))).toEqual({ step: stepOf('update_ios'), skipped: ['check_storage', 'check_wifi'] });
  });

  it('skips steps already done and, at the end, goes back for the untried earlier ones', () => {
    const done = withFacts({}, [{ stepId: 'check_storage', outcome: 'already_tried', at: 't' }, { stepId: 'icloud_status', outcome: 'not_fixed', at: 't' }]);
    expect(firstStep(flow, done).step?.id).toBe('check_wifi');
    expect(stepAfter(flow, stepOf('icloud_status'), done).step?.id).toBe('check_wifi');
  });

  it('follows `next`; on `escalate` only untried steps of the main path remain, never the bypassed ones', () => {
    const f: Flow = { ...flow, steps: [{ ...stepOf('check_storage'), next: 'restart' }, stepOf('check_wifi'), { ...stepOf('restart'), next: 'escalate' }, stepOf('update_ios')] };
    expect(stepAfter(f, f.steps[0], withFacts({})).step?.id).toBe('restart');
    const both = withFacts({}, [{ stepId: 'check_storage', outcome: 'not_fixed', at: 't' }, { stepId: 'restart', outcome: 'not_fixed', at: 't' }]);
    expect(stepAfter(f, f.steps[2], both)).toEqual({ skipped: [] });
    // Started at the symptom's step (restart): check_storage, on the main path and never tried, still comes.
    const symptom = withFacts({}, [{ stepId: 'restart', outcome: 'not_fixed', at: 't' }]);
    expect(stepAfter(f, f.steps[2], symptom).step?.id).toBe('check_storage');
  });

  it('terminates on a cycle of `next` links (the loader forbids them; the engine does not rely on it)', () => {
    const f: Flow = { ...flow, steps: [{ ...stepOf('check_storage'), next: 'check_wifi' }, { ...stepOf('check_wifi'), next: 'check_storage' }] };
    const s = withFacts({ backup_target: 'computer' });
    expect(firstStep(f, s).step).toBeUndefined();
  });

  it('finds steps by intent and by error text', () => {
    expect(stepForIntent(knowledge, 'wifi_problem')?.step.id).toBe('check_wifi');
    expect(stepForIntent(knowledge, 'greeting')).toBeUndefined();
    expect(stepForError(knowledge, 'not_enough_storage')?.step.id).toBe('check_storage');
    expect(stepForError(knowledge, 'restart')?.step.id).toBe('restart');
    expect(stepForError(knowledge, 'could_not_complete')).toBeUndefined();
  });
});

describe('understand', () => {
  it.each([
    ['yes', { answer: 'yes', intent: 'yes' }], ['tried', { answer: 'tried', intent: 'already_tried' }], ['unsure', { answer: 'unsure' }],
    ['human', { command: 'human' }], ['restart', { command: 'start_over' }], ['resume', { command: 'resume' }], ['goodbye', { command: 'goodbye' }],
    ['intent:storage_full', { intent: 'storage_full' }], ['intent:thanks', { intent: 'thanks', command: 'thanks' }],
    ['step:restart', { stepTarget: 'restart' }], ['region:gb', { region: 'GB' }], ['region:other', { region: 'other' }],
  ])('parseAction(%s)', (value, meaning) => {
    expect(parseAction(value, knowledge)).toMatchObject(meaning);
  });

  it.each([['intent:nonexistent'], ['step:'], ['bogus'], [''], ['toString']])('parseAction(%s) is unknown', (value) => {
    expect(parseAction(value, knowledge)).toBeUndefined();
  });

  const nlu = fakeUnderstander(TABLE);
  const opts = { knowledge, classify: (t: string) => nlu.classify(t), asked: knowledge.replies.did_it_fix.choices ?? [], labels: labelIndex(knowledge) };

  it('reads typed labels, values and numbers of the question asked, and any known label', () => {
    expect(understand('Already tried', undefined, opts)).toMatchObject({ answer: 'tried', chosen: true });
    expect(understand('2', undefined, opts)).toMatchObject({ answer: 'no', chosen: true });
    expect(understand('7', undefined, opts)).toMatchObject({ chosen: false, intent: 'unknown' });
    expect(understand('what can you do', undefined, opts)).toMatchObject({ command: 'help', chosen: true });
  });

  it('an earlier card\'s label counts only when the NLU finds nothing in the text', () => {
    const k = { ...knowledge, replies: { ...knowledge.replies, handoff_failed: { text: ['x'], choices: [{ label: 'Try again', value: 'human' }] } } };
    const table = fakeUnderstander({ 'try again': { intent: 'unknown', answer: 'no' } });
    const o = { ...opts, knowledge: k, labels: labelIndex(k) };
    expect(understand('Try again', undefined, o)).toMatchObject({ command: 'human', chosen: true });
    expect(understand('Try again', undefined, { ...o, classify: (t: string) => table.classify(t) })).toMatchObject({ answer: 'no', chosen: false });
  });

  it('a button wins over its text, keeps its step, and an unknown token is read as text', () => {
    expect(understand('No', { value: 'yes', stepId: 'restart' }, opts)).toMatchObject({ answer: 'yes', actionStepId: 'restart', text: 'No' });
    expect(understand(undefined, { value: 'my backup failed' }, opts)).toMatchObject({ intent: 'backup_failed', chosen: false });
    expect(understand(undefined, { value: 'my wifi is bad' }, opts)).toMatchObject({ intent: 'wifi_problem', chosen: false });
  });

  it.each([[''], ['   '], ['👍🎉'], ['?!'], [undefined]])('"%s" says nothing', (text) => {
    expect(understand(text, undefined, opts).said).toBe(false);
  });

  it('takes entities from the NLU, trimmed to a sane length', () => {
    const long = fakeUnderstander({ x: { intent: 'unknown', entities: { error_text: 'e'.repeat(500) } } });
    const u = understand('x', undefined, { ...opts, classify: (t) => long.classify(t) });
    expect(u.entities.error_text).toHaveLength(200);
  });
});
