// Which users took part in a conversation, kept in its record, so the user index (export and erasure, bot/privacy/)
// is written only when a conversation first sees a user or its note is due for renewal: never a write per turn.
import type { TurnRequest, UserIndex } from '../ports';
import type { SessionRecord } from './session-record';

/** Turns a person takes part in; a hub's handoff.status event is not a user speaking. */
const USER_TURNS: ReadonlySet<string> = new Set(['message', 'conversation_start', 'pick_up']);

/** The user to note in the index this turn, or undefined when the record already says so (the usual turn). */
export function userToNote(record: SessionRecord, request: TurnRequest, index: UserIndex | undefined, now: number): string | undefined {
  if (!index || !USER_TURNS.has(request.input.kind)) return undefined;
  const { id } = request.user;
  if (!record.users?.includes(id)) return id;
  const due = index.renewAfterMs > 0 && now - (record.usersNotedAt ?? 0) >= index.renewAfterMs;
  return due ? id : undefined;
}

/** Notes the user in the index (before the record is written, so a crash in between only notes twice). */
export async function noteUser(index: UserIndex, request: TurnRequest, userId: string): Promise<void> {
  await index.add(userId, request.address.channel, request.address.conversationKey);
}

/** The record to write, saying the user was noted now. */
export function withUser(next: SessionRecord, record: SessionRecord, userId: string | undefined, now: number): SessionRecord {
  const users = record.users ?? [];
  if (userId === undefined) return record.users ? { ...next, users, ...(record.usersNotedAt ? { usersNotedAt: record.usersNotedAt } : {}) } : next;
  return { ...next, users: users.includes(userId) ? users : [...users, userId], usersNotedAt: now };
}
