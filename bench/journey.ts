// The conversation the benchmark repeats against the real bot: a failed backup, "I'm not sure" to the diagnostic
// question, "no" typed nine ways (each goes through the NLU, none is a button label), escalation, then "start over"
// and again. Checked in process against the real engine before it is used, so a content change cannot silently turn
// the benchmark into a fallback loop.
import { createEngine, trainUnderstander, type Knowledge, type Session, type TurnInput } from '../dialogs';

export const BOT_JOURNEY: readonly string[] = [
  'my backup failed',
  "I'm not sure",
  'nope, still failing',
  "no, that didn't help",
  'still not working',
  'no luck, it still fails',
  'nope, same error',
  "didn't work",
  'no it still says backup failed',
  'no, still broken',
  'nope',
  "let's start over",
];

export interface JourneyTurn {
  readonly text: string;
  readonly route?: string;
  readonly status: Session['status'];
  readonly step?: string;
}

/** Runs the journey twice through the engine; throws unless it walks the flow to escalation and starts over. */
export function checkJourney(knowledge: Knowledge): readonly JourneyTurn[] {
  const engine = createEngine({ knowledge, understander: trainUnderstander(knowledge) });
  let session: Session | undefined;
  const turns: JourneyTurn[] = [];
  for (const text of [...BOT_JOURNEY, ...BOT_JOURNEY]) {
    const input: TurnInput = { kind: 'message', text, locale: 'en-US', now: new Date().toISOString() };
    const result = engine.turn(session, input);
    session = result.session;
    turns.push({ text, route: result.trace.route, status: session.status, step: session.stepId });
  }
  const n = BOT_JOURNEY.length;
  const problems = [
    turns[0].route === 'diagnose:ask' ? '' : 'the first message does not ask the diagnostic question',
    turns[1].status === 'in_flow' ? '' : '"I\'m not sure" does not start the flow',
    turns.slice(2, n - 2).every((t, i) => t.status === 'in_flow' && t.step !== turns[i + 1].step) ? '' : 'a "no" does not move to the next step',
    turns[n - 2].status === 'escalated' ? '' : 'the last "no" does not escalate',
    turns[n - 1].status === 'idle' ? '' : '"start over" does not start over',
    turns[n + 1].status === 'in_flow' && turns[n + 1].step === turns[1].step ? '' : 'the second round does not start the flow afresh',
  ].filter(Boolean);
  if (problems.length > 0) {
    const table = turns.map((t) => `  ${t.text.padEnd(34)} ${t.status.padEnd(10)} ${t.step ?? ''} (${t.route ?? ''})`).join('\n');
    throw new Error(`the benchmark journey does not walk the flow: ${problems.join('; ')}\n${table}`);
  }
  return turns;
}
