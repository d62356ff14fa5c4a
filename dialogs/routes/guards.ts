// Checks before any meaning is acted on: nothing was said, or a button belongs to an earlier question.
import type { Route } from '../context';
import { reask } from '../questions';
import { currentStep } from '../flows/runner';

/** Empty text, whitespace, emoji only, an attachment without text: say what the bot needs; the question stays open. */
export const empty: Route = {
  name: 'empty',
  handle(ctx) {
    if (ctx.u.said) return undefined;
    const again = reask(ctx.say, ctx.knowledge, ctx.session);
    const replies = again ? [ctx.say.reply('empty_message'), again.reply] : [ctx.say.reply('empty_message')];
    return { session: again?.session ?? ctx.session, replies, misses: ctx.session.misses };
  },
};

/**
 * A button bound to a step that is not the current one (an old card, a replayed or forged submit): never applied to the
 * wrong step. Answers and "carry on" get `stale_choice` naming the current step, then the current question again;
 * with no flow in progress an answer gets `no_question`. Other buttons (a person, start over) still mean what they say.
 */
export const stale: Route = {
  name: 'stale',
  handle(ctx) {
    const { u, session, say, knowledge } = ctx;
    if (!u.chosen || u.actionStepId === undefined) return undefined;
    const at = currentStep(knowledge, session);
    if (at && at.step.id === u.actionStepId) return undefined;
    if (u.answer === undefined && u.command !== 'resume') return undefined;
    if (!at) return { session, replies: [say.reply('no_question')], route: 'stale:no_question' };
    const again = reask(say, knowledge, session);
    const notice = say.reply('stale_choice', { step: at.step.title });
    return { session: again?.session ?? session, replies: again ? [notice, again.reply] : [notice] };
  },
};
