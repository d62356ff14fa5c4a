// Runs every conversation script against the engine with the real knowledge and the real NLU; prints the whole
// transcript when a turn does not meet its expectations.
import { createEngine } from '../../dialogs';
import type { Engine, Session, TurnInput, TurnResult } from '../../dialogs';
import type { Script, ScriptTurn } from './script';
import { check, loadScripts, SETUPS, transcriptLines } from './script';
import { describeWithRealNlu, realBrain } from './real-brain';

const scripts = loadScripts(__dirname);

/** The step a pressed button belongs to: the step of the last question shown, as a channel's card would carry it. */
function boundStep(turn: ScriptTurn, last: TurnResult | undefined): string | undefined {
  if (turn.step !== undefined) return turn.step ?? undefined;
  return [...(last?.replies ?? [])].reverse().find((r) => (r.choices?.length ?? 0) > 0)?.stepId;
}

function toInput(turn: ScriptTurn, last: TurnResult | undefined): Omit<TurnInput, 'now' | 'locale'> {
  if (turn.start) return { kind: 'conversation_start' };
  if (turn.handoff_status) {
    return { kind: 'handoff_status', handoffStatus: turn.handoff_status, queuePosition: turn.position, agentName: turn.agent, resumeAtStep: turn.resume_at };
  }
  if (turn.pick_up !== undefined) return { kind: 'pick_up', ...(typeof turn.pick_up === 'string' ? { text: turn.pick_up } : {}) };
  if (turn.press !== undefined) {
    const stepId = boundStep(turn, last);
    return { kind: 'message', action: { value: turn.press, ...(stepId ? { stepId } : {}), ...(turn.picked ? { picked: turn.picked } : {}) } };
  }
  return { kind: 'message', text: (turn.user ?? '').repeat(turn.times ?? 1) };
}

function said(turn: ScriptTurn): string {
  if (turn.start) return '(conversation starts)';
  if (turn.handoff_status) return `(handoff status: ${turn.handoff_status}${turn.resume_at ? ` → ${turn.resume_at}` : ''})`;
  if (turn.pick_up !== undefined) return `(back after a while) ${typeof turn.pick_up === 'string' ? turn.pick_up : ''}`;
  if (turn.press !== undefined) return `[presses ${turn.press}]`;
  const text = (turn.user ?? '').repeat(turn.times ?? 1);
  return text.length > 200 ? `${text.slice(0, 120)}… (${text.length} characters)` : text;
}

function play(engine: Engine, script: Script): void {
  const transcript: string[] = [`script ${script.file}: ${script.name}`];
  const failures: string[] = [];
  let session: Session | undefined;
  let last: TurnResult | undefined;
  let minute = 0;
  const turnOnce = (turn: ScriptTurn): TurnResult => {
    const now = new Date(Date.UTC(2025, 5, 1, 10, minute++)).toISOString();
    const result = engine.turn(session, { ...toInput(turn, last), locale: turn.locale ?? script.locale, handoff: SETUPS[script.setup ?? 'none'], now });
    transcript.push(...transcriptLines(said(turn), result));
    for (const r of result.replies) {
      if (r.kind === 'step' && r.stepId && script.never_steps?.includes(r.stepId)) failures.push(`turn ${transcript.length}: offered ${r.stepId}, which must never come`);
    }
    session = result.session;
    last = result;
    return result;
  };
  script.turns.forEach((turn, i) => {
    let result = turnOnce(turn);
    if (turn.until) {
      for (let n = 1; check(turn.until, result).length > 0; n++) {
        if (n >= (turn.max ?? 15)) { failures.push(`turn ${i + 1}: "until" never held: ${check(turn.until, result).join('; ')}`); break; }
        result = turnOnce(turn);
      }
    }
    for (const problem of check(turn.expect ?? {}, result)) failures.push(`turn ${i + 1} (${said(turn)}): ${problem}`);
    if (result.trace.route === 'error') failures.push(`turn ${i + 1}: the engine failed (route "error")`);
  });
  if (failures.length > 0) throw new Error(`${failures.join('\n')}\n\n--- transcript ---\n${transcript.join('\n')}`);
}

describeWithRealNlu('conversation scripts (engine, real knowledge and NLU)', () => {
  const engine: Engine = createEngine(realBrain());
  it.each(scripts.map((s) => [s.file, s] as const))('%s', (_file, script) => play(engine, script));

  it('keeps the scope entities (which products were named) out of the facts the handoff carries', () => {
    const { session } = engine.turn(undefined, { kind: 'message', text: 'my iphone 13 backup to google drive failed', locale: 'en-US', now: '2026-03-02T10:00:00.000Z' });
    expect(session.facts).toEqual({ iphone_model: 'iphone 13' });
  });
});
