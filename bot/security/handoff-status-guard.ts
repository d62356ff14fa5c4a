// Who may change handoff state with a `handoff.status` event: only the help-desk side. A Direct Line client (our web
// chat, Azure's) can post any event it likes, and Teams / Slack users are people, not hubs: their handoff.status
// events are dropped (logged) before the turn tracker or the engine sees them. Our agent inbox and help-desk notices
// never come as activities (bot/handoff/notices.ts runs their turns directly), so they are not affected.
import type { Middleware, TurnContext } from 'botbuilder';
import { AuthenticationConstants, type ClaimsIdentity } from 'botframework-connector';
import { HANDOFF_STATUS_EVENT } from '../activity-to-input';
import type { Logger } from '../logger';

/** Channels whose activities a person composes (Direct Line clients post raw activities; Teams and Slack are users). */
export const USER_CHANNELS: ReadonlySet<string> = new Set(['webchat', 'directline', 'directlinespeech', 'msteams', 'slack']);

export type HandoffStatusVerdict = 'accept' | 'user_channel' | 'unauthenticated';

export interface HandoffStatusSender {
  readonly channelId: string | undefined;
  /** The turn's identity was checked against this app's credentials (a verified Bot Framework JWT). */
  readonly verified: boolean;
  /** Unauthenticated senders are only this machine (no MicrosoftAppId, no ALLOW_ANONYMOUS): the Emulator, a local hub. */
  readonly loopbackOnly: boolean;
}

/** Whether a handoff.status from this sender may change anything. */
export function handoffStatusVerdict(sender: HandoffStatusSender): HandoffStatusVerdict {
  if (!sender.channelId || USER_CHANNELS.has(sender.channelId)) return 'user_channel';
  return sender.verified || sender.loopbackOnly ? 'accept' : 'unauthenticated';
}

/**
 * True when the turn's claims come from a validated token. botbuilder's identity for unauthenticated requests (auth
 * disabled) carries no claims at all; a validated Bot Framework / Entra token always names its audience.
 */
export function isVerifiedIdentity(identity: ClaimsIdentity | undefined): boolean {
  if (!identity?.isAuthenticated) return false;
  return Boolean(identity.getClaimValue(AuthenticationConstants.AudienceClaim));
}

export interface HandoffStatusGuardOptions {
  /** True when anonymous requests reach the adapter only from loopback (see anonymous-guard.ts `anonymousPolicy`). */
  readonly loopbackOnly: boolean;
  readonly logger: Logger;
}

/** Adapter middleware; register it before the handoff's turn tracker (bot/adapter.ts does, at creation). */
export function createHandoffStatusGuard(options: HandoffStatusGuardOptions): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      const { activity } = context;
      if (activity.type !== 'event' || activity.name !== HANDOFF_STATUS_EVENT) return next();
      const identity = context.turnState.get(context.adapter.BotIdentityKey) as ClaimsIdentity | undefined;
      const verdict = handoffStatusVerdict({ channelId: activity.channelId, verified: isVerifiedIdentity(identity), loopbackOnly: options.loopbackOnly });
      if (verdict === 'accept') return next();
      options.logger.warn(
        { security: 'handoff.status', verdict, channel: activity.channelId, conversation: activity.conversation?.id, from: activity.from?.id },
        'handoff.status event from a sender that may not change handoff state: ignored',
      );
    },
  };
}
