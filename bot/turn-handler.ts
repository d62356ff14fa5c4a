// The bot logic for every Bot Framework turn (POST /api/messages and our Direct Line): activity → TurnInput →
// ConversationService → render for the channel → send. An infrastructure failure answers with the `error` reply.
import type { TurnContext } from 'botbuilder';
import type { Knowledge, Reply } from '../dialogs';
import { activityToRequest } from './activity-to-input';
import { LAST_RESORT_APOLOGY } from './adapter';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import { inLanguage, type KnowledgeByLanguage } from './language';
import type { ConversationService } from './ports';
import type { BotFrameworkPayload } from './renderers/bot-framework';
import type { RendererRegistry } from './renderers/select';
import { teamsPreprocess } from './teams/preprocess';

export type BotLogic = (context: TurnContext) => Promise<void>;

export interface TurnHandlerDeps {
  readonly conversations: ConversationService;
  readonly renderers: RendererRegistry<BotFrameworkPayload>;
  /** For the `error` reply (the apology and a way forward) when a turn cannot be completed. */
  readonly knowledge: Pick<Knowledge, 'replies'>;
  /** The same replies per language (the locale's `error` and `continue_in_chat`, by the activity's locale). */
  readonly languages?: KnowledgeByLanguage<Pick<Knowledge, 'replies'>>;
  readonly logger: Logger;
  readonly metrics?: Metrics;
  /** Send a typing indicator before answering a message (useful when turns are slow, e.g. a remote store). */
  readonly typing?: boolean;
  readonly now?: () => Date;
}

/** The knowledge's `error` reply as a neutral Reply, or the last-resort apology if knowledge has none. */
export function errorReply(knowledge: Pick<Knowledge, 'replies'>): Reply {
  const template = knowledge.replies.error;
  if (!template || template.text.length === 0) return { kind: 'text', text: LAST_RESORT_APOLOGY };
  return {
    kind: 'text',
    text: template.text[0],
    ...(template.choices?.length ? { choices: template.choices } : {}),
    ...(template.links?.length ? { links: template.links } : {}),
  };
}

export function createTurnHandler(deps: TurnHandlerDeps): BotLogic {
  const now = deps.now ?? (() => new Date());
  return async (context) => {
    const activity = context.activity;
    // Teams etiquette (bot/teams/preprocess.ts): in a channel only when @mentioned, mention stripped, 1:1 offer.
    const words = inLanguage(deps.knowledge, deps.languages, activity.locale);
    const teams = activity.channelId === 'msteams' ? teamsPreprocess(context, { continueInChat: words.replies.continue_in_chat }) : undefined;
    if (teams?.skip) {
      deps.logger.debug({ reason: teams.reason, channel: activity.channelId }, 'teams activity ignored');
      return;
    }
    if (activity.type === 'invoke') {
      // Our cards submit messages (Action.Submit), so no invoke is ours: a 400 answer rather than botbuilder's 501.
      await context.sendActivity({ type: 'invokeResponse', value: { status: 400, body: { error: { code: 'unsupported_invoke', message: 'not supported' } } } });
      return;
    }
    const request = activityToRequest(activity, now());
    if (!request) {
      deps.logger.debug({ activityType: activity.type, name: activity.name, channel: activity.channelId }, 'activity ignored');
      return;
    }
    if (deps.typing && request.input.kind === 'message') await context.sendActivity({ type: 'typing' });
    let replies: readonly Reply[];
    try {
      replies = (await deps.conversations.handle(request)).replies;
    } catch (err) {
      // Infrastructure failure (storage down, a bug): apologise and offer a way forward; nothing half-written.
      deps.metrics?.turnErrors.inc({ channel: request.address.channel });
      deps.logger.error({ err, conversation: request.address.conversationKey, channel: request.address.channel }, 'turn failed');
      replies = [errorReply(words)];
    }
    const payloads = deps.renderers.forChannel(activity.channelId).render(teams ? teams.decorate(replies) : replies);
    if (payloads.length > 0) await context.sendActivities(payloads);
  };
}
