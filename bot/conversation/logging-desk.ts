// The default HandoffDesk until a real one is configured: no agent ever has the conversation; handoffs are logged.
import type { Logger } from '../logger';
import type { HandoffDesk } from '../ports';

export function createLoggingDesk(logger: Logger): HandoffDesk {
  return {
    async isWithAgent() {
      return false;
    },
    async relayFromUser(conversationKey) {
      logger.warn({ conversation: conversationKey }, 'handoff desk: no desk configured to relay a user message');
    },
    async cancel(conversationKey) {
      logger.info({ conversation: conversationKey }, 'handoff desk: no desk configured; cancel logged only');
    },
    async open(packet, address) {
      logger.info(
        { conversation: address.conversationKey, channel: address.channel, handoff: packet.id, reason: packet.reason, steps: packet.steps.length },
        'handoff desk: no desk configured; handoff logged only',
      );
    },
  };
}
