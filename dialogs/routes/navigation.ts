// Moving around a flow: skip to the next step, go back, repeat the step, list every step, "later", "show me how".
import type { Reply, Session } from '../types';
import type { Command, Outcome, Route, TurnContext } from '../context';
import { reask } from '../questions';
import { recordStep, withoutPending } from '../session';
import { applies, currentStep, findStep, mainPath, type StepRef } from '../flows/runner';
import { advance, presentStep } from '../flows/present';
import { summaryStepLine } from '../flows/story';

function command(name: Command, handle: (ctx: TurnContext, at: StepRef | undefined) => Outcome): Route {
  return { name, handle: (ctx) => (ctx.u.command === name ? handle(ctx, currentStep(ctx.knowledge, ctx.session)) : undefined) };
}

/** Nothing in progress to move around in: say so, with the main topics. */
function nothingInProgress(ctx: TurnContext): Outcome {
  return { session: withoutPending(ctx.session), replies: [ctx.say.reply('nothing_to_resume')], route: `${ctx.u.command}:nothing` };
}

/** The question the session waits on, asked again after `lead`. */
function thenAsk(ctx: TurnContext, session: Session, lead: readonly Reply[]): Outcome {
  const again = reask(ctx.say, ctx.knowledge, session);
  return { session: again?.session ?? session, replies: again ? [...lead, again.reply] : lead };
}

/** "Skip this one", "next": the step is passed over (not tried), and the next one comes. */
export const next = command('next', (ctx, at) => {
  if (!at) return nothingInProgress(ctx);
  const passed = recordStep(withoutPending(ctx.session), at.step.id, 'passed', ctx.input.now);
  return { ...advance(ctx, passed, at, [], [ctx.say.reply('skip_ack', { step: at.step.title })]), route: 'next' };
});

/** "Go back": the step answered before this one, its answer forgotten, shown again. */
export const back = command('back', (ctx, at) => {
  if (!at) return nothingInProgress(ctx);
  const before = [...ctx.session.steps].reverse().find((r) => r.stepId !== at.step.id && r.outcome !== 'skipped' && findStep(ctx.knowledge, at.flow.id, r.stepId));
  if (!before) return { ...thenAsk(ctx, ctx.session, [ctx.say.reply('no_previous', { step: at.step.title })]), route: 'back:first' };
  const target = findStep(ctx.knowledge, at.flow.id, before.stepId) as StepRef;
  const session = { ...ctx.session, steps: ctx.session.steps.filter((r) => r.stepId !== before.stepId) };
  return { ...presentStep(ctx, session, target, [ctx.say.reply('going_back', { step: target.step.title })]), route: 'back' };
});

/** "What was the step again?": the current step once more. */
export const repeat = command('repeat', (ctx, at) => (at ? { ...presentStep(ctx, ctx.session, at), route: 'repeat' } : nothingInProgress(ctx)));

/** "Show me how": the current step's longer explanation (its instructions when it has none), then the question again. */
export const detail = command('detail', (ctx, at) => {
  if (!at) return nothingInProgress(ctx);
  if (at.step.detail === undefined) return { ...presentStep(ctx, ctx.session, at, [], [], true), route: 'detail:none' };
  const shown: Reply = { kind: 'text', title: at.step.title, text: at.step.detail };
  return { ...thenAsk(ctx, ctx.session, [shown]), route: 'detail' };
});

/** "Show me all the steps": every step of the flow, each with what happened to it, then the question again. */
export const steps = command('steps', (ctx, at) => {
  const flow = at?.flow ?? ctx.knowledge.flows.find((f) => f.triggers.length > 0);
  if (!flow) return nothingInProgress(ctx);
  const done = (id: string) => ctx.session.steps.some((r) => r.stepId === id && r.outcome !== 'skipped');
  const listed = [...mainPath(flow).filter((s) => applies(s, ctx.session.facts) || done(s.id)), ...flow.steps.filter((s) => !mainPath(flow).includes(s) && (done(s.id) || s.id === at?.step.id))];
  const lines = listed.map((s) => {
    const record = at ? ctx.session.steps.find((r) => r.stepId === s.id) : undefined;
    if (record) return summaryStepLine(ctx.knowledge, ctx.say, ctx.session, s.id, record.outcome);
    return ctx.say.line(at && s.id === at.step.id ? 'overview_current' : 'overview_left', { step: s.title });
  });
  const overview = ctx.say.reply(at ? 'steps_overview' : 'steps_preview', {}, { kind: 'summary', lines, noChoices: at !== undefined });
  return at ? { ...thenAsk(ctx, ctx.session, [overview]), route: 'steps' } : { session: ctx.session, replies: [overview], route: 'steps:preview' };
});

/** "I'll try it later" / "it's backing up now": the step stays open; coming back, the user picks up right there. */
export const later = command('later', (ctx, at) => {
  if (!at) return { session: ctx.session, replies: [ctx.say.reply('later_idle')], route: 'later:nothing' };
  const waiting = withoutPending(ctx.session);
  const reply = ctx.say.reply('later', { step: at.step.title }, { kind: 'question', stepId: at.step.id });
  const session: Session = { ...waiting, pending: { kind: 'did_it_fix', flowId: at.flow.id, stepId: at.step.id } };
  return { session, replies: [reply], events: [{ type: 'step_answered', flow: at.flow.id, step: at.step.id, answer: 'later' }], route: 'later' };
});
