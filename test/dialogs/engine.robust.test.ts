// Bad input never breaks a turn: empty and emoji messages, huge text, forged buttons, odd inputs, a failing NLU.
import { createEngine, isSessionValid, newSession } from '../../dialogs';
import type { Session, TurnInput, Understander } from '../../dialogs';
import { chat, fakeUnderstander, ids, knowledge, TABLE } from './fixtures';

const now = '2025-01-01T00:00:00.000Z';

describe('engine: bad input', () => {
  const nlu = fakeUnderstander(TABLE);
  const engine = createEngine({ knowledge, understander: nlu });

  it.each([[''], ['   \n\t'], ['👍'], ['🙂🎉🙂'], ['?!…'], ['\u200b']])('%j → empty_message, and nothing is classified', (text) => {
    const before = nlu.seen.length;
    const r = engine.turn(undefined, { kind: 'message', text, now });
    expect(ids(r)).toEqual(['empty_message']);
    expect(nlu.seen.length).toBe(before);
  });

  it('no text and no action → empty_message, then the open question again (it stays open)', () => {
    const c = chat(engine);
    c.say('my backup failed');
    expect(ids(c.send({ kind: 'message' }))).toEqual(['empty_message', 'did_it_fix']);
    expect(c.last.session.pending?.kind).toBe('did_it_fix');
  });

  it('a 10,000-character message is classified whole and answered; only 1,000 characters are kept', () => {
    const text = 'my backup failed '.repeat(600).slice(0, 10_000);
    const r = engine.turn(undefined, { kind: 'message', text, now });
    expect(nlu.seen.at(-1)).toHaveLength(10_000);
    expect(r.replies.length).toBeGreaterThan(0);
    expect(r.session.lastUserText).toHaveLength(1000);
  });

  it.each<[string, TurnInput['action']]>([
    ['an unknown token', { value: 'drop_tables' }], ['an unknown intent', { value: 'intent:admin' }], ['an empty value', { value: '' }],
    ['a non-string value', { value: 42 as unknown as string }], ['a huge value', { value: 'x'.repeat(50_000) }],
  ])('a forged button (%s) is answered like text', (_name, action) => {
    const r = engine.turn(undefined, { kind: 'message', action, now });
    expect(r.trace.route).not.toBe('error');
    expect(r.replies.length).toBeGreaterThan(0);
  });

  it('right-to-left and combining text is read, not refused', () => {
    expect(ids(engine.turn(undefined, { kind: 'message', text: 'مرحبا e\u0301', now }))).toEqual(['fallback']);
  });

  it('an unknown input kind is read as a message; a missing time does not break the turn', () => {
    const r = engine.turn(undefined, { kind: 'typing' as TurnInput['kind'], text: 'hi', now: undefined as unknown as string });
    expect(ids(r)).toEqual(['greeting']);
    expect(isSessionValid(r.session)).toBe(true);
  });

  it('an older or damaged session is treated as new', () => {
    for (const stored of [{ version: 0 }, { ...newSession(), steps: 'x' }, 'junk', null]) {
      const r = engine.turn(stored as unknown as Session, { kind: 'message', text: 'my backup failed', now });
      expect(ids(r)).toEqual(['step:check_storage', 'did_it_fix']);
    }
  });

  it('a session pointing at a step the knowledge no longer has starts cleanly', () => {
    const stored: Session = { ...newSession(), status: 'in_flow', flowId: 'backup', stepId: 'gone', pending: { kind: 'did_it_fix', flowId: 'backup', stepId: 'gone' } };
    const r = engine.turn(stored, { kind: 'message', text: 'no', now });
    expect(ids(r)).toEqual(['no_question']);
    expect(r.session.status).toBe('idle');
  });

  it('the same input on the same session gives the same result (deterministic)', () => {
    const c = chat(engine);
    c.say('my backup failed');
    const s = c.session;
    const input: TurnInput = { kind: 'message', text: 'help', now };
    expect(engine.turn(s, input)).toEqual(engine.turn(s, input));
  });
});

describe('engine: when something inside fails', () => {
  const broken: Understander = { classify: () => { throw new Error('model file missing'); } };
  const engine = createEngine({ knowledge, understander: broken });

  it('answers with the error reply, keeps the session, and never throws', () => {
    const s: Session = { ...newSession(), facts: { iphone_model: 'iPhone 13' }, turns: 4 };
    const r = engine.turn(s, { kind: 'message', text: 'hello', now });
    expect(ids(r)).toEqual(['error']);
    expect(r.trace.route).toBe('error');
    expect(r.session).toBe(s);
  });

  it('buttons still work without the NLU', () => {
    expect(ids(engine.turn(undefined, { kind: 'message', action: { value: 'intent:backup_failed' }, now }))).toEqual(['step:check_storage', 'did_it_fix']);
  });

  it('falls back to the one apology in code when knowledge has no error reply', () => {
    const bare = createEngine({ knowledge: { ...knowledge, replies: {} }, understander: broken });
    expect(bare.turn(undefined, { kind: 'message', text: 'hello', now }).replies[0].text).toMatch(/something went wrong/);
  });
});
