// Turns what a Direct Line client posts into the activity we store and echo, and into the full activity the bot gets.
// Lenient with optional fields (a wrong type is dropped), strict with identity: `from.id` is always the token's user.
import type { Activity } from 'botbuilder';
import type { ConversationRecord, WireActivity } from './types';

const ACCEPTED_TYPES = new Set(['message', 'event', 'typing']);
const MAX_ENTITIES = 10;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const shortString = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.length <= max ? value : undefined;

export type Intake = { readonly ok: true; readonly activity: WireActivity } | { readonly ok: false; readonly reason: string };

/** Validates a posted body. The result keeps `channelData` (with Web Chat's clientActivityID) exactly as posted. */
export function readPostedActivity(body: unknown, userId: string): Intake {
  if (!isObject(body)) return { ok: false, reason: 'the body must be an activity object' };
  const type = body.type;
  if (typeof type !== 'string' || !ACCEPTED_TYPES.has(type)) return { ok: false, reason: 'activity type must be message, event or typing' };
  const from = isObject(body.from) ? body.from : {};
  const fields: Record<string, unknown> = {
    type,
    text: typeof body.text === 'string' ? body.text : undefined,
    textFormat: body.textFormat === 'plain' ? 'plain' : undefined,
    value: body.value,
    name: shortString(body.name, 200),
    locale: typeof body.locale === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/.test(body.locale) ? body.locale : undefined,
    localTimestamp: shortString(body.localTimestamp, 40),
    localTimezone: shortString(body.localTimezone, 64),
    channelData: isObject(body.channelData) ? body.channelData : undefined,
    entities: Array.isArray(body.entities) ? body.entities.filter(isObject).slice(0, MAX_ENTITIES) : undefined,
    from: { id: userId, name: shortString(from.name, 100), role: 'user' },
  };
  return { ok: true, activity: JSON.parse(JSON.stringify(fields)) as WireActivity };
}

export interface ActivityContext {
  readonly channelId: string;
  readonly serviceUrl: string;
  readonly bot: { readonly id: string; readonly name: string };
}

/** The activity the bot's pipeline receives: the stored one plus the Bot Framework envelope. */
export function toBotActivity(stored: WireActivity, conversationId: string, context: ActivityContext): Activity {
  return {
    ...stored,
    channelId: context.channelId,
    serviceUrl: context.serviceUrl,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    recipient: { id: context.bot.id, name: context.bot.name, role: 'bot' },
  } as unknown as Activity;
}

/** The `conversationUpdate` that tells the bot a user joined, so it sends its welcome. */
export function conversationStart(record: ConversationRecord, context: ActivityContext): Activity {
  const user = { id: record.userId, name: record.userName, role: 'user' };
  return toBotActivity(
    { type: 'conversationUpdate', id: `${record.id}|start`, from: user, membersAdded: [user], locale: record.locale, timestamp: new Date().toISOString() },
    record.id,
    context,
  );
}
