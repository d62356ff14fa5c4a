// Escalation (every fix failed) and a person asked for: Apple Support's contact for the region, the summary, and a
// handoff only where the configuration has someone to hand to (capabilities.ts), said exactly as it is.
import type { EscalationReason, EscalationRoute, HandoffReason, Reply, Session, TurnEvent } from '../types';
import type { Outcome, TurnContext } from '../context';
import type { Vars } from '../replies';
import { anyPerson, handoffRoutes, someoneCanJoin } from '../capabilities';
import { contactFor, contactVars } from '../region';
import { deskHoursText } from '../desk-hours';
import { askRegion, carryOn } from '../questions';
import { withoutPending } from '../session';
import { currentStep } from './runner';
import { buildStory, summaryReply } from './story';

/** The engine's handoff reasons in the words analytics counts. */
const REASON: Readonly<Record<HandoffReason, EscalationReason>> = {
  all_fixes_failed: 'all_fixes_failed', user_asked: 'asked_person', repeated_misunderstanding: 'repeated_misunderstanding',
};

/** {contact_name} {phone} {hours} and {call}: "call 0800 …" when a verified number exists, else "see their contact page". */
export function contactLine(ctx: TurnContext, region: string | undefined = ctx.region): Vars {
  const contact = contactFor(ctx.knowledge, region);
  const vars = contactVars(contact);
  const call = contact?.phone ? ctx.say.line('contact_call', vars) : ctx.say.line('contact_page', vars);
  return { ...vars, call, desk_hours: deskHoursText(ctx.knowledge.helpdesk, ctx.knowledge.language?.code ?? 'en') };
}

/** A reply about Apple Support: its template filled with the region's contact, and the contact's links. */
export function contactReply(ctx: TurnContext, id: string, region: string | undefined = ctx.region, kind: Reply['kind'] = 'escalation'): Reply {
  const contact = contactFor(ctx.knowledge, region);
  return ctx.say.reply(id, contactLine(ctx, region), { kind, links: contact?.links ?? [] });
}

/** The `escalation` reply filled with the support contact for the conversation's region, and the contact's links. */
export function escalationReply(ctx: TurnContext, region: string | undefined = ctx.region): Reply {
  return contactReply(ctx, 'escalation', region);
}

/** The step the conversation was at (the current one, else the last one answered), for the escalation event. */
function stepAt(ctx: TurnContext, session: Session): string | undefined {
  return currentStep(ctx.knowledge, session)?.step.id ?? session.steps[session.steps.length - 1]?.stepId;
}

export function escalatedEvent(ctx: TurnContext, session: Session, reason: EscalationReason, routes: readonly EscalationRoute[]): TurnEvent {
  const step = stepAt(ctx, session);
  return { type: 'escalated', reason, routes, ...(session.flowId ? { flow: session.flowId } : {}), ...(step ? { step } : {}) };
}

/** The summary of what was tried, when anything was. */
function summaryOf(ctx: TurnContext, session: Session, reason: HandoffReason): readonly Reply[] {
  const story = buildStory(ctx.knowledge, ctx.say, session, reason);
  return story.summary.length > 0 ? [summaryReply(ctx.say, story.summary)] : [];
}

/**
 * Every fix failed: Apple Support for the user's region (the default contact when the region is unknown, then a
 * region question, since asking first would cost a turn), the summary, and a handoff where someone can join the chat.
 * A help desk reached only by ticket is offered (the escalation reply's "person" choice), not opened unasked.
 */
export function escalate(ctx: TurnContext, session: Session, lead: readonly Reply[] = []): Outcome {
  const join = someoneCanJoin(ctx.caps) && !session.handoffOpened;
  const base: Session = { ...withoutPending(session), status: 'escalated', csatDue: true, ...(join ? { handoffOpened: true } : {}) };
  const replies = [...lead, escalationReply(ctx), ...summaryOf(ctx, base, 'all_fixes_failed')];
  const effects = join ? [{ type: 'handoff' as const, story: buildStory(ctx.knowledge, ctx.say, base, 'all_fixes_failed') }] : [];
  const events = [escalatedEvent(ctx, session, 'all_fixes_failed', join ? handoffRoutes(ctx.caps) : ['apple'])];
  const askable = ctx.region === undefined && ctx.say.choices('ask_region').length > 0;
  if (!askable) return { session: base, replies, effects, events, route: 'escalation' };
  // One set of buttons per turn: the escalation's own (e.g. a person) follow the countries on the region question.
  const asked = askRegion(ctx.say, base);
  const own = replies.flatMap((r) => r.choices ?? []);
  const question: Reply = { ...asked.reply, choices: [...(asked.reply.choices ?? []), ...own.filter((c) => !(asked.reply.choices ?? []).some((q) => q.value === c.value))] };
  const plain = replies.map(({ choices: _moved, ...r }): Reply => r);
  return { session: asked.session, replies: [...plain, question], effects, events, route: 'escalation' };
}

/** After the reply, the way on: back to the step in progress, else the reply's own choices. */
function thenCarryOn(ctx: TurnContext, session: Session, replies: readonly Reply[]): { session: Session; replies: readonly Reply[] } {
  const asked = carryOn(ctx.say, ctx.knowledge, session);
  return asked ? { session: asked.session, replies: [...replies, asked.reply] } : { session: withoutPending(session), replies };
}

/** Nobody to hand to: say so, give Apple Support and the summary to copy, then carry on. No handoff, no promise. */
function nobodyHere(ctx: TurnContext, session: Session, reason: HandoffReason): Outcome {
  const shown = thenCarryOn(ctx, session, [contactReply(ctx, 'person_none'), ...summaryOf(ctx, session, reason)]);
  return { ...shown, events: [escalatedEvent(ctx, session, REASON[reason], ['apple'])], route: 'human:none' };
}

/** A help desk reached by ticket only: ask for the email its answer goes to (the ticket is opened with the answer). */
function askEmail(ctx: TurnContext, session: Session, reason: HandoffReason): Outcome {
  const asked: Session = { ...session, pending: { kind: 'ask_email', reason } };
  return { session: asked, replies: [ctx.say.reply('ticket_ask_email', contactLine(ctx), { kind: 'question' })], route: 'human:ask_email' };
}

/** Opens the ticket, with the email to answer (or without: then the help desk cannot reach the user, and we say so). */
export function openTicket(ctx: TurnContext, session: Session, reason: HandoffReason, email: string | undefined): Outcome {
  const base: Session = { ...withoutPending(session), handoffOpened: true, csatDue: true };
  const story = { ...buildStory(ctx.knowledge, ctx.say, base, reason), ...(email ? { contact: { email } } : {}) };
  const notice = contactReply(ctx, email ? 'ticket_sent' : 'ticket_no_email', ctx.region, 'handoff');
  const shown = thenCarryOn(ctx, base, [notice]);
  const events = [escalatedEvent(ctx, session, REASON[reason], handoffRoutes({ ...ctx.caps, live: false, hub: false }))];
  return { ...shown, effects: [{ type: 'handoff', story }], events, route: email ? 'human:ticket' : 'human:ticket_no_email' };
}

/**
 * The user asked for a person (or accepted one after misunderstandings). Where someone can join the chat: the notice
 * (the edge then says whether anyone is there), the summary and a handoff. A help desk with tickets only: the email
 * question first. Nobody configured: Apple Support and the summary, honestly.
 */
export function requestHuman(ctx: TurnContext, session: Session, reason: HandoffReason): Outcome {
  if (!anyPerson(ctx.caps)) return nobodyHere(ctx, session, reason);
  if (session.handoffOpened) {
    const again = contactReply(ctx, someoneCanJoin(ctx.caps) ? 'handoff_waiting' : 'ticket_already', ctx.region, 'handoff');
    return { ...thenCarryOn(ctx, session, [again]), route: 'human:again' };
  }
  if (!someoneCanJoin(ctx.caps)) return askEmail(ctx, session, reason);
  // No satisfaction question here: a person is about to take the conversation over.
  const base: Session = { ...withoutPending(session), status: session.status === 'escalated' ? 'escalated' : 'handoff', handoffOpened: true };
  const story = buildStory(ctx.knowledge, ctx.say, base, reason);
  const notice = ctx.say.reply('handoff_requested', contactLine(ctx), { kind: 'handoff' });
  const replies = story.summary.length > 0 ? [notice, summaryReply(ctx.say, story.summary)] : [notice];
  const events = [escalatedEvent(ctx, session, REASON[reason], handoffRoutes(ctx.caps))];
  return { session: base, replies, effects: [{ type: 'handoff', story }], events, route: 'human' };
}

/** Apple Support asked for directly (a number, a chat, an appointment): the contact, no ticket; then carry on. */
export function appleContact(ctx: TurnContext, id: 'apple_contact' | 'apple_appointment'): Outcome {
  const shown = thenCarryOn(ctx, ctx.session, [contactReply(ctx, id)]);
  return { ...shown, events: [escalatedEvent(ctx, ctx.session, 'asked_apple', ['apple'])], route: id };
}
