// Carries out the engine's effects after the turn is saved: log an unrecognized message, a resolution; cancel a
// handoff the user left while waiting.
// The handoff is not here: it travels in the session record and is opened from there (pending-handoff.ts).
// An effect that fails is logged and counted; it never turns the user's answer into an error.
import type { Effect, TurnResult } from '../../dialogs';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { HandoffDesk, TurnRequest } from '../ports';
import type { UnrecognizedSink } from './unrecognized';

export interface EffectDeps {
  readonly unrecognized: UnrecognizedSink;
  readonly logger: Logger;
  readonly metrics?: Metrics;
  readonly desk: Pick<HandoffDesk, 'cancel'>;
}

async function runEffect(deps: EffectDeps, effect: Effect, request: TurnRequest): Promise<void> {
  const { address } = request;
  switch (effect.type) {
    case 'handoff':
      return; // opened from the record the turn wrote (pending-handoff.ts), so a crash cannot lose it
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
      await deps.desk.cancel(address.conversationKey);
      return;
  }
}

export async function runEffects(deps: EffectDeps, request: TurnRequest, result: TurnResult): Promise<void> {
  for (const effect of result.effects) {
    try {
      await runEffect(deps, effect, request);
    } catch (err) {
      deps.metrics?.effectErrors.inc({ effect: effect.type });
      deps.logger.error({ err, effect: effect.type }, 'effect failed');
    }
  }
}
