// When the meaning is unclear: "Did you mean …?", a yes/no to no question, and the misunderstanding ladder.
import type { Effect } from '../types';
import type { Route, TurnContext } from '../context';
import { askDisambiguate, askOfferHuman, reask } from '../questions';
import { currentStep, firstStep, flowForTrigger, stepForIntent } from '../flows/runner';
import { freshRun } from '../flows/present';
import { parseAction } from '../understand';
import { withoutPending } from '../session';
import { contactReply, escalatedEvent } from '../flows/escalation';
import { anyPerson } from '../capabilities';

/** Intents that are answers rather than topics: offering them in "Did you mean …?" would not help. */
const ANSWER_INTENTS = new Set(['yes', 'no', 'already_tried']);

/** Small talk that goes together: both said at once get one answer ("cheers, bye" → thanks and goodbye). */
const TOGETHER: readonly (readonly [string, string, string])[] = [['thanks', 'goodbye', 'thanks_goodbye']];

/**
 * The NLU found two close intents. When both lead to the same place (the same first step, the same command), there is
 * nothing to ask: the more specific one (a step's symptom over the flow's trigger) is taken. Small talk that fits
 * together is answered together; a greeting with a problem is the problem. Otherwise: "Did you mean …?".
 */
export const ambiguous: Route = {
  name: 'disambiguate',
  handle(ctx) {
    const { u, session, say, knowledge } = ctx;
    const pair = u.ambiguous;
    if (u.chosen || !pair) return undefined;
    const options = [pair[0].intent, pair[1].intent];
    const known = options.every((o) => knowledge.intents.some((i) => i.name === o));
    if (options[0] === options[1] || !known || options.some((o) => ANSWER_INTENTS.has(o))) return undefined;
    const together = TOGETHER.find(([a, b]) => options.includes(a) && options.includes(b));
    if (together && say.has(together[2])) {
      return { session: withoutPending(session), replies: [say.reply(together[2])], events: [{ type: 'ended', how: 'goodbye' }], route: 'small_talk:together' };
    }
    const chosen = sameDestination(ctx, options) ?? askedAnyway(ctx, options) ?? (options.includes('greeting') ? options.find((o) => o !== 'greeting') : undefined);
    if (chosen !== undefined) {
      const meaning = parseAction(`intent:${chosen}`, knowledge);
      if (meaning) return { ...ctx.reroute({ ...u, ...meaning, ambiguous: undefined, chosen: false }, session), route: `disambiguate:same:${chosen}` };
    }
    const asked = askDisambiguate(say, knowledge, session, options);
    return { session: asked.session, replies: [asked.reply], misses: session.misses };
  },
};

/** Where an intent leads: its step (a symptom), its flow's first step (a trigger), else the intent itself. */
function destination(ctx: TurnContext, intent: string): string {
  const step = stepForIntent(ctx.knowledge, intent, ctx.session.flowId);
  if (step) return `step:${step.step.id}`;
  const flow = flowForTrigger(ctx.knowledge, intent);
  const first = flow ? firstStep(flow, freshRun(ctx.session)).step : undefined;
  return first ? `step:${first.id}` : `intent:${intent}`;
}

/**
 * A failed backup (a flow's trigger) against one of the causes its diagnostic question offers: the question asks it
 * anyway, with every option, so "did you mean" would be one question too many.
 */
function askedAnyway(ctx: TurnContext, options: readonly string[]): string | undefined {
  const trigger = options.find((o) => flowForTrigger(ctx.knowledge, o)?.diagnose !== undefined);
  const flow = trigger !== undefined ? flowForTrigger(ctx.knowledge, trigger) : undefined;
  const other = options.find((o) => o !== trigger);
  const covered = flow?.diagnose?.options.some((d) => other !== undefined && d.intents.includes(other));
  return covered ? trigger : undefined;
}

/** The intent to take when both lead to the same place: the one with a step of its own (more specific), else the first. */
function sameDestination(ctx: TurnContext, options: readonly string[]): string | undefined {
  if (destination(ctx, options[0]) !== destination(ctx, options[1])) return undefined;
  return options.find((o) => stepForIntent(ctx.knowledge, o) !== undefined) ?? options[0];
}

/** Longest answer read as a bare answer ("nope, still broken"); longer messages say more than yes or no. */
const BARE_WORDS = 4;

/** A button, or a few words with no question in them: an answer, not a message of its own. */
function isBareAnswer(u: TurnContext['u']): boolean {
  if (u.chosen) return true;
  const words = u.text.split(/[^\p{L}\p{N}']+/u).filter((w) => w !== '');
  return words.length <= BARE_WORDS && !u.text.includes('?');
}

/** Below this, a ranked topic is too unsure to answer a message that only looked like an answer. */
const MIN_TOPIC = 0.2;

/**
 * A yes/no/already tried with nothing asked. A bare one: say so (in a flow, the current question is asked again). A
 * longer message that only contains a "no" or a question mark ("no clue what happened, the backup just stops?") is not an answer:
 * its best-ranked topic is taken when there is one, else it goes on to the fallback like any unclear message.
 */
export const noQuestion: Route = {
  name: 'no_question',
  handle(ctx) {
    const { u, session, say, knowledge } = ctx;
    const bare = u.chosen || u.intent === 'unknown' || ANSWER_INTENTS.has(u.intent);
    if (u.answer === undefined || !bare) return undefined;
    if (!isBareAnswer(u)) {
      // The problem its words report first ("no, it still won't back up": a failed backup), else the best-ranked topic.
      const reported = u.nlu?.evidence !== undefined ? { intent: u.nlu.evidence, confidence: u.nlu.confidence } : undefined;
      const topic = reported ?? u.nlu?.ranking.find((r) => !ANSWER_INTENTS.has(r.intent) && r.confidence >= MIN_TOPIC && knowledge.intents.some((i) => i.name === r.intent));
      const meaning = topic ? parseAction(`intent:${topic.intent}`, knowledge) : undefined;
      if (meaning && topic) return { ...ctx.reroute({ ...u, ...meaning, answer: undefined, chosen: false, confidence: topic.confidence }, session), route: `no_question:topic:${topic.intent}` };
      return undefined;
    }
    const again = currentStep(knowledge, session) ? reask(say, knowledge, session) : undefined;
    if (again) return { session: again.session, replies: [again.reply], route: 'reask' };
    return { session, replies: [say.reply('no_question')] };
  },
};

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
    // A reply of the product's own when knowledge has one ("other_product_whatsapp": where WhatsApp's help is); the
    // scope entity that turned the message away first, then any other that names a product ("app_backup" + WhatsApp).
    const named = [u.nlu.outside, ...Object.keys(u.nlu.entities).filter((e) => e !== u.nlu?.outside)];
    const value = named.map((e) => u.nlu?.entities[e]).find((v) => v !== undefined && say.has(`other_product_${v}`));
    const id = value !== undefined ? `other_product_${value}` : 'other_product';
    const again = currentStep(knowledge, session) ? reask(say, knowledge, session) : undefined;
    const replies = again ? [say.reply(id), again.reply] : [say.reply(id)];
    return { session: again?.session ?? session, replies, misses: session.misses, events: [{ type: 'out_of_scope' }], route: id === 'other_product' ? 'other_product' : `other_product:${value}` };
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
    // Waiting for a person already: offering one again would not help. Nobody to offer: Apple Support instead.
    if (misses >= 2 && session.status !== 'handoff') {
      if (!anyPerson(ctx.caps)) {
        const shown = reask(say, knowledge, withoutPending(session));
        const events = [escalatedEvent(ctx, session, 'repeated_misunderstanding', ['apple'])];
        const replies = [contactReply(ctx, 'fallback_nobody'), ...(shown ? [shown.reply] : [])];
        return { session: shown?.session ?? withoutPending(session), replies, effects, misses, events, route: 'fallback_apple' };
      }
      const asked = askOfferHuman(say, session);
      return { session: asked.session, replies: [asked.reply], effects, misses, route: 'fallback_human' };
    }
    const again = currentStep(knowledge, session) ? reask(say, knowledge, session) : undefined;
    const replies = again ? [say.reply('fallback'), again.reply] : [say.reply('fallback')];
    return { session: again?.session ?? session, replies, effects, misses };
  },
};
