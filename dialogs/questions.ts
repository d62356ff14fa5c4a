// The questions the engine asks and waits on (pending), how to ask each again, and the choices each offers.
import type { Choice, Knowledge, Pending, Reply, Session } from './types';
import type { Say } from './replies';
import type { StepRef } from './flows/runner';
import { currentStep, findStep } from './flows/runner';
import { withoutPending } from './session';
import { diagnoseQuestion, unlockingOptions } from './flows/diagnose';

export interface Asked {
  readonly session: Session;
  readonly reply: Reply;
}

/** The template that asks each kind of pending question. */
const TEMPLATE: Readonly<Record<Pending['kind'], string>> = {
  did_it_fix: 'did_it_fix', resume: 'resume', pick_up: 'pick_up', offer_human: 'fallback_human',
  ask_region: 'ask_region', disambiguate: 'disambiguate', confirm_start_over: 'resume',
  confirm_step: 'confirm_step', csat: 'csat_ask', ask_email: 'ticket_ask_email', tried_which: 'tried_which', diagnose: 'diagnose',
};

function intentChoices(knowledge: Knowledge, options: readonly string[]): readonly Choice[] {
  return options.map((name) => ({ label: knowledge.intents.find((i) => i.name === name)?.label ?? name, value: `intent:${name}` }));
}

/** A flow's steps as choices (`step:<id>`, labelled with their titles). */
function stepChoices(knowledge: Knowledge, flowId: string, stepIds: readonly string[]): readonly Choice[] {
  return stepIds.flatMap((id) => {
    const step = findStep(knowledge, flowId, id)?.step;
    return step ? [{ label: step.title, value: `step:${id}` }] : [];
  });
}

/** "Which of these have you tried?": the steps as boxes to tick (or numbers to type), sent with the template's button. */
export function askTriedWhich(say: Say, knowledge: Knowledge, session: Session, flowId: string, stepIds: readonly string[]): Asked {
  const [submit] = say.choices('tried_which');
  const reply: Reply = { ...say.reply('tried_which', {}, { kind: 'checklist', choicesFirst: stepChoices(knowledge, flowId, stepIds), noChoices: true }), pick: 'many', ...(submit ? { submit } : {}) };
  return { session: { ...session, pending: { kind: 'tried_which', flowId, options: stepIds } }, reply };
}

export function askDidItFix(say: Say, session: Session, at: StepRef): Asked {
  const pending: Pending = { kind: 'did_it_fix', flowId: at.flow.id, stepId: at.step.id };
  const reply = say.reply('did_it_fix', { step: at.step.title }, { stepId: at.step.id });
  // A step's own question (`ask`) keeps the usual answers (the template's choices).
  return { session: { ...session, pending }, reply: at.step.ask !== undefined ? { ...reply, text: at.step.ask } : reply };
}

/** Before a step that can cost data or access: its warning, then "go ahead?". */
export function askConfirmStep(say: Say, session: Session, at: StepRef): Asked {
  const pending: Pending = { kind: 'confirm_step', flowId: at.flow.id, stepId: at.step.id };
  const reply = say.reply('confirm_step', { step: at.step.title, warning: at.step.confirm }, { kind: 'question', title: at.step.title, stepId: at.step.id });
  return { session: { ...session, pending }, reply };
}

export function askResume(say: Say, session: Session, at: StepRef): Asked {
  const pending: Pending = { kind: 'resume', flowId: at.flow.id, stepId: at.step.id };
  return { session: { ...session, pending }, reply: say.reply('resume', { step: at.step.title }, { kind: 'question', stepId: at.step.id }) };
}

export function askPickUp(say: Say, session: Session, at: StepRef): Asked {
  const pending: Pending = { kind: 'pick_up', flowId: at.flow.id, stepId: at.step.id };
  return { session: { ...session, pending }, reply: say.reply('pick_up', { step: at.step.title }, { kind: 'question', stepId: at.step.id }) };
}

export function askOfferHuman(say: Say, session: Session): Asked {
  return { session: { ...session, pending: { kind: 'offer_human' } }, reply: say.reply('fallback_human', {}, { kind: 'question' }) };
}

export function askRegion(say: Say, session: Session): Asked {
  return { session: { ...session, pending: { kind: 'ask_region' } }, reply: say.reply('ask_region', {}, { kind: 'question' }) };
}

export function askDisambiguate(say: Say, knowledge: Knowledge, session: Session, options: readonly string[]): Asked {
  const reply = say.reply('disambiguate', {}, { kind: 'question', choicesFirst: intentChoices(knowledge, options) });
  return { session: { ...session, pending: { kind: 'disambiguate', options } }, reply };
}

/** The choices the pending question offered, so a typed label or number can pick one. */
export function pendingChoices(say: Say, knowledge: Knowledge, session: Session): readonly Choice[] {
  const pending = session.pending;
  if (!pending) return [];
  const step = 'stepId' in pending ? findStep(knowledge, pending.flowId, pending.stepId)?.step.title : undefined;
  const own = say.choices(TEMPLATE[pending.kind], { step });
  if (pending.kind === 'disambiguate') return [...intentChoices(knowledge, pending.options), ...own];
  if (pending.kind === 'tried_which') return stepChoices(knowledge, pending.flowId, pending.options);
  if (pending.kind === 'diagnose') {
    const flow = knowledge.flows.find((f) => f.id === pending.flowId);
    if (!flow) return [];
    if (pending.last) return [...unlockingOptions(flow, session).map((o) => ({ label: o.label, value: `diag:${o.id}` })), ...say.choices('last_check')];
    return diagnoseQuestion(flow, session.facts).choices ?? [];
  }
  return own;
}

/**
 * The question the session is waiting on, asked again (after a misunderstanding, a stale button, small talk).
 * With nothing pending but a flow in progress, asks whether to carry on; with neither, asks nothing.
 */
export function reask(say: Say, knowledge: Knowledge, session: Session): Asked | undefined {
  const pending = session.pending;
  const at = currentStep(knowledge, session);
  switch (pending?.kind) {
    case 'did_it_fix': return at ? askDidItFix(say, session, at) : undefined;
    case 'confirm_step': return at ? askConfirmStep(say, session, at) : undefined;
    case 'ask_email': return { session, reply: say.reply('ticket_ask_email', {}, { kind: 'question' }) };
    case 'pick_up': return at ? askPickUp(say, session, at) : undefined;
    case 'offer_human': return askOfferHuman(say, session);
    case 'ask_region': return askRegion(say, session);
    case 'disambiguate': return askDisambiguate(say, knowledge, session, pending.options);
    default: return at ? askResume(say, withoutPending(session), at) : undefined;
  }
}

/**
 * After an aside (Apple's contact, thanks, help): back to where the user was. A step in progress: "shall we carry on
 * with it?"; the diagnostic question still open: that question again, so the aside does not lose it.
 */
export function carryOn(say: Say, knowledge: Knowledge, session: Session): Asked | undefined {
  const pending = session.pending;
  if (pending?.kind === 'diagnose' && !pending.last) {
    const flow = knowledge.flows.find((f) => f.id === pending.flowId);
    return flow ? { session, reply: diagnoseQuestion(flow, session.facts) } : undefined;
  }
  const at = session.status === 'in_flow' ? currentStep(knowledge, session) : undefined;
  return at ? askResume(say, withoutPending(session), at) : undefined;
}
