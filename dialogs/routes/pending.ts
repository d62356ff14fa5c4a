// Answers to the question the bot is waiting on: did that fix it, carry on, pick up, a person, a region, "did you mean".
import type { Route, TurnContext } from '../context';
import { isStrongCommand } from '../context';
import { askResume, pendingChoices } from '../questions';
import { recordStep, startedOver, withoutPending } from '../session';
import { currentStep, stepForIntent } from '../flows/runner';
import { advance, advanceTo, presentStep, resolve } from '../flows/present';
import { escalationReply, requestHuman } from '../flows/escalation';
import { triedSteps } from '../flows/tried';
import { parseAction } from '../understand';
import { normalizeRegion, regionFromText } from '../region';

/**
 * "I already tried restarting" (or "restarting and updating") while another step is asked about: the already-tried
 * route marks the steps named instead.
 */
function aboutAnotherStep(ctx: TurnContext, currentStepId: string): boolean {
  const named = ctx.u.chosen ? [] : triedSteps(ctx);
  return named.some((r) => r.step.id !== currentStepId);
}

/** "Did that fix it?": yes resolves; no, unsure and already tried move on (unsure counts as not fixed, said kindly). */
export const didItFix: Route = {
  name: 'did_it_fix',
  handle(ctx) {
    const { u, session, say, knowledge } = ctx;
    const at = currentStep(knowledge, session);
    // A button on the current step's card still answers it after an interruption asked "shall we carry on?".
    // (Unless the waiting question itself offers that value: then the button is its answer.)
    const ownChoice = pendingChoices(say, knowledge, session).some((c) => c.value === u.intent || c.value === u.answer);
    const bound = u.chosen && u.actionStepId !== undefined && u.actionStepId === at?.step.id && !ownChoice;
    if (!at || !u.answer || isStrongCommand(u) || (session.pending?.kind !== 'did_it_fix' && !bound)) return undefined;
    const now = ctx.input.now;
    const open = withoutPending(session);
    switch (u.answer) {
      case 'yes':
        return resolve(ctx, session, at);
      case 'no': {
        // "No, and now it says my storage is full": the named step comes next.
        const named = u.chosen ? undefined : stepForIntent(knowledge, u.intent, at.flow.id)?.step;
        const bridge = say.reply('next_step', { step: at.step.title });
        return { ...advanceTo(ctx, recordStep(open, at.step.id, 'not_fixed', now), at, named, [bridge]), route: 'did_it_fix:no' };
      }
      case 'tried': {
        if (aboutAnotherStep(ctx, at.step.id)) return undefined;
        const ack = say.reply('already_tried', { step: at.step.title });
        return { ...advance(ctx, recordStep(open, at.step.id, 'already_tried', now), at, [ack]), route: 'did_it_fix:tried' };
      }
      case 'unsure': {
        const bridge = say.reply(say.has('unsure') ? 'unsure' : 'next_step', { step: at.step.title });
        return { ...advance(ctx, recordStep(open, at.step.id, 'not_fixed', now), at, [], [bridge]), route: 'did_it_fix:unsure' };
      }
    }
  },
};

/** "Shall we carry on with {step}?" (and "pick up where you left off?"): yes shows the step again. */
function carryOn(kind: 'resume' | 'pick_up'): Route {
  return {
    name: kind,
    handle(ctx) {
      const { u, session, say, knowledge } = ctx;
      const at = currentStep(knowledge, session);
      if (!at || session.pending?.kind !== kind || isStrongCommand(u)) return undefined;
      if (u.answer === 'yes' || u.command === 'resume') return { ...presentStep(ctx, session, at), route: `${kind}:yes` };
      if (u.answer === 'tried' && !aboutAnotherStep(ctx, at.step.id)) {
        const ack = say.reply('already_tried', { step: at.step.title });
        return { ...advance(ctx, recordStep(withoutPending(session), at.step.id, 'already_tried', ctx.input.now), at, [ack]), route: `${kind}:tried` };
      }
      if (u.answer !== 'no') return undefined;
      // After a long absence, "no" means a fresh start. Asked to carry on with a step, "no" leaves that step: the next
      // one comes (always progress: someone who keeps saying no reaches the end of the fixes, never a loop).
      if (kind === 'pick_up') return { session: startedOver(session), replies: [say.reply('welcome')], route: 'pick_up:no' };
      const passed = recordStep(withoutPending(session), at.step.id, 'passed', ctx.input.now);
      return { ...advance(ctx, passed, at, [], [say.reply('skip_ack', { step: at.step.title })]), route: 'resume:no' };
    },
  };
}
export const resume = carryOn('resume');
export const pickUp = carryOn('pick_up');

/** "Shall I get you a person?" after two misunderstandings. */
export const offerHuman: Route = {
  name: 'offer_human',
  handle(ctx) {
    const { u, session, say, knowledge } = ctx;
    if (session.pending?.kind !== 'offer_human') return undefined;
    if (u.answer === 'yes' || u.command === 'human') return requestHuman(ctx, session, 'repeated_misunderstanding');
    if (u.answer !== 'no') return undefined;
    const at = currentStep(knowledge, session);
    const asked = at ? askResume(say, withoutPending(session), at) : undefined;
    return asked
      ? { session: asked.session, replies: [asked.reply], route: 'offer_human:no' }
      : { session: withoutPending(session), replies: [say.reply('help')], route: 'offer_human:no' };
  },
};

/** "Which country are you in?" after escalation: the contact for that region. */
export const askRegion: Route = {
  name: 'ask_region',
  handle(ctx) {
    const { u, session } = ctx;
    if (session.pending?.kind !== 'ask_region') return undefined;
    // A country knowledge has no contact for ("Brazil") is not understood as anything else: the default contact.
    const unplaced = !u.chosen && u.intent === 'unknown' && u.answer === undefined ? 'other' : undefined;
    const answer = u.region ?? (u.chosen ? undefined : regionFromText(ctx.knowledge, u.text)) ?? unplaced;
    if (answer === undefined) return undefined;
    const region = normalizeRegion(answer);
    const facts = region ? { ...session.facts, region } : session.facts;
    return { session: { ...withoutPending(session), facts }, replies: [escalationReply(ctx, region)] };
  },
};

/** "Did you mean …?": a pick of one of the offered intents is handled as if the user had said it plainly; "neither"
 * asks for other words, with the main topics as buttons. */
export const disambiguate: Route = {
  name: 'disambiguate',
  handle(ctx) {
    const { u, session, knowledge } = ctx;
    const pending = session.pending;
    if (pending?.kind !== 'disambiguate') return undefined;
    if (u.answer === 'no' && !pending.options.includes(u.intent)) {
      return { session: withoutPending(session), replies: [ctx.say.reply('disambiguate_none')], route: 'disambiguate:none' };
    }
    if (!pending.options.includes(u.intent)) return undefined;
    const meaning = parseAction(`intent:${u.intent}`, knowledge);
    if (!meaning) return undefined;
    return ctx.reroute({ ...u, ...meaning, ambiguous: undefined, chosen: true }, withoutPending(session));
  },
};

/** A start-over confirmation (not asked by this engine, but a stored session may hold one): yes starts over. */
export const confirmStartOver: Route = {
  name: 'confirm_start_over',
  handle(ctx) {
    const { u, session, say } = ctx;
    if (session.pending?.kind !== 'confirm_start_over' || (u.answer !== 'yes' && u.answer !== 'no')) return undefined;
    if (u.answer === 'yes') return { session: startedOver(session), replies: [say.reply('started_over')], route: 'start_over' };
    return { session: withoutPending(session), replies: [say.reply('help')], route: 'confirm_start_over:no' };
  },
};
