// Runs a Direct Line activity through the same botbuilder pipeline as /api/messages (CloudAdapter, middleware, bot
// logic), in process, with deliveryMode 'expectReplies' so the replies come back to us instead of over HTTP.
import type { Activity, CloudAdapter, InvokeResponse } from 'botbuilder';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  ConnectorClient,
  MicrosoftAppCredentials,
  type AuthenticateRequestResult,
} from 'botframework-connector';
import type { BotLogic, WireActivity } from './types';

export interface BotBridge {
  /** One turn; resolves to the bot's replies, in order. Errors inside the turn reach the adapter's onTurnError. */
  run(activity: Activity): Promise<WireActivity[]>;
}

/** CloudAdapterBase.processActivity(authenticateRequestResult, …) is protected in the typings though it is the documented
 *  entry point for channels the bot trusts (botbuilder itself calls it this way for named pipes and streaming). */
interface InProcessAdapter {
  processActivity(auth: AuthenticateRequestResult, activity: Activity, logic: BotLogic): Promise<InvokeResponse | undefined>;
}

/** Activity types a Direct Line client is shown; traces (Emulator only) and invoke responses stay on the server. */
const CLIENT_TYPES = new Set(['message', 'typing', 'event', 'endOfConversation', 'messageReaction']);

let last: { readonly serviceUrl: string; readonly client: ConnectorClient } | undefined;

/** The client for this serviceUrl, kept while the serviceUrl stays the same. */
function lastClient(serviceUrl: string): ConnectorClient {
  if (last?.serviceUrl !== serviceUrl) last = { serviceUrl, client: new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: serviceUrl }) };
  return last.client;
}

function trustedChannelAuth(appId: string | undefined): AuthenticateRequestResult {
  // Same claims the adapter builds for its named-pipe channel: the bot's own app id, or anonymous when there is none.
  const claimsIdentity = appId
    ? new ClaimsIdentity([
        { type: AuthenticationConstants.AudienceClaim, value: appId },
        { type: AuthenticationConstants.AppIdClaim, value: appId },
      ], true)
    : new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);
  return {
    audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
    claimsIdentity,
    // Never used for sending: expectReplies buffers every reply on the turn context. Built once per serviceUrl (our
    // own, the same every turn), not per turn: a client is a whole HTTP pipeline.
    connectorFactory: { create: async (serviceUrl: string) => lastClient(serviceUrl) },
  };
}

export function createBotBridge(options: { adapter: CloudAdapter; logic: BotLogic; appId?: string }): BotBridge {
  const adapter = options.adapter as unknown as InProcessAdapter;
  const auth = trustedChannelAuth(options.appId);
  return {
    async run(activity) {
      const response = await adapter.processActivity(auth, { ...activity, deliveryMode: 'expectReplies' } as Activity, options.logic);
      const body = response?.body as { activities?: Partial<Activity>[] } | undefined;
      return (body?.activities ?? [])
        .filter((reply) => CLIENT_TYPES.has(String(reply.type)))
        .map((reply) => JSON.parse(JSON.stringify(reply)) as WireActivity);
    },
  };
}
