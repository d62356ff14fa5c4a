// Turns a Bot Framework activity into the engine's TurnInput (and a TurnRequest for the ConversationService).
// Anything the engine has no use for (typing, reactions, unknown types) becomes `undefined`: ignored politely.
import { TurnContext, type Activity } from 'botbuilder';
import type { TurnInput } from '../dialogs';
import { PICK_MANY, PICKED_INPUT_ID, readPicked } from './picked-values';
import type { ConversationAddress, TurnRequest } from './ports';

/** The event a help-desk hub sends about a handoff (value: { status, queuePosition?, agentName?, resumeAtStep? }). */
export const HANDOFF_STATUS_EVENT = 'handoff.status';

const HANDOFF_STATUSES: ReadonlySet<string> = new Set(['accepted', 'failed', 'completed', 'agent_joined', 'agent_left', 'queued', 'unavailable']);

/** Longer than any button value we send (`intent:…`, `step:…`, a choice value). */
const MAX_ACTION_LENGTH = 200;

type Value = Readonly<Record<string, unknown>>;
const isRecord = (v: unknown): v is Value => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * A button or card submit's `value` → the engine's action. Accepts our own `{ action, stepId }` (messageBack and
 * Adaptive Card Action.Submit data), `{ value, stepId }`, and a bare string token. A checklist's submit
 * (`{ action, stepId?, pick: 'many', picked: 'a,b' }`: its data with the card's input merged in) also carries `picked`.
 */
export function valueToAction(value: unknown): TurnInput['action'] {
  const token = isRecord(value) ? (str(value.action) ?? str(value.value)) : str(value);
  // Our button values are short ids; a huge one is forged and would cost the NLU's typo matching seconds of CPU.
  if (!token || !token.trim() || token.length > MAX_ACTION_LENGTH) return undefined;
  const stepId = isRecord(value) ? str(value.stepId) : undefined;
  const many = isRecord(value) && (value.pick === PICK_MANY || value[PICKED_INPUT_ID] !== undefined);
  return {
    value: token.trim(),
    ...(stepId ? { stepId } : {}),
    ...(many ? { picked: readPicked(value[PICKED_INPUT_ID]) } : {}),
  };
}

/** The engine's input for an activity, or undefined when the activity is not one the bot answers. */
export function activityToInput(activity: Partial<Activity>, now: Date = new Date()): TurnInput | undefined {
  const base = { now: now.toISOString(), ...(str(activity.locale) ? { locale: activity.locale } : {}) };
  switch (activity.type) {
    case 'message': {
      // Wrong types (a number, an object) are treated as no text: the engine answers an empty message kindly.
      const text = str(activity.text) ?? '';
      const action = valueToAction(activity.value);
      return { kind: 'message', text, ...(action ? { action } : {}), ...base };
    }
    case 'conversationUpdate': {
      const botId = activity.recipient?.id;
      const added = Array.isArray(activity.membersAdded) ? activity.membersAdded : [];
      // Channels announce the bot joining too; only a person joining starts the conversation.
      return added.some((m) => isRecord(m) && m.id !== botId) ? { kind: 'conversation_start', ...base } : undefined;
    }
    case 'event':
      return activity.name === HANDOFF_STATUS_EVENT ? handoffStatusInput(activity.value, base) : undefined;
    default:
      return undefined;
  }
}

function handoffStatusInput(value: unknown, base: { now: string; locale?: string }): TurnInput | undefined {
  const v = isRecord(value) ? value : {};
  const status = str(v.status);
  if (!status || !HANDOFF_STATUSES.has(status)) return undefined;
  const queuePosition = typeof v.queuePosition === 'number' && Number.isFinite(v.queuePosition) ? v.queuePosition : undefined;
  const resumeAtStep = str(v.resumeAtStep);
  const agentName = str(v.agentName)?.trim().slice(0, 100);
  return {
    kind: 'handoff_status',
    handoffStatus: status as NonNullable<TurnInput['handoffStatus']>,
    ...(queuePosition !== undefined ? { queuePosition } : {}),
    ...(resumeAtStep ? { resumeAtStep } : {}),
    ...(agentName ? { agentName } : {}),
    ...base,
  };
}

/** Our key for a Bot Framework conversation: `${channelId}:${conversation id}`. */
export function conversationKeyOf(activity: Partial<Activity>): string {
  return `${activity.channelId ?? 'unknown'}:${activity.conversation?.id ?? 'unknown'}`;
}

/** Enough to reach the conversation again proactively: the Bot Framework ConversationReference. */
export function addressOf(activity: Partial<Activity>): ConversationAddress {
  const reference = TurnContext.getConversationReference(activity);
  return { channel: activity.channelId ?? 'unknown', conversationKey: conversationKeyOf(activity), reference: { ...reference } };
}

/** The whole request for the ConversationService, or undefined for activities the bot ignores. */
export function activityToRequest(activity: Partial<Activity>, now: Date = new Date()): TurnRequest | undefined {
  const input = activityToInput(activity, now);
  if (!input) return undefined;
  const from = activity.from;
  // Test traffic is marked by whoever sends it (a test script, a load test): counted apart by analytics.
  const test = isRecord(activity.channelData) && activity.channelData.test === true;
  return {
    address: addressOf(activity),
    user: { id: str(from?.id) ?? 'anonymous', ...(str(from?.name) ? { name: from?.name } : {}) },
    input,
    ...(str(activity.id) ? { activityId: activity.id } : {}),
    ...(test ? { test } : {}),
  };
}
