// Builders for the activities a Bot Framework channel posts to /api/messages, one conversation at a time.
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';

export interface ConversationOptions {
  readonly serviceUrl: string;
  readonly channelId?: string;
  readonly conversationId?: string;
  readonly user?: { id: string; name: string };
  readonly bot?: { id: string; name: string };
  readonly locale?: string;
}

export interface ActivityBuilder {
  readonly conversationId: string;
  readonly channelId: string;
  /** A user's text message. */
  message(text: string, extra?: Partial<Activity>): Partial<Activity>;
  /** A button press: what our renderers' messageBack buttons and card submits send. */
  press(action: string, stepId?: string, label?: string): Partial<Activity>;
  /** The user (and the bot) joining the conversation. */
  joined(): Partial<Activity>;
  event(name: string, value?: unknown): Partial<Activity>;
  /** Any other activity type, e.g. `typing`, `messageReaction`, or one the bot has never heard of. */
  ofType(type: string, extra?: Partial<Activity>): Partial<Activity>;
}

export function createActivityBuilder(options: ConversationOptions): ActivityBuilder {
  const channelId = options.channelId ?? 'emulator';
  const conversationId = options.conversationId ?? `conv-${randomUUID()}`;
  const user = options.user ?? { id: 'user-1', name: 'Test User' };
  const bot = options.bot ?? { id: 'bot-1', name: 'Backup Helper' };
  let seq = 0;
  const base = (type: string): Partial<Activity> => {
    seq += 1;
    return {
      type,
      id: `${conversationId}-a${seq}`,
      timestamp: new Date(),
      channelId,
      serviceUrl: options.serviceUrl,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: user,
      recipient: bot,
      ...(options.locale ? { locale: options.locale } : {}),
    };
  };
  return {
    conversationId,
    channelId,
    message: (text, extra = {}) => ({ ...base('message'), text, ...extra }),
    press: (action, stepId, label) => ({ ...base('message'), text: label ?? '', value: stepId ? { action, stepId } : { action } }),
    joined: () => ({ ...base('conversationUpdate'), membersAdded: [bot, user] }),
    event: (name, value) => ({ ...base('event'), name, value }),
    ofType: (type, extra = {}) => ({ ...base(type), ...extra }),
  };
}
