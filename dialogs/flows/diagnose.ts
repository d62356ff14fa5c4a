// Diagnose before prescribing: when a failed backup is reported with no cause named, one question that splits the
// causes (Flow.diagnose); its answer sets the facts it tells and the fixes to try first (Session.plan).
import type { DiagnoseOption, Flow, Reply, Session } from '../types';
import type { Outcome, TurnContext, Understanding } from '../context';
import { withoutPending } from '../session';
import { applies } from './runner';
import { freshRun, startFlow } from './present';

/** The "I don't know" answer: nothing told, the usual order. */
export const isUnsure = (o: DiagnoseOption): boolean => o.try.length === 0 && o.intents.length === 0 && o.errors.length === 0 && Object.keys(o.facts).length === 0;

/** The option what the user said points to: the intent, an error text, or a fact only one option establishes. */
export function optionFor(flow: Flow, u: Pick<Understanding, 'intent' | 'entities'>, facts: Readonly<Record<string, string>>): DiagnoseOption | undefined {
  const options = flow.diagnose?.options ?? [];
  const byIntent = options.find((o) => o.intents.includes(u.intent));
  if (byIntent) return byIntent;
  const error = u.entities.error_text ?? facts.error_text;
  const byError = error !== undefined ? options.find((o) => o.errors.includes(error)) : undefined;
  if (byError) return byError;
  const told = options.filter((o) => Object.keys(o.facts).length > 0 && Object.entries(o.facts).every(([k, v]) => facts[k] === v));
  return told.length === 1 ? told[0] : undefined;
}

/** The plan an option gives: its `try` steps that apply to the facts, in order. */
function planOf(flow: Flow, option: DiagnoseOption, facts: Readonly<Record<string, string>>): readonly string[] {
  return option.try.filter((id) => {
    const step = flow.steps.find((s) => s.id === id);
    return step !== undefined && applies(step, facts);
  });
}

/**
 * The session with what an answer tells: its facts and the fixes to try first. The answer's facts win over what the
 * words of a message suggested ("I back up to my PC, I don't use iCloud" names both; "my computer" answers it).
 */
export function withDiagnosis(session: Session, flow: Flow, option: DiagnoseOption, told = true): Session {
  // Only an answer tells facts; an option guessed from a symptom lends its order of fixes, not its facts.
  const facts = told ? { ...session.facts, ...option.facts } : session.facts;
  const plan = planOf(flow, option, facts);
  const { plan: _old, ...rest } = session;
  return { ...rest, facts, ...(plan.length > 0 ? { plan } : {}) };
}

/** Starts the flow where the answer points (the usual order for "I don't know"). */
export function applyDiagnosis(ctx: TurnContext, session: Session, flow: Flow, option: DiagnoseOption): Outcome {
  const diagnosed = { ...withDiagnosis(withoutPending(session), flow, option), diagnosed: true };
  return { ...startFlow(ctx, diagnosed, flow, undefined, [], true), route: `diagnose:${option.id}` };
}

/**
 * The trigger ("my backup failed"): straight to the fixes when the message already says where they should start (an
 * error text, a computer, a cause); otherwise the flow's diagnostic question, when it has one.
 */
export function beginFlow(ctx: TurnContext, session: Session, flow: Flow): Outcome {
  if (!flow.diagnose) return startFlow(ctx, session, flow);
  const known = optionFor(flow, ctx.u, session.facts);
  if (known && !isUnsure(known)) return { ...startFlow(ctx, withDiagnosis(session, flow, known), flow), route: `flow:start:${known.id}` };
  // No flow or step is current yet: the question waits on its own (pending), the session stays as it was.
  const asked: Session = { ...freshRun(session), pending: { kind: 'diagnose', flowId: flow.id } };
  return { session: asked, replies: [diagnoseQuestion(flow, asked.facts)], events: [{ type: 'flow_started', flow: flow.id }], route: 'diagnose:ask' };
}

/** The options that fit what is already known (a computer user is not asked about iCloud storage). */
export function fittingOptions(flow: Flow, facts: Readonly<Record<string, string>>): readonly DiagnoseOption[] {
  return (flow.diagnose?.options ?? []).filter((o) => Object.entries(o.facts).every(([k, v]) => facts[k] === undefined || facts[k] === v));
}

/** The question with its options as buttons (`diag:<id>`; a typed number or label picks one too). */
export function diagnoseQuestion(flow: Flow, facts: Readonly<Record<string, string>> = {}): Reply {
  const options = fittingOptions(flow, facts).map((o) => ({ label: o.label, value: `diag:${o.id}` }));
  return { kind: 'question', text: flow.diagnose?.say ?? '', choices: options };
}

/** The answer to the diagnostic question, or undefined when the message is something else (handled as itself). */
export function diagnosisAnswer(ctx: TurnContext, flow: Flow): DiagnoseOption | undefined {
  const { u } = ctx;
  const options = flow.diagnose?.options ?? [];
  if (u.diagnosis !== undefined) return options.find((o) => o.id === u.diagnosis);
  const named = optionFor(flow, u, {});
  if (named) return named;
  const unsure = options.find(isUnsure);
  // "Not sure", "no idea", or words the bot cannot place: the usual order rather than a question that stalls.
  const lost = u.answer === 'unsure' || u.answer === 'no' || (u.intent === 'unknown' && Object.keys(u.entities).length === 0);
  return lost ? unsure : undefined;
}

/**
 * Before escalating: the options that would open fixes still untried, kept back only because a fact is unknown (a
 * computer-only step for someone who never said where they back up).
 */
export function unlockingOptions(flow: Flow, session: Session): readonly DiagnoseOption[] {
  // Someone who answered the question already (even "not sure") has seen these options: not asked twice.
  if (session.diagnosed && session.pending?.kind !== 'diagnose') return [];
  const untried = flow.steps.filter((s) => !session.steps.some((r) => r.stepId === s.id && r.outcome !== 'skipped'));
  return (flow.diagnose?.options ?? []).filter((o) => {
    const unknown = Object.keys(o.facts).filter((k) => session.facts[k] === undefined);
    if (unknown.length === 0) return false;
    const facts = { ...session.facts, ...o.facts };
    return o.try.some((id) => untried.some((s) => s.id === id && s.only !== undefined && applies(s, facts)));
  });
}

/** "Before I send you to Apple: does one of these fit?" with those options and the template's own "no". */
export function askLastCheck(ctx: TurnContext, session: Session, flow: Flow, options: readonly DiagnoseOption[]): Outcome {
  const choicesFirst = options.map((o) => ({ label: o.label, value: `diag:${o.id}` }));
  const reply = ctx.say.reply('last_check', {}, { kind: 'question', choicesFirst });
  return { session: { ...withoutPending(session), pending: { kind: 'diagnose', flowId: flow.id, last: true } }, replies: [reply], route: 'diagnose:last' };
}
