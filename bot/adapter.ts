// The Bot Framework adapter: CloudAdapter with ConfigurationBotFrameworkAuthentication built from our config.
// No MicrosoftAppId: unauthenticated local traffic is accepted, exactly like the Bot Framework Emulator.
// With credentials: every request must carry a valid Bot Framework JWT for this app id, else 401.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
import { AuthenticationError } from 'botframework-connector';
import type { Config } from './config';
import type { Logger } from './logger';
import { withConnectorCache } from './connector-cache';
import { proxyConfigured, withLeanConnector } from './connector/lean-connector';
import { withBoundedVerification } from './security/bounded-auth';
import { createHandoffStatusGuard } from './security/handoff-status-guard';

/** The one apology that lives in code: said only when even the knowledge's `error` reply could not be sent. */
export const LAST_RESORT_APOLOGY = 'Sorry, something went wrong on our side. Please try again in a moment.';

export type AdapterConfig = Pick<Config, 'microsoftAppId' | 'microsoftAppPassword' | 'microsoftAppTenantId' | 'microsoftAppType'> &
  Partial<Pick<Config, 'allowAnonymous'>>;

export interface AdapterOptions {
  readonly config: AdapterConfig;
  readonly logger: Logger;
  /** Called when a turn fails past the turn handler's own error handling (e.g. the reply could not be sent). */
  readonly onTurnError?: (error: unknown, context: TurnContext) => void;
  /** Longest a Bot Framework token check may take before the request is refused with 401 (bot/security/bounded-auth.ts). */
  readonly authTimeoutMs?: number;
}

/** True when Bot Framework credentials are configured, so every request must be authenticated. */
export function isAuthenticationEnabled(config: AdapterConfig): boolean {
  return Boolean(config.microsoftAppId);
}

/** The options botbuilder reads, with unset values left out (botbuilder validates present keys as strings). */
export function authenticationOptions(config: AdapterConfig): Record<string, string> {
  const options: Record<string, string> = {};
  if (config.microsoftAppId) options.MicrosoftAppId = config.microsoftAppId;
  if (config.microsoftAppPassword) options.MicrosoftAppPassword = config.microsoftAppPassword;
  if (config.microsoftAppTenantId) options.MicrosoftAppTenantId = config.microsoftAppTenantId;
  if (config.microsoftAppType) options.MicrosoftAppType = config.microsoftAppType;
  return options;
}

/** What CloudAdapter.process would have answered: a status and a body (an invoke's), or the error behind a failure. */
export interface AdapterAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly error?: unknown;
}

/** CloudAdapterBase.processActivity(authHeader, …): protected in the typings, the entry point `process` itself calls. */
interface ActivityProcessor {
  processActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined>;
}

/**
 * CloudAdapter.process for a body the route has already parsed and checked, without what `process` redoes per request
 * (zod-3 schemas built and run over the request, the response and the body twice): the same timestamp fix-up
 * (botbuilder's validateAndFixActivity), the same authentication and turn (processActivity), the same statuses.
 */
export async function processActivity(adapter: CloudAdapter, body: object, authHeader: string, logic: (context: TurnContext) => Promise<void>): Promise<AdapterAnswer> {
  const activity = validateAndFixActivity(body as Activity);
  try {
    const invoke = await (adapter as unknown as ActivityProcessor).processActivity(authHeader, activity, logic);
    return { status: invoke?.status ?? 200, body: invoke?.body };
  } catch (err) {
    return { status: err instanceof AuthenticationError ? 401 : 500, body: (err as Error | undefined)?.message ?? err, error: err };
  }
}

export function createAdapter(options: AdapterOptions): CloudAdapter {
  const { config, logger } = options;
  // A token that cannot be verified (metadata unreachable, too slow) is refused with 401, never a 500 or a hang.
  // Connector clients are kept between turns (bot/connector-cache.ts), their per-turn calls a plain JSON POST
  // (bot/connector/lean-connector.ts) unless a proxy is configured, which only botbuilder's pipeline honours.
  const verified = withBoundedVerification(new ConfigurationBotFrameworkAuthentication(authenticationOptions(config)), { timeoutMs: options.authTimeoutMs, logger });
  const auth = withConnectorCache(verified, { wrap: proxyConfigured() ? undefined : withLeanConnector });
  const adapter = new CloudAdapter(auth);
  // First middleware, so a forged handoff.status never reaches the handoff's turn tracker or the bot.
  adapter.use(createHandoffStatusGuard({ loopbackOnly: !config.microsoftAppId && !config.allowAnonymous, logger }));
  adapter.onTurnError = async (context, error) => {
    const activity = context.activity;
    logger.error(
      { err: error, channel: activity.channelId, conversation: activity.conversation?.id, activityType: activity.type },
      'turn failed',
    );
    options.onTurnError?.(error, context);
    if (activity.type !== 'message' || context.responded) return;
    try {
      await context.sendActivity(LAST_RESORT_APOLOGY);
    } catch (sendError) {
      // The channel is unreachable too: the log line above is all we can do.
      logger.warn({ err: sendError }, 'could not send the apology');
    }
  };
  return adapter;
}
