// Answers to the questions this engine added around a flow: go ahead (a warning), which fixes were tried, the
// diagnosis, the email for a ticket, and the satisfaction rating. Each lives for one message unless answered.
import type { Flow } from '../types';
import type { Outcome, Route, TurnContext } from '../context';
import { isStrongCommand } from '../context';
import { recordStep, withoutPending } from '../session';
import { currentStep, flowForTrigger, stepForIntent } from '../flows/runner';
import { advance, freshRun, presentStep, startFlow } from '../flows/present';
import { contactLine, escalate, openTicket } from '../flows/escalation';
import { isJoinWord, triedSteps } from '../flows/tried';
import { applyDiagnosis, diagnosisAnswer, isUnsure, optionFor, unlockingOptions } from '../flows/diagnose';

/** "Go ahead?" before a step that warns first: yes shows its instructions; no leaves the step for the next one. */
export const confirmStep: Route = {
  name: 'confirm_step',
  handle(ctx) {
    const { u, session, say, knowledge } = ctx;
    const at = currentStep(knowledge, session);
    if (session.pending?.kind !== 'confirm_step' || !at || isStrongCommand(u)) return undefined;
    if (u.answer === 'yes' || u.command === 'resume') return { ...presentStep(ctx, withoutPending(session), at, [], [], true), route: 'confirm_step:yes' };
    if (u.answer !== 'no' && u.answer !== 'tried') return undefined;
    const outcome = u.answer === 'tried' ? 'already_tried' : 'passed';
    const ack = say.reply(u.answer === 'tried' ? 'already_tried' : 'skip_ack', { step: at.step.title });
    return { ...advance(ctx, recordStep(withoutPending(session), at.step.id, outcome, ctx.input.now), at, [], [ack]), route: `confirm_step:${u.answer}` };
  },
};

/** "How did I do?": a score from 1 to 5 (a button or a typed digit). Anything else is simply handled as a message. */
export const csat: Route = {
  name: 'csat',
  handle(ctx) {
    const { u, session, say } = ctx;
    if (session.pending?.kind !== 'csat' || u.csat === undefined) return undefined;
    return { session: withoutPending(session), replies: [say.reply('csat_thanks')], events: [{ type: 'csat', score: u.csat }], route: 'csat' };
  },
};

const LEAVE_EMAIL: ReadonlySet<string> = new Set(['resume', 'start_over', 'goodbye', 'apple', 'appointment']);

/** An email address in typed text (the first one), else undefined. */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

/** The email for a help-desk ticket: an address opens it; "no" opens it without one; other words ask again. */
export const askEmail: Route = {
  name: 'ask_email',
  handle(ctx) {
    const { u, session, say } = ctx;
    const pending = session.pending;
    // Leaving the question (never mind, start over, bye, Apple instead) is always possible; other words ask again.
    if (pending?.kind !== 'ask_email' || (u.command !== undefined && LEAVE_EMAIL.has(u.command))) return undefined;
    const email = u.chosen ? undefined : EMAIL.exec(u.text)?.[0];
    if (email) return openTicket(ctx, session, pending.reason, email.slice(0, 254));
    if (u.answer === 'no') return openTicket(ctx, session, pending.reason, undefined);
    // A problem named ("my backup failed") is handled as itself and the question dropped; other words ask again.
    if (stepForIntent(ctx.knowledge, u.intent) !== undefined || flowForTrigger(ctx.knowledge, u.intent) !== undefined) return undefined;
    return { session, replies: [say.reply('ticket_email_again', contactLine(ctx), { kind: 'question' })], misses: session.misses + 1, route: 'ask_email:again' };
  },
};

/** "Which of these have you tried?": ticked boxes, typed numbers, "none"/"all", or the fixes named; then the rest. */
export const triedWhich: Route = {
  name: 'tried_which',
  handle(ctx) {
    const { session } = ctx;
    const pending = session.pending;
    if (pending?.kind !== 'tried_which' || isStrongCommand(ctx.u)) return undefined;
    const flow = ctx.knowledge.flows.find((f) => f.id === pending.flowId);
    const tried = flow ? triedAnswer(ctx, pending.options) : undefined;
    if (!flow || tried === undefined) return undefined;
    const now = ctx.input.now;
    const marked = tried.reduce((s, id) => recordStep(s, id, 'already_tried', now), freshRun(withoutPending(session)));
    const lead = tried.length > 0 ? [ctx.say.reply('tried_ack', { count: tried.length })] : [];
    return { ...startFlow(ctx, marked, flow, undefined, lead), route: `tried_which:${tried.length === pending.options.length ? 'all' : tried.length}` };
  },
};

/** Numbers typed for a numbered list ("1 3", "2, 4 and 5"), each within 1..count; undefined when the text is more. */
function typedNumbers(ctx: TurnContext, text: string, count: number): readonly number[] | undefined {
  const numbers = (text.match(/\d+/g) ?? []).map(Number);
  const rest = text.replace(/\d+/g, ' ').split(/[^\p{L}]+/u).filter((w) => w !== '' && !isJoinWord(ctx.knowledge, w));
  if (numbers.length === 0 || rest.length > 0 || numbers.some((n) => n < 1 || n > count)) return undefined;
  return [...new Set(numbers)];
}

/** The steps an answer to "which have you tried?" names, or undefined when the message is not such an answer. */
function triedAnswer(ctx: TurnContext, options: readonly string[]): readonly string[] | undefined {
  const { u } = ctx;
  if (u.picked) return options.filter((id) => u.picked?.includes(`step:${id}`) || u.picked?.includes(id));
  if (u.chosen && u.answer === 'tried' && u.stepTarget === undefined) return []; // "Done" with nothing ticked
  if (u.stepTarget !== undefined) return options.includes(u.stepTarget) ? [u.stepTarget] : undefined;
  const numbers = u.chosen ? undefined : typedNumbers(ctx, u.text, options.length);
  if (numbers) return numbers.map((n) => options[n - 1]);
  if (u.entities.amount === 'all') return options;
  if (u.entities.amount === 'none' || u.answer === 'no') return [];
  const named = u.chosen ? [] : triedSteps(ctx).map((r) => r.step.id).filter((id) => options.includes(id));
  if (named.length > 0) return named;
  return u.intent === 'already_tried' || u.answer === 'tried' ? options : undefined;
}

/** The diagnostic question before the first fix: an option (button, number, label or words), or "I don't know". */
export const diagnose: Route = {
  name: 'diagnose',
  handle(ctx) {
    const pending = ctx.session.pending;
    // "Next" / "skip" over the question itself: the usual order, as "not sure" would.
    const skip = ctx.u.command === 'next' && pending?.kind === 'diagnose' && !pending.last;
    if (pending?.kind !== 'diagnose' || isStrongCommand(ctx.u) || (ctx.u.command !== undefined && ctx.u.command !== 'help' && !skip)) return undefined;
    const flow = ctx.knowledge.flows.find((f) => f.id === pending.flowId);
    if (flow && pending.last) return lastCheckAnswer(ctx, flow);
    const option = flow ? (skip ? flow.diagnose?.options.find(isUnsure) : diagnosisAnswer(ctx, flow)) : undefined;
    if (!flow || !option) return undefined;
    const applied = applyDiagnosis(ctx, ctx.session, flow, option);
    // Words the bot could not place still go on (the usual order), and are logged for authors like any miss.
    const lost = ctx.u.diagnosis === undefined && ctx.u.intent === 'unknown' && ctx.u.answer === undefined && ctx.u.text !== '';
    return lost ? { ...applied, effects: [...(applied.effects ?? []), { type: 'unrecognized', text: ctx.u.text, ranking: ctx.u.nlu?.ranking ?? [] }] } : applied;
  },
};

/** The last question before escalating: an option opens its fixes; "no" (or anything unclear) goes on to Apple. */
function lastCheckAnswer(ctx: TurnContext, flow: Flow): Outcome | undefined {
  const option = ctx.u.diagnosis !== undefined ? unlockingOptions(flow, ctx.session).find((o) => o.id === ctx.u.diagnosis) : optionFor(flow, ctx.u, {});
  if (option && unlockingOptions(flow, ctx.session).includes(option)) return applyDiagnosis(ctx, ctx.session, flow, option);
  if (ctx.u.answer === undefined && ctx.u.intent !== 'unknown') return undefined; // something else: handled as itself
  return { ...escalate(ctx, withoutPending(ctx.session)), route: 'diagnose:last:no' };
}
