// Turns the edge starts: a conversation opening, a user back after the idle expiry, and help-desk status news.
import type { Reply, Session, TurnInput } from '../types';
import type { Outcome, Route, TurnContext } from '../context';
import { isStrongCommand } from '../context';
import { askPickUp, askResume } from '../questions';
import { contactLine } from '../flows/escalation';
import { currentStep, findStepAnywhere, flowForTrigger, stepForIntent } from '../flows/runner';
import { presentStep } from '../flows/present';
import { withoutPending } from '../session';

/** conversation_start: the welcome; with a flow in progress, also the offer to pick it up. */
export const start: Route = {
  name: 'welcome',
  handle(ctx) {
    const at = ctx.session.status === 'in_flow' ? currentStep(ctx.knowledge, ctx.session) : undefined;
    if (!at) return { session: ctx.session, replies: [ctx.say.reply('welcome')], misses: ctx.session.misses };
    const asked = askPickUp(ctx.say, ctx.session, at);
    return { session: asked.session, replies: [ctx.say.reply('welcome'), asked.reply], route: 'welcome:pick_up' };
  },
};

/**
 * pick_up: the user's first message after the idle expiry, with a flow in progress. Asks whether to pick up, unless the
 * message says something of its own (a command, a symptom, a button of the current step): then it is simply handled.
 */
export const pickUp: Route = {
  name: 'pick_up',
  handle(ctx) {
    const { u, knowledge, session } = ctx;
    const at = session.status === 'in_flow' ? currentStep(knowledge, session) : undefined;
    const bound = u.chosen && u.actionStepId !== undefined && u.actionStepId === session.stepId;
    const topical = stepForIntent(knowledge, u.intent) !== undefined || flowForTrigger(knowledge, u.intent) !== undefined;
    // An answer to the question left open ("it worked!" after "I'll try it later") answers it.
    const answers = u.answer !== undefined && session.pending?.kind === 'did_it_fix';
    if (!at || bound || topical || answers || isStrongCommand(u)) return ctx.reroute(u, session);
    const asked = askPickUp(ctx.say, ctx.session, at);
    return { session: asked.session, replies: [asked.reply] };
  },
};

const STATUS_REPLY: Readonly<Record<NonNullable<TurnInput['handoffStatus']>, string>> = {
  accepted: 'handoff_accepted', queued: 'handoff_queued', agent_joined: 'handoff_agent_joined', agent_left: 'handoff_agent_left',
  failed: 'handoff_failed', completed: 'handoff_completed', unavailable: 'handoff_unavailable',
};

/** When the person is gone (left, failed, unavailable): back to the bot, offering to carry on with a flow in progress. */
function backToBot(ctx: TurnContext, session: Session, lead: readonly Reply[]): Outcome {
  const at = session.status === 'handoff' ? currentStep(ctx.knowledge, session) : undefined;
  const open = session.status === 'handoff' || session.status === 'escalated';
  if (!at) return { session: { ...session, status: open ? 'idle' : session.status }, replies: lead };
  const asked = askResume(ctx.say, { ...session, status: 'in_flow' }, at);
  return { session: asked.session, replies: [...lead, asked.reply] };
}

/** handoff_status: the matching `handoff_*` reply; an agent's hand-back at a step carries on there. */
export const handoffStatus: Route = {
  name: 'handoff_status',
  handle(ctx) {
    const { input, say } = ctx;
    const session = withoutPending(ctx.session);
    const status = input.handoffStatus !== undefined && Object.prototype.hasOwnProperty.call(STATUS_REPLY, input.handoffStatus) ? input.handoffStatus : undefined;
    const id = status ? STATUS_REPLY[status] : undefined;
    const vars = { position: input.queuePosition, agent: input.agentName, ...contactLine(ctx) };
    const lead = id && say.has(id) ? [say.reply(id, vars, { kind: 'handoff' })] : [];
    const route = `handoff_status:${status ?? 'none'}`;
    const back = typeof input.resumeAtStep === 'string' ? findStepAnywhere(ctx.knowledge, input.resumeAtStep, session.flowId) : undefined;
    if (back) return { ...presentStep(ctx, { ...session, status: 'in_flow' }, back, lead), route: `${route}:resume` };
    switch (status) {
      case 'accepted': case 'queued': case 'agent_joined': {
        // Still waiting (a question such as the region stays open); once an agent has joined, the agent leads.
        const base = status === 'agent_joined' ? session : ctx.session;
        return { session: { ...base, status: base.status === 'escalated' ? 'escalated' : 'handoff' }, replies: lead, route };
      }
      case 'completed':
        return { session: { ...session, status: 'resolved' }, replies: lead, route };
      case 'agent_left': case 'failed': case 'unavailable':
        return { ...backToBot(ctx, session, lead), route };
      default:
        return { session: ctx.session, replies: lead, route };
    }
  },
};
