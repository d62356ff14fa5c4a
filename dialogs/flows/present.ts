// Moving through a flow: show a step and ask "did that fix it?", go on after a failed step, start a run, resolve.
import type { Effect, Flow, FlowStep, Reply, Session, TurnEvent } from '../types';
import type { Outcome, TurnContext } from '../context';
import type { StepRef } from './runner';
import type { Say } from '../replies';
import { askConfirmStep, askDidItFix } from '../questions';
import { omit, outcomeOf, recordStep, withoutPending } from '../session';
import { firstStep, stepAfter, stepForError } from './runner';
import { escalate } from './escalation';
import { withEvents } from '../outcome';
import { askLastCheck, unlockingOptions } from './diagnose';

/** A step's instructions. `current` binds it to the step (a card's buttons); an answer to a side question is not bound. */
export function stepReply(say: Say, step: FlowStep, current: boolean): Reply {
  return {
    kind: 'step',
    title: step.title,
    text: step.say,
    ...(step.links.length > 0 ? { links: step.links } : {}),
    ...(current ? { stepId: step.id } : {}),
    ...(step.detail !== undefined ? { detail: { label: say.line('show_me_how'), text: step.detail } } : {}),
  };
}

/** Leaving a pending handoff by carrying on with the bot tells the edge to cancel it. */
const cancelIfHandoff = (session: Session): readonly Effect[] => (session.status === 'handoff' ? [{ type: 'cancel_handoff' }] : []);

function withSkipped(session: Session, skipped: readonly string[], at: string): Session {
  return skipped.reduce((s, id) => recordStep(s, id, 'skipped', at), session);
}

/**
 * Makes `at` the current step: its instructions, then "Did that fix it?". A step that warns first (`confirm`) shows
 * the warning and asks to go ahead; `confirmed` (the user said yes) shows the instructions.
 */
export function presentStep(ctx: TurnContext, session: Session, at: StepRef, lead: readonly Reply[] = [], skipped: readonly string[] = [], confirmed = false): Outcome {
  const moved: Session = { ...withSkipped(session, skipped, ctx.input.now), status: 'in_flow', flowId: at.flow.id, stepId: at.step.id };
  if (at.step.confirm !== undefined && !confirmed) {
    // The step is shown with its warning first: it counts as shown (analytics), whatever the answer.
    const asked = askConfirmStep(ctx.say, moved, at);
    const shown: TurnEvent = { type: 'step_shown', flow: at.flow.id, step: at.step.id };
    return { session: asked.session, replies: [...lead, asked.reply], effects: cancelIfHandoff(session), events: [shown] };
  }
  const asked = askDidItFix(ctx.say, moved, at);
  return { session: asked.session, replies: [...lead, stepReply(ctx.say, at.step, true), asked.reply], effects: cancelIfHandoff(session) };
}

/**
 * After `from` did not fix things (already recorded): the next applicable step, or escalation when none is left.
 * `bridge` ("let's try something else") is said only when a step follows.
 */
export function advance(ctx: TurnContext, session: Session, from: StepRef, lead: readonly Reply[], bridge: readonly Reply[] = []): Outcome {
  const walk = stepAfter(from.flow, from.step, session);
  if (walk.step) return presentStep(ctx, session, { flow: from.flow, step: walk.step }, [...lead, ...bridge], walk.skipped);
  // Fixes still untried only because a fact is unknown ("do you back up to a computer?"): one last question first.
  const unlocking = unlockingOptions(from.flow, session);
  if (unlocking.length > 0 && ctx.say.has('last_check')) {
    const asked = askLastCheck(ctx, session, from.flow, unlocking);
    return { ...asked, replies: [...lead, ...asked.replies] };
  }
  return escalate(ctx, withSkipped(session, walk.skipped, ctx.input.now), lead);
}

/** A run that ended (fixed or escalated) is history: a new problem starts with a clean list of steps. */
export function freshRun(session: Session): Session {
  const ended = session.status === 'resolved' || session.status === 'escalated';
  return ended ? { ...omit(session, ['pending', 'handoffOpened', 'csatDue', 'plan', 'diagnosed']), status: 'idle', steps: [] } : withoutPending(session);
}

/**
 * Starts `flow`: at `start` when the user named a symptom (even one the facts argue against: they said so), else at the
 * step an error text points to, else at the first applicable step.
 */
export function startFlow(ctx: TurnContext, session: Session, flow: Flow, start?: FlowStep, lead: readonly Reply[] = [], announced = false): Outcome {
  const fresh = { ...freshRun(session), flowId: flow.id };
  const hinted = start ?? stepForError(ctx.knowledge, fresh.facts.error_text, flow.id)?.step;
  const begin = hinted && flow.steps.includes(hinted) && !fresh.steps.some((r) => r.stepId === hinted.id) ? hinted : undefined;
  const walk = begin ? { step: begin, skipped: [] } : firstStep(flow, fresh);
  const started: readonly TurnEvent[] = announced ? [] : [{ type: 'flow_started', flow: flow.id }];
  if (walk.step) return withEvents({ ...presentStep(ctx, fresh, { flow, step: walk.step }, lead, walk.skipped), route: 'flow:start' }, started, true);
  return withEvents(escalate(ctx, { ...withSkipped(fresh, walk.skipped, ctx.input.now), status: 'in_flow' }, lead), started, true);
}

/** Jumps to another step of the flow in progress (a symptom named with a "no"), else goes on as usual. */
export function advanceTo(ctx: TurnContext, session: Session, from: StepRef, target: FlowStep | undefined, bridge: readonly Reply[]): Outcome {
  const jump = target !== undefined && target.id !== from.step.id && from.flow.steps.includes(target) && outcomeOf(session, target.id) === undefined;
  if (jump) return presentStep(ctx, session, { flow: from.flow, step: target }, bridge);
  return advance(ctx, session, from, [], bridge);
}

/** The `fixed` reply that fits how the user backs up (`fixed_<backup_target>` when knowledge has one). */
function fixedReply(ctx: TurnContext, at: StepRef): Reply {
  const target = ctx.session.facts.backup_target;
  const id = target !== undefined && ctx.say.has(`fixed_${target}`) ? `fixed_${target}` : 'fixed';
  return ctx.say.reply(id, { step: at.step.title });
}

/** The step fixed it. */
export function resolve(ctx: TurnContext, session: Session, at: StepRef): Outcome {
  const done: Session = { ...recordStep(withoutPending(session), at.step.id, 'fixed', ctx.input.now), status: 'resolved', csatDue: true };
  const effects: Effect[] = [...cancelIfHandoff(session), { type: 'resolved', flowId: at.flow.id, stepId: at.step.id }];
  return { session: done, replies: [fixedReply(ctx, at)], effects, route: 'did_it_fix:yes' };
}
