// No dead ends, proven over random conversations on the real knowledge and NLU: every turn offers a way forward, the
// same reply never comes three times in a row, a user who keeps saying "no" reaches a fix or an escalation within a
// bound, and the session stays valid — in every deployment (nobody, a help desk by ticket, an agent inbox).
import fc from 'fast-check';
import { createEngine, isSessionValid } from '../../dialogs';
import type { Reply, Session, TurnInput, TurnResult } from '../../dialogs';
import { describeWithRealNlu, realBrain } from '../conversations/real-brain';
import { SETUPS, type Setup } from '../conversations/script';

type Move = Omit<TurnInput, 'now' | 'handoff' | 'locale'> | { readonly kind: 'press-offered'; readonly pick: number };

const SAID = [
  'yes', 'no', 'nope still failing', 'yes it worked', 'kind of', 'i already tried that', 'i tried everything', 'help', 'start over',
  'talk to a person', "what's apple's number", 'book a genius bar appointment', 'next', 'skip this one', 'go back', 'repeat that',
  'show me all the steps', "i'll try it later", 'carry on', 'hi', 'thanks', 'bye', 'cheers, will do', 'google drive is full',
  "what's the weather like", 'my backup failed', 'icloud storage is full', 'backup to my mac fails', 'it says could not be completed',
  'i restarted and updated already', '3', '1 2', 'all of them', 'none', 'me@example.com', '5', '', '   ', '👍', 'asdf qwer zxcv',
];

const move: fc.Arbitrary<Move> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SAID).map((text) => ({ kind: 'message' as const, text })) },
  { weight: 5, arbitrary: fc.nat(9).map((pick) => ({ kind: 'press-offered' as const, pick })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 25 }).map((text) => ({ kind: 'message' as const, text })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'conversation_start' as const }) },
  { weight: 1, arbitrary: fc.constantFrom(...SAID).map((text) => ({ kind: 'pick_up' as const, text })) },
);

const setup = fc.constantFrom<Setup>('none', 'helpdesk', 'inbox');
const locale = fc.constantFrom('en-US', 'en-GB', 'en-IN', 'fr-FR', undefined);

/** A turn offers a way forward when something in it can be pressed (a button, a box, a submit). */
const offersWayForward = (replies: readonly Reply[]): boolean => replies.some((r) => (r.choices?.length ?? 0) > 0 || r.submit !== undefined);
const signature = (r: TurnResult): string => r.replies.map((x) => `${x.kind}|${x.title ?? ''}|${x.text}|${(x.lines ?? []).join('/')}`).join('\n');

describeWithRealNlu('engine: no dead ends (real knowledge and NLU, random conversations)', () => {
  const engine = createEngine(realBrain());

  function player(where: Setup, loc: string | undefined) {
    let session: Session | undefined;
    let last: TurnResult | undefined;
    let minute = 0;
    const history: string[] = [];
    const send = (m: Move): TurnResult => {
      const offered = (last?.replies ?? []).flatMap((r) => [...(r.choices ?? []).map((c) => ({ ...c, stepId: r.stepId })), ...(r.submit ? [{ ...r.submit, stepId: r.stepId }] : [])]);
      const input: Omit<TurnInput, 'now'> = m.kind === 'press-offered'
        ? (offered.length > 0
          ? { kind: 'message', action: { value: offered[m.pick % offered.length].value, ...(offered[m.pick % offered.length].stepId ? { stepId: offered[m.pick % offered.length].stepId } : {}) } }
          : { kind: 'message', text: 'hello?' })
        : m;
      const now = new Date(Date.UTC(2026, 0, 1, 9, minute++)).toISOString();
      last = engine.turn(session, { ...input, locale: loc, handoff: SETUPS[where], now });
      session = last.session;
      history.push(`${JSON.stringify(input)} → ${last.trace.route}`);
      return last;
    };
    return { send, history, get session() { return session; } };
  }

  it('every turn offers a way forward, no reply comes three times in a row, the session stays valid', () => {
    fc.assert(fc.property(fc.array(move, { minLength: 1, maxLength: 25 }), setup, locale, (moves, where, loc) => {
      const p = player(where, loc);
      const seen: string[] = [];
      for (const m of moves) {
        const r = p.send(m);
        const why = `\n${p.history.join('\n')}`;
        expect(isSessionValid(r.session)).toBe(true);
        if (r.trace.route === 'error') throw new Error(`engine error${why}`);
        if (r.replies.length === 0) continue; // a handoff status the bot has nothing to say to (none here)
        if (!offersWayForward(r.replies)) throw new Error(`no way forward: ${signature(r)}${why}`);
        seen.push(signature(r));
        const n = seen.length;
        if (n >= 3 && seen[n - 1] === seen[n - 2] && seen[n - 2] === seen[n - 3]) throw new Error(`the same reply three times: ${seen[n - 1]}${why}`);
      }
    }), { numRuns: 150 });
  });

  it('after any history, a user who says their backup failed and then keeps saying "no" reaches a fix or an escalation', () => {
    const steps = realBrain().knowledge.flows.reduce((n, f) => n + f.steps.length, 0);
    fc.assert(fc.property(fc.array(move, { maxLength: 20 }), setup, locale, fc.constantFrom('no', 'nope', 'still failing'), (moves, where, loc, no) => {
      const p = player(where, loc);
      moves.forEach(p.send);
      const done = (r: TurnResult) => r.events.some((e) => e.type === 'escalated' || e.type === 'resolved') || ['escalated', 'resolved'].includes(r.session.status);
      let reached = done(p.send({ kind: 'message', text: 'my backup failed' }));
      // Each "no" answers a step, or a question that then moves on; a few more turns for the questions on the way.
      for (let n = 0; n < steps + 6 && !reached; n++) reached = done(p.send({ kind: 'message', text: no }));
      if (!reached) throw new Error(`still ${p.session?.status} at ${p.session?.stepId}\n${p.history.join('\n')}`);
    }), { numRuns: 80 });
  });
});
