// Global commands: they interrupt at any time; with a flow in progress the answer is followed by "shall we carry on?".
import type { Reply } from '../types';
import type { Command, Outcome, Route, TurnContext } from '../context';
import { carryOn } from '../questions';
import { startedOver, withoutPending } from '../session';
import { currentStep } from '../flows/runner';
import { presentStep } from '../flows/present';
import { appleContact, escalationReply, requestHuman } from '../flows/escalation';
import { normalizeRegion } from '../region';

/** Answers `id`; in a flow in progress, then asks to carry on. */
export function answerThenResume(ctx: TurnContext, id: string): Outcome {
  const asked = carryOn(ctx.say, ctx.knowledge, ctx.session);
  return asked ? { session: asked.session, replies: [ctx.say.reply(id), asked.reply] } : { session: withoutPending(ctx.session), replies: [ctx.say.reply(id)] };
}

function command(name: Command, handle: (ctx: TurnContext) => Outcome): Route {
  return { name, handle: (ctx) => (ctx.u.command === name ? handle(ctx) : undefined) };
}

/** A person asked for; after the fixes ran out the reason stays "all fixes failed" (what the help desk needs to know). */
export const human = command('human', (ctx) => requestHuman(ctx, ctx.session, ctx.session.status === 'escalated' ? 'all_fixes_failed' : 'user_asked'));

export const startOver = command('start_over', (ctx) => ({
  session: startedOver(ctx.session),
  replies: [ctx.say.reply('started_over')],
  effects: ctx.session.status === 'handoff' ? [{ type: 'cancel_handoff' }] : [],
  events: [{ type: 'ended', how: 'start_over' }],
}));

/** Apple Support's number or chat, someone at Apple: the region's contact (no ticket), then carry on. */
export const apple = command('apple', (ctx) => appleContact(ctx, 'apple_contact'));
/** A Genius Bar or Apple Store appointment: how to book one, then carry on. */
export const appointment = command('appointment', (ctx) => appleContact(ctx, 'apple_appointment'));

export const help = command('help', (ctx) => answerThenResume(ctx, 'help'));
export const thanks = command('thanks', (ctx) => answerThenResume(ctx, 'thanks'));
export const greeting = command('greeting', (ctx) => answerThenResume(ctx, 'greeting'));

/** Goodbye leaves everything as it is, so the user can come back to the same question. */
export const goodbye = command('goodbye', (ctx) => ({
  session: ctx.session, replies: [ctx.say.reply('goodbye')], events: [{ type: 'ended', how: 'goodbye' }],
}));

/** "Carry on": the current step again (leaving a pending handoff), or nothing to resume. */
export const resume = command('resume', (ctx) => {
  const at = currentStep(ctx.knowledge, ctx.session);
  if (at) return presentStep(ctx, ctx.session, at);
  return { session: withoutPending(ctx.session), replies: [ctx.say.reply('nothing_to_resume')], route: 'resume:nothing' };
});

/** A region button outside the region question (e.g. pressed later): remember it and give that region's contact. */
export const region: Route = {
  name: 'region',
  handle(ctx) {
    if (ctx.u.region === undefined) return undefined;
    const code = normalizeRegion(ctx.u.region);
    const facts = code ? { ...ctx.session.facts, region: code } : ctx.session.facts;
    const replies: Reply[] = [escalationReply(ctx, code)];
    return { session: { ...ctx.session, facts }, replies };
  },
};
