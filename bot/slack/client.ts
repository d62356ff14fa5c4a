// The Slack Web API client and Bolt's authorize function, both pointed at SLACK_API_URL when set (tests, proxies).
import type { AuthorizeResult, Logger as BoltLogger, webApi } from '@slack/bolt';

export type SlackClient = webApi.WebClient;

export interface SlackClientOptions {
  readonly botToken: string;
  /** Base URL of the Web API, e.g. http://127.0.0.1:4000/api/ (default https://slack.com/api/). */
  readonly apiUrl?: string;
  readonly logger?: BoltLogger;
}

export function createSlackClient(options: SlackClientOptions): SlackClient {
  const slackApiUrl = options.apiUrl ? options.apiUrl.replace(/\/?$/, '/') : undefined;
  // Required here, not at the top: the handoff wiring imports this file whether or not Slack is configured.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { webApi: api } = require('@slack/bolt') as typeof import('@slack/bolt');
  return new api.WebClient(options.botToken, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    // The default retries for half an hour; a chat reply that late is worse than a logged failure.
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2000 },
    timeout: 10_000,
  });
}

/**
 * Bolt's authorize for a single workspace token: auth.test once, cached on success, retried on the next event after a
 * failure. (Bolt's own single-token mode calls auth.test at construction and crashes the process if Slack is down.)
 */
export function createTokenAuthorize(client: SlackClient, botToken: string): () => Promise<AuthorizeResult> {
  let identity: Promise<{ botId?: string; botUserId?: string; teamId?: string }> | undefined;
  return async () => {
    identity ??= client.auth.test({ token: botToken }).then(
      (result) => ({ botId: result.bot_id, botUserId: result.user_id, teamId: result.team_id }),
      (error: unknown) => {
        identity = undefined;
        throw error;
      },
    );
    return { botToken, ...(await identity) };
  };
}
