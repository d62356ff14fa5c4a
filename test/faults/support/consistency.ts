// What "consistent" means after a fault, read from durable state and the fake help desk: the session, its transcript
// and the outbox agree with each other and with what the simulated user saw. Returns problems as sentences.
import type { BotStore, OutboxItem } from '../../../bot/ports';
import type { HelpdeskRecorder } from '../../handoff/support/helpdesk-recorder';
import { conversationState, type ConversationState } from '../../scale/conversation-state';
import type { FaultUser } from './fault-user';

const VALID_STATUSES = new Set(['idle', 'in_flow', 'resolved', 'escalated', 'handoff']);

/** The help desk's view: POSTs answered 2xx and tickets created, by idempotency key. */
export interface DeskCounts {
  /** Idempotency key → tickets created for it (the recorder creates one per key). */
  readonly created: ReadonlyMap<string, number>;
  /** Idempotency key → requests answered 2xx (more than one: re-sent after success). */
  readonly accepted: ReadonlyMap<string, number>;
  /** Conversation key → tickets created. */
  readonly byConversation: ReadonlyMap<string, number>;
  /** Conversation key → the steps its (first) ticket reports. */
  readonly steps: ReadonlyMap<string, readonly string[]>;
}

export function deskCounts(desk: HelpdeskRecorder): DeskCounts {
  const created = new Map<string, number>();
  const accepted = new Map<string, number>();
  const byConversation = new Map<string, number>();
  for (const request of desk.requests) {
    if (request.status >= 300) continue;
    const key = String(request.headers['idempotency-key']);
    accepted.set(key, (accepted.get(key) ?? 0) + 1);
  }
  const steps = new Map<string, string[]>();
  for (const ticket of desk.tickets as { packet?: { id?: string; conversation?: string; steps?: { stepId: string }[] } }[]) {
    const key = String(ticket.packet?.id);
    created.set(key, (created.get(key) ?? 0) + 1);
    const conversation = String(ticket.packet?.conversation);
    byConversation.set(conversation, (byConversation.get(conversation) ?? 0) + 1);
    if (!steps.has(conversation)) steps.set(conversation, (ticket.packet?.steps ?? []).map((s) => s.stepId));
  }
  return { created, accepted, byConversation, steps };
}

/** Problems with one conversation that should have ended escalated (every fix failed) with one ticket. */
export async function checkEscalated(store: BotStore, user: FaultUser, desk: DeskCounts, outbox: readonly OutboxItem[], options: CheckOptions = {}): Promise<string[]> {
  const state = await conversationState(store, user.conversationKey);
  const problems = checkState(state, user, options);
  const session = state.session;
  if (session && session.status !== 'escalated') problems.push(`status ${session.status}, expected escalated`);
  // Every step the user said "No" to, once, in order: no step skipped or repeated by a retry. Steps that don't apply
  // (the computer branch for an iCloud or unknown target) are recorded as `skipped` and never shown; a step that warns
  // first is `passed` on "No" to its "go ahead?".
  const pressed = [...new Set(user.attempts.map((a) => a.stepId).filter((id): id is string => id !== undefined))];
  const shown = session?.steps.filter((s) => s.outcome !== 'skipped') ?? [];
  const stored = shown.map((s) => s.stepId);
  if (session && (JSON.stringify(stored) !== JSON.stringify(pressed) || !shown.every((s) => s.outcome === 'not_fixed' || s.outcome === 'passed'))) {
    problems.push(`steps ${JSON.stringify(session.steps.map((s) => `${s.stepId}:${s.outcome}`))}, expected ${JSON.stringify(pressed)} all not fixed`);
  }
  const ticketSteps = desk.steps.get(user.conversationKey);
  if (ticketSteps && JSON.stringify(ticketSteps) !== JSON.stringify(session?.steps.map((s) => s.stepId) ?? [])) problems.push(`the ticket reports steps ${JSON.stringify(ticketSteps)}`);
  const tickets = desk.byConversation.get(user.conversationKey) ?? 0;
  if (tickets !== 1) problems.push(`${tickets} tickets at the help desk, expected exactly 1`);
  const items = outbox.filter((i) => i.kind === 'helpdesk.ticket' && i.id.includes(`:${user.conversationKey}:`));
  if (items.length !== 1 || items[0].state !== 'delivered') {
    problems.push(`outbox ticket items ${JSON.stringify(items.map((i) => ({ id: i.id, state: i.state, attempts: i.attempts })))}: expected one, delivered`);
  }
  return problems;
}

/**
 * Session and transcript agree, and with the user's attempts: every answered attempt is in the transcript (in order,
 * once), no apologised one is (nothing half-written), each user line has the bot's answer after it, and the session
 * counted exactly the turns the transcript shows.
 */
export interface CheckOptions {
  /**
   * A store stopped or killed under a command in flight may have committed a write whose answer never came back: the
   * bot could only apologise ("your progress is saved"), so an apologised turn may be stored, like an unanswered one.
   * Still checked: such a turn is stored whole (session and transcript together) or not at all.
   */
  readonly apologyMayHaveLanded?: boolean;
}

export function checkState(state: ConversationState, user: FaultUser, options: CheckOptions = {}): string[] {
  const problems: string[] = [];
  const { session, transcript } = state;
  if (!session) return ['no session stored'];
  if (!VALID_STATUSES.has(session.status)) problems.push(`invalid status ${session.status}`);
  const said = transcript.filter((e) => e.from === 'user').map((e) => e.text);
  const byLabel = new Map(user.attempts.map((a) => [a.label, a.outcome]));
  const answered = user.attempts.filter((a) => a.outcome === 'answered').map((a) => a.label);
  const inOrder = user.attempts.map((a) => a.label).filter((label) => said.includes(label));
  if (said.some((text) => !byLabel.has(text))) problems.push(`transcript has user lines nobody sent: ${JSON.stringify(said.filter((t) => !byLabel.has(t)))}`);
  if (new Set(said).size !== said.length) problems.push('a user line is in the transcript twice');
  if (JSON.stringify(inOrder) !== JSON.stringify(said)) problems.push('user lines out of order');
  const lost = answered.filter((label) => !said.includes(label));
  if (lost.length > 0) problems.push(`answered turns missing from the transcript: ${JSON.stringify(lost)}`);
  // A turn the session counted without its transcript lines (or lines of a turn it never counted): half-written.
  if (session.turns !== said.length) problems.push(`session counted ${session.turns} turns, the transcript has ${said.length} user lines`);
  const halfWritten = options.apologyMayHaveLanded ? [] : said.filter((text) => byLabel.get(text) === 'apology');
  if (halfWritten.length > 0) problems.push(`turns answered with the apology are in the transcript: ${JSON.stringify(halfWritten)}`);
  transcript.forEach((entry, i) => {
    if (entry.from === 'user' && transcript[i + 1]?.from !== 'bot') problems.push(`user line ${i} ("${entry.text}") has no bot answer after it`);
  });
  return problems;
}

/** Checks every user's conversation (the outbox read once); a failure message is `report(result)`. */
export async function checkAll(store: BotStore, users: readonly FaultUser[], desk: DeskCounts, options: CheckOptions = {}): Promise<{ user: FaultUser; problems: string[] }[]> {
  const outbox = await store.outbox.list();
  const entries: { user: FaultUser; problems: string[] }[] = [];
  for (const user of users) entries.push({ user, problems: await checkEscalated(store, user, desk, outbox, options) });
  return entries;
}

/** A failure message: each conversation's problems with the user's attempts. */
export function report(entries: readonly { user: FaultUser; problems: readonly string[] }[], limit = 12): string {
  const failing = entries.filter((e) => e.problems.length > 0);
  const more = failing.length > limit ? `\n\n… and ${failing.length - limit} more conversations with problems` : '';
  return failing
    .slice(0, limit)
    .map((e) => `${e.user.conversationKey}:\n  - ${e.problems.join('\n  - ')}\n${e.user.describe()}`)
    .join('\n\n') + (failing.length ? `\n\n${failing.length} of ${entries.length} conversations inconsistent${more}` : '');
}
