// The ordered route list: the first route that answers a turn wins. Reading the list reads the dialog's priorities.
import type { Session, TurnKind } from './types';
import type { Outcome, Route, TurnContext } from './context';
import { withoutPending } from './session';
import * as guards from './routes/guards';
import * as pending from './routes/pending';
import * as asked from './routes/questions';
import * as commands from './routes/commands';
import * as flow from './routes/flow';
import * as fallback from './routes/fallback';
import * as system from './routes/system';
import * as navigation from './routes/navigation';
import * as escalated from './routes/escalated';
import * as language from './routes/language';

/** 0. a language asked for; 1. nothing said / stale buttons / another language; 2. answers to the question asked. */
const BEFORE: readonly Route[] = [
  language.switched,
  guards.empty,
  guards.stale,
  language.unsupported,
  asked.csat,
  asked.askEmail,
  asked.triedWhich,
  asked.diagnose,
  asked.confirmStep,
  pending.didItFix,
  pending.resume,
  pending.pickUp,
  pending.offerHuman,
  pending.askRegion,
  pending.disambiguate,
  pending.confirmStartOver,
];

/** 3. global commands (they interrupt, the flow resumes after); 4. flow intents; 5. unclear meaning, last. */
const AFTER: readonly Route[] = [
  commands.region,
  fallback.ambiguous,
  commands.human,
  commands.startOver,
  commands.apple,
  commands.appointment,
  navigation.next,
  navigation.back,
  navigation.repeat,
  navigation.detail,
  navigation.steps,
  navigation.later,
  flow.answer,
  commands.help,
  commands.resume,
  commands.thanks,
  commands.goodbye,
  commands.greeting,
  fallback.otherProduct,
  escalated.followUp,
  flow.alreadyTried,
  flow.step,
  flow.trigger,
  flow.factsOnly,
  fallback.noQuestion,
  fallback.fallback,
];

/** Inputs the edge starts, by kind; a `message` goes through the lists above. */
const SYSTEM: Readonly<Partial<Record<TurnKind, Route>>> = {
  conversation_start: system.start,
  pick_up: system.pickUp,
  handoff_status: system.handoffStatus,
};

/** Questions that live for one message: unanswered, they are dropped (the flow's own questions, the diagnosis too, stay). */
function dropOneShot(session: Session): Session {
  const p = session.pending;
  const kept = p?.kind === 'did_it_fix' || p?.kind === 'resume' || p?.kind === 'pick_up' || p?.kind === 'confirm_step' || (p?.kind === 'diagnose' && !p.last);
  return kept ? session : withoutPending(session);
}

function first(routes: readonly Route[], ctx: TurnContext): (Outcome & { route: string }) | undefined {
  for (const route of routes) {
    const outcome = route.handle(ctx);
    if (outcome) return { ...outcome, route: outcome.route ?? route.name };
  }
  return undefined;
}

/** A user message: the routes in order. The fallback route always answers, so this always returns an outcome. */
export function routeMessage(ctx: TurnContext): Outcome & { route: string } {
  const answered = first(BEFORE, ctx) ?? first(AFTER, { ...ctx, session: dropOneShot(ctx.session) });
  return answered ?? { session: ctx.session, replies: [ctx.say.reply('fallback')], route: 'fallback' };
}

export function routeTurn(ctx: TurnContext): Outcome & { route: string } {
  const route = SYSTEM[ctx.input.kind];
  if (!route) return routeMessage(ctx);
  const outcome = route.handle(ctx) ?? routeMessage(ctx);
  return { ...outcome, route: outcome.route ?? route.name };
}
