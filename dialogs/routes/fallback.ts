// When the meaning is unclear: "Did you mean …?", a yes/no to no question, and the misunderstanding ladder.
import type { Effect, Reply } from '../types';
import type { Route, TurnContext } from '../context';
import { askDisambiguate, askOfferHuman, reask } from '../questions';
import { currentStep } from '../flows/runner';
import { escalationReply } from '../flows/escalation';
import { contactFor, contactVars } from '../region';

/** Intents that are answers rather than topics: offering them in "Did you mean …?" would not help. */
const ANSWER_INTENTS = new Set(['yes', 'no', 'already_tried']);

/** The NLU found two close intents: ask which one, with both as choices. */
export const ambiguous: Route = {
  name: 'disambiguate',
  handle(ctx) {
    const { u, session, say, knowledge } = ctx;
    const pair = u.ambiguous;
    if (u.chosen || !pair) return undefined;
    const options = [pair[0].intent, pair[1].intent];
    const known = options.every((o) => knowledge.intents.some((i) => i.name === o));
    if (options[0] === options[1] || !known || options.some((o) => ANSWER_INTENTS.has(o))) return undefined;
    const asked = askDisambiguate(say, knowledge, session, options);
    return { session: asked.session, replies: [asked.reply], misses: session.misses };
  },
};

/** A bare yes/no/already tried with nothing asked: say so (in a flow, the current question is asked again instead). */
export const noQuestion: Route = {
  name: 'no_question',
  handle(ctx) {
    const { u, session, say, knowledge } = ctx;
    const bare = u.chosen || u.intent === 'unknown' || ANSWER_INTENTS.has(u.intent);
    if (u.answer === undefined || !bare) return undefined;
    const again = currentStep(knowledge, session) ? reask(say, knowledge, session) : undefined;
    if (again) return { session: again.session, replies: [again.reply], route: 'reask' };
    // "No" after the fixes ran out (often: the escalation was missed): the way forward again, not "I asked nothing".
    if (session.status === 'escalated') return { session, replies: [afterEscalation(ctx)], route: 'no_question:escalated' };
    return { session, replies: [say.reply('no_question')] };
  },
};

/** The optional `after_escalation` reply with the region's contact, else the escalation reply itself. */
function afterEscalation(ctx: TurnContext): Reply {
  if (!ctx.say.has('after_escalation')) return escalationReply(ctx);
  const contact = contactFor(ctx.knowledge, ctx.region);
  return ctx.say.reply('after_escalation', contactVars(contact), { kind: 'escalation', links: contact?.links ?? [] });
}

/**
 * Another product's problem ("google drive storage full": an `outside` entity, nothing `inside`): say what the bot
 * covers, then the current question when in a flow. Understood, so not a miss and not logged for review. Needs the
 * optional `other_product` reply; without it such a message is simply not understood.
 */
export const otherProduct: Route = {
  name: 'other_product',
  handle(ctx) {
    const { u, session, say, knowledge } = ctx;
    if (u.chosen || u.intent !== 'unknown' || !u.nlu?.outside || !say.has('other_product')) return undefined;
    const again = currentStep(knowledge, session) ? reask(say, knowledge, session) : undefined;
    const replies = again ? [say.reply('other_product'), again.reply] : [say.reply('other_product')];
    return { session: again?.session ?? session, replies, misses: session.misses };
  },
};

/**
 * Not understood: `fallback` (with its choices, or in a flow followed by the current question), and after two in a
 * row `fallback_human` offering a person. Each such message is logged for authors (`unrecognized`).
 */
export const fallback: Route = {
  name: 'fallback',
  handle(ctx) {
    const { u, session, say, knowledge } = ctx;
    const misses = session.misses + 1;
    const effects: Effect[] = u.text !== '' ? [{ type: 'unrecognized', text: u.text, ranking: u.nlu?.ranking ?? [] }] : [];
    // Waiting for a person already: offering one again would not help.
    if (misses >= 2 && session.status !== 'handoff') {
      const asked = askOfferHuman(say, session);
      return { session: asked.session, replies: [asked.reply], effects, misses, route: 'fallback_human' };
    }
    const again = currentStep(knowledge, session) ? reask(say, knowledge, session) : undefined;
    const replies = again ? [say.reply('fallback'), again.reply] : [say.reply('fallback')];
    return { session: again?.session ?? session, replies, effects, misses };
  },
};
