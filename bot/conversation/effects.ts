// Carries out the engine's effects after the turn is saved: open a handoff, log an unrecognized message.
// An effect that fails is logged and counted; it never turns the user's answer into an error.
import type { Effect, TurnResult } from '../../dialogs';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { HandoffDesk, Logs, TurnRequest } from '../ports';
import { buildHandoffPacket } from './handoff-packet';
import { readTranscript } from './transcript';
import type { UnrecognizedSink } from './unrecognized';

export interface EffectDeps {
  readonly desk: HandoffDesk;
  readonly unrecognized: UnrecognizedSink;
  readonly logs: Logs;
  readonly logger: Logger;
  readonly metrics?: Metrics;
}

async function runEffect(deps: EffectDeps, effect: Effect, request: TurnRequest, result: TurnResult): Promise<void> {
  const { address } = request;
  switch (effect.type) {
    case 'handoff': {
      const transcript = await readTranscript(deps.logs, address.conversationKey);
      const packet = buildHandoffPacket({ story: effect.story, address, user: request.user, input: request.input, turn: result.session.turns, transcript });
      await deps.desk.open(packet, address);
      return;
    }
    case 'unrecognized':
      await deps.unrecognized.record({
        text: effect.text,
        ranking: effect.ranking,
        conversation: address.conversationKey,
        channel: address.channel,
        at: request.input.now,
      });
      return;
    case 'resolved':
      deps.logger.info({ flow: effect.flowId, step: effect.stepId }, 'conversation resolved');
      return;
    case 'cancel_handoff':
      // The desk port has no cancel yet; the handoff side reads the session status when it claims the item.
      deps.logger.info('handoff cancelled by the user');
      return;
  }
}

export async function runEffects(deps: EffectDeps, request: TurnRequest, result: TurnResult): Promise<void> {
  for (const effect of result.effects) {
    try {
      await runEffect(deps, effect, request, result);
    } catch (err) {
      deps.metrics?.effectErrors.inc({ effect: effect.type });
      deps.logger.error({ err, effect: effect.type }, 'effect failed');
    }
  }
}
