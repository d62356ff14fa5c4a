// Teams etiquette, applied before a Teams activity reaches the engine: in a team channel the bot answers only when
// @mentioned (or when one of its cards is pressed), the mention is stripped from the text, and a channel answer that
// starts a troubleshooting flow offers to carry on in a private 1:1 chat. Personal and group chats are normal.
import { TurnContext, type Activity } from 'botbuilder';
import type { Reply, ReplyTemplate } from '../../dialogs';

export interface TeamsPreprocessOptions {
  /**
   * The words of the 1:1 offer, from knowledge (`continue_in_chat`: text + one link whose title labels the button).
   * Without it no offer is made: user-facing words live in knowledge, not here.
   */
  readonly continueInChat?: ReplyTemplate;
}

export type TeamsTurn =
  | { readonly skip: true; readonly reason: 'channel_without_mention' | 'member_change_in_shared_chat' }
  | {
      readonly skip: false;
      /** The message text without the bot's @mention (also written back to `activity.text`). */
      readonly text?: string;
      /** Adds the 1:1 offer to the bot's replies where it applies; returns the replies unchanged otherwise. */
      readonly decorate: (replies: readonly Reply[]) => readonly Reply[];
    };

const unchanged = (replies: readonly Reply[]): readonly Reply[] => replies;

function isMentioned(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return Boolean(botId) && TurnContext.getMentions(activity as Activity).some((m) => m.mentioned?.id === botId);
}

function isCardSubmit(activity: Partial<Activity>): boolean {
  return typeof activity.value === 'object' && activity.value !== null;
}

/** Teams' deep link that opens a 1:1 chat with the bot (`28:<app id>` is the bot's id in Teams). */
export function personalChatLink(botId: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(botId)}`;
}

function offerReply(template: ReplyTemplate, botId: string): Reply {
  const title = template.links?.[0]?.title ?? template.choices?.[0]?.label ?? template.text[0];
  return { kind: 'text', text: template.text[0] ?? '', links: [{ title, url: personalChatLink(botId) }] };
}

export function teamsPreprocess(context: Pick<TurnContext, 'activity'>, options: TeamsPreprocessOptions = {}): TeamsTurn {
  const activity = context.activity;
  const conversationType = activity.conversation?.conversationType;
  const shared = conversationType === 'channel' || conversationType === 'groupChat';
  if (activity.type === 'conversationUpdate' && shared) {
    // Someone joining a team or group chat should not get the bot's welcome posted to everyone.
    return { skip: true, reason: 'member_change_in_shared_chat' };
  }
  if (activity.type !== 'message') return { skip: false, decorate: unchanged };
  const mentioned = isMentioned(activity);
  if (conversationType === 'channel' && !mentioned && !isCardSubmit(activity)) return { skip: true, reason: 'channel_without_mention' };
  // removeRecipientMention rewrites activity.text in place; it throws on a missing text, hence the guard.
  const text = typeof activity.text === 'string' && mentioned ? TurnContext.removeRecipientMention(activity as Activity) : activity.text;
  const botId = activity.recipient?.id;
  const template = options.continueInChat;
  const offer = conversationType === 'channel' && mentioned && template && botId ? offerReply(template, botId) : undefined;
  return {
    skip: false,
    ...(typeof text === 'string' ? { text } : {}),
    // Offer the private chat only when a multi-turn flow is under way: a one-line answer needs no private room.
    decorate: offer ? (replies) => (replies.some((r) => r.kind === 'step') ? [...replies, offer] : replies) : unchanged,
  };
}
