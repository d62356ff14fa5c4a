// Wiring for Slack direct: the /slack/events router when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are both set,
// nothing otherwise. server.ts mounts what this returns; the words it needs come from knowledge.
import type { Router } from 'express';
import type { EdgeDeps } from '../server';
import { inLanguage } from '../language';
import { errorReply } from '../turn-handler';

export type SlackMountDeps = Pick<EdgeDeps, 'config' | 'conversations' | 'logger' | 'knowledge' | 'languages'>;

export function slackRouters(deps: SlackMountDeps): Router[] {
  const { slackBotToken: botToken, slackSigningSecret: signingSecret, slackApiUrl: apiUrl } = deps.config;
  if (!botToken || !signingSecret) {
    if (botToken || signingSecret) deps.logger.warn('Slack needs both SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET: /slack/events is off');
    return [];
  }
  // Loaded only now: @slack/bolt costs start-up about 0.2 s of CPU, for nothing when Slack is not configured.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createSlackRouter } = require('./router') as typeof import('./router');
  return [
    createSlackRouter({
      botToken,
      signingSecret,
      apiUrl,
      conversations: deps.conversations,
      logger: deps.logger,
      // Optional knowledge reply `you_chose` ("You chose: {choice}") replaces clicked buttons.
      chosenTemplate: deps.knowledge.replies.you_chose?.text[0],
      failureReply: errorReply(deps.knowledge),
      // The same in the user's language, by the locale Slack gives for them (users.info, include_locale).
      wordsFor: (locale) => {
        const k = inLanguage(deps.knowledge, deps.languages, locale);
        return { chosenTemplate: k.replies.you_chose?.text[0], failureReply: errorReply(k) };
      },
    }),
  ];
}
