// Slack without Azure: @slack/bolt mounted at POST /slack/events (Events API and interactivity), as an express router.
// Mount it BEFORE any global body parser: Bolt needs the raw body to check the signature. Each DM or @mention becomes
// a TurnRequest for the ConversationService; replies go back in the thread as Block Kit. Requests are acknowledged
// first (Slack wants an answer within 3 s) and processed after.
import { App, ExpressReceiver, type Receiver, type ReceiverEvent } from '@slack/bolt';
import { Router } from 'express';
import type { Logger } from '../logger';
import type { Reply } from '../../dialogs';
import type { ConversationService, TurnRequest } from '../ports';
import { createSlackRenderer, type SlackMessage } from '../renderers/slack';
import type { Renderer } from '../renderers/types';
import { CHOICE_ACTION_PREFIX } from './blocks';
import { BOX_ACTION_PREFIX, DETAIL_ACTION_PREFIX } from './checklist-blocks';
import { createBoltLogger } from './bolt-logger';
import { createSlackClient, createTokenAuthorize, type SlackClient } from './client';
import { postReplies, threadOf } from './delivery';
import { blocksAfterChoice, clickToRequest, type BlockActionsBody } from './interactions';
import { slackEventToRequest, type SlackMessageEvent, type SlackThread } from './messages';
import { createRecentSet } from './recent';
import { slackTimestampGuard } from './timestamp-guard';
import { createUserLocales } from './user-locale';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackRouterDeps {
  readonly signingSecret: string;
  readonly botToken: string;
  readonly conversations: ConversationService;
  readonly logger: Logger;
  /** SLACK_API_URL: where the Web API lives (a local recorder in tests). */
  readonly apiUrl?: string;
  /** Share one client with the Slack Delivery; created from botToken/apiUrl when absent. */
  readonly client?: SlackClient;
  readonly renderer?: Renderer<SlackMessage>;
  /** The line that replaces clicked buttons, `{choice}` = the label; from knowledge when it has one. */
  readonly chosenTemplate?: string;
  /** What to post when a turn cannot be completed (the knowledge's `error` reply); nothing when absent. */
  readonly failureReply?: Reply;
  /** The two above in the user's language (by their Slack locale), when the knowledge has it. */
  readonly wordsFor?: (locale: string | undefined) => { readonly chosenTemplate?: string; readonly failureReply?: Reply };
  readonly now?: () => Date;
}

/** An express router; `drain()` resolves when every turn started so far has finished (tests, graceful shutdown). */
export type SlackRouter = Router & { drain(): Promise<void> };

export function createSlackRouter(deps: SlackRouterDeps): SlackRouter {
  const boltLogger = createBoltLogger(deps.logger);
  const client = deps.client ?? createSlackClient({ botToken: deps.botToken, apiUrl: deps.apiUrl, logger: boltLogger });
  const renderer = deps.renderer ?? createSlackRenderer();
  const now = deps.now ?? (() => new Date());
  const log = deps.logger.child({ channel: 'slack' });
  const seenEvents = createRecentSet();
  const clickedMessages = createRecentSet();
  const inFlight = new Set<Promise<void>>();
  const localeOf = createUserLocales(client, { onError: (err) => log.warn({ err }, 'slack users.info failed; message sent without a locale') });
  const words = (locale: string | undefined) => ({ chosenTemplate: deps.chosenTemplate, failureReply: deps.failureReply, ...deps.wordsFor?.(locale) });
  /** The request with the user's Slack locale, which Slack gives only when asked. */
  const withLocale = async (request: TurnRequest): Promise<TurnRequest> => {
    const locale = request.input.locale ?? (await localeOf(request.user.id));
    return locale ? { ...request, input: { ...request.input, locale } } : request;
  };

  const router = Router();
  router.post(SLACK_EVENTS_PATH, slackTimestampGuard(() => now().getTime()));
  const receiver = new ExpressReceiver({ signingSecret: deps.signingSecret, endpoints: SLACK_EVENTS_PATH, router, logger: boltLogger });
  const tracked: Receiver = {
    // Bolt answers Slack (ack) in the middle of processEvent; wrapping it lets drain() see work the response hid.
    init: (bolt) => receiver.init(Object.assign(Object.create(bolt) as App, { processEvent: (event: ReceiverEvent) => remember(bolt.processEvent(event)) })),
    start: (...args: Parameters<ExpressReceiver['start']>) => receiver.start(...args),
    stop: () => receiver.stop(),
  };
  const app = new App({ receiver: tracked, authorize: createTokenAuthorize(client, deps.botToken), logger: boltLogger });

  function remember(job: Promise<void>): Promise<void> {
    inFlight.add(job);
    void job.catch(() => undefined).finally(() => inFlight.delete(job));
    return job;
  }

  /** Answers one turn in its thread; an infrastructure failure is logged and answered with the apology. */
  async function answer(plain: TurnRequest, thread: SlackThread): Promise<void> {
    const request = await withLocale(plain);
    let replies: readonly Reply[];
    try {
      replies = (await deps.conversations.handle(request)).replies;
    } catch (err) {
      log.error({ err, conversation: request.address.conversationKey }, 'slack turn failed');
      const failure = words(request.input.locale).failureReply;
      replies = failure ? [failure] : [];
    }
    await postReplies(client, renderer, thread, replies);
  }

  /** Runs work after the acknowledgement, tracked so drain() can wait for it; failures are logged, never thrown. */
  function track(work: () => Promise<void>, fields: Record<string, unknown>): void {
    remember(work().catch((err: unknown) => log.error({ err, ...fields }, 'slack reply failed')));
  }

  const onMessage = async ({ event, body, context }: { event: unknown; body: unknown; context: { botUserId?: string; teamId?: string; retryNum?: number } }) => {
    const eventId = (body as { event_id?: string }).event_id;
    // Slack retries an event it thinks we missed (x-slack-retry-num); the first delivery is already being handled.
    if (eventId && !seenEvents.firstTime(eventId)) {
      log.debug({ eventId, retryNum: context.retryNum }, 'slack event retry ignored');
      return;
    }
    const request = slackEventToRequest(event as SlackMessageEvent, { teamId: context.teamId ?? (body as { team_id?: string }).team_id, botUserId: context.botUserId, now: now() });
    if (!request) return;
    track(() => answer(request, threadOf(request.address)), { conversation: request.address.conversationKey, eventId });
  };
  app.event('message', onMessage);
  app.event('app_mention', onMessage);

  app.action(new RegExp(`^${CHOICE_ACTION_PREFIX}:`), async ({ ack, body }) => {
    await ack();
    const click = clickToRequest(body as unknown as BlockActionsBody, now());
    if (!click) {
      log.warn('slack click ignored: not one of our buttons');
      return;
    }
    if (!clickedMessages.firstTime(`${click.thread.channel}:${click.messageTs}`)) return;
    const original = (body as unknown as BlockActionsBody).message;
    track(async () => {
      const { chosenTemplate } = words(await localeOf(click.request.user.id));
      await client.chat.update({
        channel: click.thread.channel,
        ts: click.messageTs,
        text: original?.text ?? click.label,
        blocks: blocksAfterChoice(original?.blocks ?? [], click.label, chosenTemplate, click.pickedLabels),
      });
      await answer(click.request, click.thread);
    }, { conversation: click.request.address.conversationKey });
  });

  // Ticking a box sends an event too: acknowledged (or Slack marks the box failed), read only when the submit is pressed.
  app.action(new RegExp(`^${BOX_ACTION_PREFIX}:`), async ({ ack }) => {
    await ack();
  });

  // "Show me how" is not an answer: the message keeps its buttons; the engine answers with the detail in the thread.
  app.action(new RegExp(`^${DETAIL_ACTION_PREFIX}:`), async ({ ack, body }) => {
    await ack();
    const click = clickToRequest(body as unknown as BlockActionsBody, now());
    const actionId = (body as unknown as BlockActionsBody).actions?.[0]?.action_id ?? '';
    if (!click || !clickedMessages.firstTime(`${click.thread.channel}:${click.messageTs}:${actionId}`)) return;
    track(() => answer(click.request, click.thread), { conversation: click.request.address.conversationKey });
  });

  app.error(async (error) => {
    log.error({ err: error }, 'slack request failed');
  });

  return Object.assign(router, {
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  });
}
