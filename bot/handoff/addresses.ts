// Facts read from a conversation's address: its tenant (for inbox separation) and whether it is a Bot Framework
// conversation, reachable proactively through the adapter and able to carry the handoff protocol's events.
import type { ConversationAddress } from '../ports';

type Ref = { serviceUrl?: unknown; conversation?: { tenantId?: unknown }; team?: unknown; thread_ts?: unknown; channelData?: { tenant?: { id?: unknown } } };
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** Teams: the Entra tenant of the conversation; Slack direct: the workspace (team); otherwise none. */
export function tenantOf(address: ConversationAddress): string | undefined {
  const ref = address.reference as Ref;
  return str(ref.conversation?.tenantId) ?? str(ref.channelData?.tenant?.id) ?? (address.channel === 'slack' ? str(ref.team) : undefined);
}

/** Slack direct (our Bolt route) addresses a thread; Slack through Azure Bot Service is a Bot Framework conversation. */
export const isSlackThread = (address: ConversationAddress): boolean =>
  address.channel === 'slack' && str((address.reference as Ref).thread_ts) !== undefined && str((address.reference as Ref).serviceUrl) === undefined;

export interface BotFrameworkRule {
  /** Web chat runs on our own Direct Line (no DIRECT_LINE_SECRET): its conversations are not Bot Framework ones. */
  readonly ownDirectLine: boolean;
}

/** True for conversations that came through Bot Framework (Teams, Emulator, Azure Direct Line, Slack via Azure). */
export function isBotFrameworkAddress(address: ConversationAddress, rule: BotFrameworkRule): boolean {
  if (str((address.reference as Ref).serviceUrl) === undefined) return false;
  if (rule.ownDirectLine && (address.channel === 'webchat' || address.channel === 'directline')) return false;
  return true;
}
