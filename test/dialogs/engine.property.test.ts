// Property tests over the engine: any sequence of inputs is answered, never throws, keeps a valid session; and
// answering "no" to every step always ends in escalation.
import fc from 'fast-check';
import { createEngine, isSessionValid } from '../../dialogs';
import type { Session, TurnInput, TurnResult } from '../../dialogs';
import { currentStep } from '../../dialogs/flows/runner';
import { fakeUnderstander, knowledge, STEPS, TABLE } from './fixtures';
import { describeWithRealNlu, realBrain } from '../conversations/real-brain';

const engine = createEngine({ knowledge, understander: fakeUnderstander(TABLE) });

const TOKENS = ['yes', 'no', 'tried', 'unsure', 'human', 'restart', 'help', 'resume', 'goodbye', 'intent:backup_failed',
  'intent:storage_full', 'intent:thanks', 'intent:nope', 'step:restart', 'step:bogus', 'region:GB', 'region:zz', 'region:other', ''];

const text = fc.oneof(
  fc.constantFrom(...Object.keys(TABLE), '', '   ', '👍', '🙂🙂', '1', '2', '3', '9', 'Yes', 'Carry on', 'uk', 'Already tried'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constant('x'.repeat(10_000)),
);

const action = fc.record({
  value: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 })),
  stepId: fc.option(fc.constantFrom(...STEPS, 'bogus'), { nil: undefined }),
}).map(({ value, stepId }) => (stepId === undefined ? { value } : { value, stepId }));

const input: fc.Arbitrary<Omit<TurnInput, 'now'>> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('message' as const), text }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('message' as const), action }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('message' as const), text, action }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'conversation_start' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pick_up' as const), text }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('handoff_status' as const),
      handoffStatus: fc.constantFrom('accepted', 'failed', 'completed', 'agent_joined', 'agent_left', 'queued', 'unavailable'),
      queuePosition: fc.nat(20),
      resumeAtStep: fc.option(fc.constantFrom(...STEPS, 'bogus'), { nil: undefined }),
    }),
  },
);

const locale = fc.constantFrom('en-US', 'en-GB', 'en', 'fr-FR', '', 'garbage!!', undefined);

function run(inputs: readonly Omit<TurnInput, 'now'>[], loc: string | undefined, start?: Session): { session: Session | undefined; results: TurnResult[] } {
  let session = start;
  const results: TurnResult[] = [];
  inputs.forEach((i, n) => {
    const r = engine.turn(session, { locale: loc, ...i, now: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString() });
    results.push(r);
    session = r.session;
  });
  return { session, results };
}

/** What must hold after every turn. */
function checkTurn(before: Session | undefined, i: Omit<TurnInput, 'now'>, r: TurnResult): void {
  expect(isSessionValid(r.session)).toBe(true);
  expect(r.trace.route).not.toBe('error');
  if (i.kind !== 'handoff_status') expect(r.replies.length).toBeGreaterThan(0);
  expect(r.session.turns).toBe((before?.turns ?? 0) + 1);
  for (const reply of r.replies) expect(typeof reply.text).toBe('string');
  expect(r.replies.filter((x) => (x.choices?.length ?? 0) > 0).length).toBeLessThanOrEqual(1);
  const s = r.session;
  if (s.status === 'in_flow') expect(currentStep(knowledge, s)).toBeDefined();
  if (s.pending && 'stepId' in s.pending) expect([s.pending.stepId, s.pending.flowId]).toEqual([s.stepId, s.flowId]);
}

describe('engine (properties)', () => {
  it('answers every input, never throws, and keeps the session valid', () => {
    fc.assert(fc.property(fc.array(input, { minLength: 1, maxLength: 25 }), locale, (inputs, loc) => {
      let session: Session | undefined;
      inputs.forEach((i, n) => {
        const r = engine.turn(session, { locale: loc, ...i, now: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString() });
        checkTurn(session, i, r);
        session = r.session;
      });
    }), { numRuns: 200 });
  });

  it('treats a damaged or foreign session as new rather than failing', () => {
    const junk = fc.oneof(fc.anything(), fc.record({ version: fc.constant(1), status: fc.string(), steps: fc.anything() }));
    fc.assert(fc.property(junk, input, (stored, i) => {
      const r = engine.turn(stored as Session, { ...i, now: '2025-01-01T00:00:00.000Z' });
      expect(isSessionValid(r.session)).toBe(true);
      expect(r.trace.route).not.toBe('error');
    }), { numRuns: 200 });
  });

  it('after any history, starting over and answering "no" to every step ends in escalation', () => {
    fc.assert(fc.property(fc.array(input, { maxLength: 15 }), locale, fc.boolean(), (history, loc, typed) => {
      const { session } = run(history, loc);
      const c = run([{ kind: 'message', action: { value: 'restart' } }, { kind: 'message', action: { value: 'intent:backup_failed' } }], loc, session);
      let s = c.session as Session;
      let last = c.results[1];
      for (let n = 0; n < STEPS.length + 2 && s.status === 'in_flow'; n++) {
        const no: Omit<TurnInput, 'now'> = typed ? { kind: 'message', text: 'no' } : { kind: 'message', action: { value: 'no', stepId: s.stepId } };
        last = run([no], loc, s).results[0];
        s = last.session;
      }
      expect(s.status).toBe('escalated');
      expect(last.replies.map((r) => r.kind)).toEqual(expect.arrayContaining(['escalation', 'summary']));
      // Nobody configured (the default): no handoff, the escalation is Apple Support's.
      expect(last.effects.filter((e) => e.type === 'handoff')).toEqual([]);
      expect(last.events).toContainEqual(expect.objectContaining({ type: 'escalated', reason: 'all_fixes_failed', routes: ['apple'] }));
    }), { numRuns: 100 });
  });
});

describeWithRealNlu('engine (properties, real knowledge and NLU)', () => {
  const brain = realBrain();
  const real = createEngine(brain);
  const steps = brain.knowledge.flows.flatMap((f) => f.steps.map((x) => x.id));
  // Short random strings and a 10,000-character message of ordinary words; one giant token is left out on purpose: the
  // NLU's spelling correction is roughly cubic in a word's length (a 3,000-letter word takes minutes), reported to its owner.
  const realText = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.constant('my backup failed again and again '.repeat(304).slice(0, 10_000)),
    fc.constantFrom('', '  ', '👍', '1', '2', 'Yes', 'uk','my backup failed', 'no', 'nope still failing', 'yes it worked', 'kind of', 'i already tried restarting',
      'how do i check if icloud is down', 'talk to a person', 'start over', 'help', 'thanks', 'bye', 'carry on', 'storage wifi'),
  );
  const realInput: fc.Arbitrary<Omit<TurnInput, 'now'>> = fc.oneof(
    fc.record({ kind: fc.constant('message' as const), text: realText }),
    fc.record({ kind: fc.constant('message' as const), action: fc.record({ value: fc.constantFrom(...TOKENS), stepId: fc.constantFrom(...steps) }) }),
  );

  it('answers every input, never throws, and keeps the session valid', () => {
    fc.assert(fc.property(fc.array(realInput, { minLength: 1, maxLength: 15 }), locale, (inputs, loc) => {
      let session: Session | undefined;
      inputs.forEach((i, n) => {
        const r = real.turn(session, { locale: loc, ...i, now: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString() });
        expect(isSessionValid(r.session)).toBe(true);
        expect(r.trace.route).not.toBe('error');
        expect(r.replies.length).toBeGreaterThan(0);
        expect(r.replies.every((x) => x.text.trim() !== '' || x.kind === 'step')).toBe(true);
        session = r.session;
      });
    }), { numRuns: 40 });
  });

  it('after any history, starting over and answering "no" to every step ends in escalation', () => {
    fc.assert(fc.property(fc.array(realInput, { maxLength: 10 }), locale, (history, loc) => {
      let s: Session | undefined;
      const send = (i: Omit<TurnInput, 'now'>) => { const r = real.turn(s, { locale: loc, ...i, now: '2025-01-01T00:00:00.000Z' }); s = r.session; return r; };
      history.forEach(send);
      send({ kind: 'message', text: 'start over' });
      let last = send({ kind: 'message', text: 'my backup failed' });
      // The flow's diagnostic question comes first (real knowledge has one): "no" to it means "I don't know".
      const going = () => s?.status === 'in_flow' || s?.pending?.kind === 'diagnose';
      for (let n = 0; n <= steps.length + 1 && going(); n++) last = send({ kind: 'message', text: 'no' });
      expect(s?.status).toBe('escalated');
      expect(last.events).toContainEqual(expect.objectContaining({ type: 'escalated', reason: 'all_fixes_failed' }));
    }), { numRuns: 25 });
  });
});
