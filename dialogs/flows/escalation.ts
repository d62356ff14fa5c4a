// Escalation (every fix failed) and a person asked for: the region's support contact, the summary, the handoff effect.
import type { Effect, HandoffReason, Reply, Session } from '../types';
import type { Outcome, TurnContext } from '../context';
import { contactFor, contactVars } from '../region';
import { askRegion } from '../questions';
import { withoutPending } from '../session';
import { buildStory, summaryReply } from './story';

/** The `escalation` reply filled with the support contact for the conversation's region, and the contact's links. */
export function escalationReply(ctx: TurnContext, region: string | undefined = ctx.region): Reply {
  const contact = contactFor(ctx.knowledge, region);
  return ctx.say.reply('escalation', contactVars(contact), { kind: 'escalation', links: contact?.links ?? [] });
}

/** Whether a handoff was already opened for this conversation (no second ticket for the same story). */
const handedOff = (session: Session): boolean => session.status === 'handoff' || session.status === 'escalated';

function handoff(ctx: TurnContext, session: Session, reason: HandoffReason): Effect {
  return { type: 'handoff', story: buildStory(ctx.knowledge, ctx.say, session, reason) };
}

/**
 * Every fix failed: the contact for the user's region (the default one when the region is unknown, followed by a
 * region question, since asking first would cost a turn), the summary of what was tried, and a handoff.
 */
export function escalate(ctx: TurnContext, session: Session, lead: readonly Reply[] = []): Outcome {
  const base: Session = { ...withoutPending(session), status: 'escalated' };
  const replies = [...lead, escalationReply(ctx), summaryReply(ctx.say, buildStory(ctx.knowledge, ctx.say, base, 'all_fixes_failed').summary)];
  const effects = [handoff(ctx, base, 'all_fixes_failed')];
  const askable = ctx.region === undefined && ctx.say.choices('ask_region').length > 0;
  if (!askable) return { session: base, replies, effects, route: 'escalation' };
  const asked = askRegion(ctx.say, base);
  return { session: asked.session, replies: [...replies, asked.reply], effects, route: 'escalation' };
}

/** The user asked for a person (or accepted one after misunderstandings): the notice, the summary, and a handoff. */
export function requestHuman(ctx: TurnContext, session: Session, reason: HandoffReason): Outcome {
  const again = handedOff(session);
  const base: Session = { ...withoutPending(session), status: session.status === 'escalated' ? 'escalated' : 'handoff' };
  const story = buildStory(ctx.knowledge, ctx.say, base, reason);
  const notice = ctx.say.reply('handoff_requested', contactVars(contactFor(ctx.knowledge, ctx.region)), { kind: 'handoff' });
  const replies = story.summary.length > 0 ? [notice, summaryReply(ctx.say, story.summary)] : [notice];
  return { session: base, replies, effects: again ? [] : [{ type: 'handoff', story }], route: again ? 'human:again' : 'human' };
}
