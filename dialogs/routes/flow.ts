// Flow intents: "I already tried X", a symptom or question about a step, the flow's trigger, facts alone.
import type { Outcome, Route, TurnContext } from '../context';
import { askResume, askTriedWhich, reask } from '../questions';
import { outcomeOf, recordStep } from '../session';
import { applies, currentStep, findStepAnywhere, flowForTrigger, mainPath, stepForError, stepForIntent } from '../flows/runner';
import { advance, freshRun, presentStep, startFlow, stepReply } from '../flows/present';
import { triedSteps } from '../flows/tried';
import { beginFlow, optionFor, withDiagnosis } from '../flows/diagnose';
import { parseAction } from '../understand';
import type { Flow, FlowStep } from '../types';
import { answerThenResume } from './commands';

/**
 * "I already tried restarting": marks that step already_tried so it is never suggested; if it is the current step the
 * flow moves on, if another the current question is asked again; with no flow yet, the flow starts without it.
 */
export const alreadyTried: Route = {
  name: 'already_tried',
  handle(ctx) {
    const { u, session, say, knowledge } = ctx;
    if (u.intent !== 'already_tried' && u.answer !== 'tried') return undefined;
    if (u.chosen && u.stepTarget === undefined) return undefined; // a bare "Already tried" button: nothing to apply it to
    const at = currentStep(knowledge, session);
    const found = triedSteps(ctx);
    const named = found.length > 0 ? found : at ? [at] : [];
    if (named.length === 0) return u.chosen ? undefined : askWhichTried(ctx);
    const base = at ? session : freshRun(session);
    const marked = named.reduce((s, r) => (outcomeOf(s, r.step.id) ? s : recordStep(s, r.step.id, 'already_tried', ctx.input.now)), base);
    const ack = say.reply('already_tried', { step: named.map((r) => r.step.title).join(say.line('list_joiner') || ', ') });
    if (!at) return { ...startFlow(ctx, marked, named[0].flow, undefined, [ack]), route: 'already_tried:start' };
    if (named.some((r) => r.step.id === at.step.id)) return advance(ctx, marked, at, [ack]);
    const asked = askResume(say, marked, at);
    return { session: asked.session, replies: [ack, asked.reply], route: 'already_tried:other' };
  },
};

/**
 * "I tried everything" with nothing going on: the fixes as a checklist (ticked boxes, or typed numbers where the
 * channel has no card), so the tried ones are skipped and the rest start; all of them tried goes straight to Apple.
 */
function askWhichTried(ctx: TurnContext): Outcome | undefined {
  const flow = ctx.knowledge.flows.find((f) => f.triggers.length > 0);
  if (!flow) return undefined;
  const fresh = freshRun(ctx.session);
  const options = mainPath(flow).filter((s) => applies(s, fresh.facts)).map((s) => s.id);
  const asked = askTriedWhich(ctx.say, ctx.knowledge, fresh, flow.id, options);
  return { session: asked.session, replies: [asked.reply], route: 'already_tried:which' };
}

/**
 * A step's symptom or question ("my icloud is full", "how do I check if iCloud is down?", a pasted error text, a
 * `step:` button). With no flow in progress the flow starts at that step. In a flow: the current step is shown again,
 * a `step:` button makes the step current, and a question about another step is answered without leaving the current
 * one, then "shall we carry on?".
 */
export const step: Route = {
  name: 'step',
  handle(ctx) {
    const { u, session, say, knowledge } = ctx;
    const prefer = session.flowId;
    const symptom = u.stepTarget === undefined ? stepForIntent(knowledge, u.intent, prefer) : undefined;
    // Only a symptom the NLU read is weighed against the facts: a button is a choice, and an error text is what was seen.
    if (symptom && !u.chosen && contradicted(symptom.step, stated(symptom.flow, u.entities))) return instead(ctx, symptom.flow.id);
    const target = u.stepTarget !== undefined
      ? findStepAnywhere(knowledge, u.stepTarget, prefer)
      : symptom ?? (u.intent === 'unknown' || flowForTrigger(knowledge, u.intent) ? stepForError(knowledge, u.entities.error_text, prefer) : undefined);
    if (!target) return undefined;
    const at = currentStep(knowledge, session);
    if (!at || at.flow.id !== target.flow.id) {
      // A symptom named: its fix first, then the fixes its diagnosis would point to, in their order.
      const option = optionFor(target.flow, u, session.facts);
      return startFlow(ctx, option ? withDiagnosis(session, target.flow, option, false) : session, target.flow, target.step);
    }
    const onIt = at.step.id === target.step.id && session.status === 'in_flow';
    if (onIt || u.stepTarget !== undefined) return { ...presentStep(ctx, session, target), route: 'step:current' };
    const asked = askResume(say, session, at);
    return { session: asked.session, replies: [stepReply(say, target.step, false), asked.reply], route: 'step:question' };
  },
};

/**
 * The facts a message states: its entities, and what its error text tells through the diagnosis option that lists it
 * (an MBErrorDomain code or "could not connect to lockdownd" is a computer's error, so a computer backup).
 */
function stated(flow: Flow, entities: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const error = entities.error_text;
  const options = error === undefined ? [] : (flow.diagnose?.options ?? []).filter((o) => o.errors.includes(error));
  const told = options.length === 1 ? options[0]?.facts ?? {} : {};
  return { ...told, ...entities };
}

/** A step the message's own facts rule out: one of its `when` or `only` conditions names a fact the message states otherwise. */
function contradicted(step: FlowStep, stated: Readonly<Record<string, string>>): boolean {
  return Object.entries({ ...step.when, ...step.only }).some(([key, allowed]) => stated[key] !== undefined && !allowed.includes(stated[key]));
}

/**
 * The symptom's words say one thing, the message's facts another ("idevicebackup2 on my PC … the sign-in fails": an
 * iCloud step for a computer backup). The next symptom the NLU ranked that fits the facts, else the flow's trigger
 * the NLU ranked best (a failed backup, told its facts, starts at the fixes for them or asks which of them fits).
 */
function instead(ctx: TurnContext, flowId: string): Outcome | undefined {
  const { u, knowledge } = ctx;
  const flow = knowledge.flows.find((f) => f.id === flowId);
  if (!flow) return undefined;
  const facts = stated(flow, u.entities);
  const fits = (intent: string) => {
    const own = flow.steps.find((s) => s.intents.includes(intent));
    return own !== undefined ? !contradicted(own, facts) : flow.triggers.includes(intent);
  };
  const ranked = (u.nlu?.ranking ?? []).map((r) => r.intent).filter((i) => i !== u.intent);
  const better = ranked.find(fits) ?? ranked.find((i) => flow.triggers.includes(i)) ?? flow.triggers[0];
  const meaning = better !== undefined ? parseAction(`intent:${better}`, knowledge) : undefined;
  if (!meaning) return undefined;
  // What the error text told ("a computer's error") becomes a fact, where the user said nothing else about it.
  const session = { ...ctx.session, facts: { ...facts, ...ctx.session.facts } };
  return { ...ctx.reroute({ ...u, ...meaning, chosen: false, ambiguous: undefined }, session), route: `step:instead:${better}` };
}

/** Intents that are only answers: a message the NLU reads as one but that holds an error text is a complaint. */
const ANSWER_INTENTS = new Set(['yes', 'no', 'already_tried', 'unknown']);

/**
 * The flow's trigger ("my backup failed"), or a pasted error text with nothing else in it ("it says could not be
 * completed"): starts the flow, or, already in it, offers to carry on.
 */
export const trigger: Route = {
  name: 'trigger',
  handle(ctx) {
    const { u, session, say, knowledge } = ctx;
    const pasted = u.entities.error_text !== undefined && !u.chosen && ANSWER_INTENTS.has(u.intent);
    const complaint = knowledge.flows.find((f) => f.id === session.flowId) ?? knowledge.flows.find((f) => f.triggers.length > 0);
    const flow = flowForTrigger(knowledge, u.intent) ?? (pasted ? complaint : undefined);
    if (!flow) return undefined;
    const at = currentStep(knowledge, session);
    if (!at || at.flow.id !== flow.id) return beginFlow(ctx, session, flow);
    const asked = askResume(say, session, at);
    return { session: asked.session, replies: [asked.reply], route: 'trigger:in_flow' };
  },
};

/** Facts alone ("iPhone 13, iOS 17"), not otherwise understood: noted, and in a flow the question is asked again. */
export const factsOnly: Route = {
  name: 'facts',
  handle(ctx) {
    const { u, session, say, knowledge } = ctx;
    if (u.intent !== 'unknown' || Object.keys(u.entities).length === 0 || u.answer !== undefined) return undefined;
    const again = reask(say, knowledge, session);
    return again ? { session: again.session, replies: [again.reply] } : undefined;
  },
};

/**
 * An intent answered with a reply of its own (`answer:` in intents.yaml): a question such as "how do I restore from a
 * backup?" or a near miss, told honestly; no fix is started, and a flow in progress is offered again.
 */
export const answer: Route = {
  name: 'answer',
  handle(ctx) {
    const reply = ctx.u.chosen && ctx.u.command !== undefined ? undefined : ctx.knowledge.intents.find((i) => i.name === ctx.u.intent)?.answer;
    if (reply === undefined || !ctx.say.has(reply)) return undefined;
    return { ...answerThenResume(ctx, reply), route: `answer:${ctx.u.intent}` };
  },
};
