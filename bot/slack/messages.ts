// Slack Events API messages → TurnRequests: DMs (message.im) and @mentions (app_mention), answered in the thread.
// Bot messages, edits, deletions and other subtypes are not user turns and are ignored.
import type { TurnRequest } from '../ports';

/** The fields of a `message` or `app_mention` event we read; everything else in the event is ignored. */
export interface SlackMessageEvent {
  readonly type?: string;
  readonly subtype?: string;
  readonly channel_type?: string;
  readonly channel?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly text?: string;
  readonly ts?: string;
  readonly thread_ts?: string;
  readonly team?: string;
  readonly edited?: unknown;
}

/** Where a reply goes: the channel and the thread (the message itself when it started no thread). */
export interface SlackThread {
  readonly team: string;
  readonly channel: string;
  readonly thread_ts: string;
}

/** `slack:<team>:<channel>:<thread_ts>`: one conversation (and one session) per thread. */
export function slackConversationKey(thread: SlackThread): string {
  return `slack:${thread.team}:${thread.channel}:${thread.thread_ts}`;
}

/** Subtypes that still carry a person's words (a file with a comment); every other subtype is not a user turn. */
const USER_SUBTYPES: ReadonlySet<string> = new Set(['file_share']);

/** Removes `<@BOTID>` (and `<@BOTID|name>`) mentions of the bot from the text. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  return text.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ').replace(/\s{2,}/g, ' ').trim();
}

/** Decodes the three entities Slack escapes in event text, so the engine sees what the person typed. */
function decodeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export interface MessageContext {
  readonly teamId: string | undefined;
  readonly botUserId: string | undefined;
  readonly now: Date;
}

/** The TurnRequest for a Slack message event, or undefined when the bot should stay quiet. */
export function slackEventToRequest(event: SlackMessageEvent, ctx: MessageContext): TurnRequest | undefined {
  if (event.bot_id || !event.user || !event.channel || !event.ts) return undefined;
  if (event.subtype && !USER_SUBTYPES.has(event.subtype)) return undefined;
  if (event.type === 'message' && event.channel_type !== 'im') return undefined;
  if (event.type === 'app_mention' && event.edited) return undefined;
  if (event.type !== 'message' && event.type !== 'app_mention') return undefined;
  if (event.user === ctx.botUserId) return undefined;
  const thread: SlackThread = { team: event.team ?? ctx.teamId ?? 'unknown', channel: event.channel, thread_ts: event.thread_ts ?? event.ts };
  const raw = typeof event.text === 'string' ? event.text : '';
  const text = decodeSlackText(event.type === 'app_mention' ? stripBotMention(raw, ctx.botUserId) : raw.trim());
  return {
    address: { channel: 'slack', conversationKey: slackConversationKey(thread), reference: { ...thread } },
    user: { id: event.user },
    input: { kind: 'message', text, now: ctx.now.toISOString() },
    activityId: `${event.channel}:${event.ts}`,
  };
}
