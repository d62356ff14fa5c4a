// An engine whose events are written in the message itself (JSON), so a test scripts exactly what happened in each
// turn and the edge records it as it would the real engine's: the analytics correctness test's stand-in.
import type { Engine, Session, TurnEvent } from '../../../dialogs';
import { newSession } from '../../../dialogs';

export function createScriptedEngine(): Engine {
  return {
    turn(stored: Session | undefined, input) {
      const before = stored ?? newSession(input.now);
      let events: TurnEvent[] = [];
      try {
        events = input.text ? (JSON.parse(input.text) as TurnEvent[]) : [];
      } catch {
        events = [];
      }
      const step = [...events].reverse().find((e): e is Extract<TurnEvent, { type: 'step_shown' }> => e.type === 'step_shown');
      return {
        session: { ...before, turns: before.turns + 1, updatedAt: input.now },
        replies: [step ? { kind: 'step', text: `Try ${step.step}`, title: `Step ${step.step}`, stepId: step.step } : { kind: 'text', text: 'OK.' }],
        effects: [],
        trace: { route: 'scripted', language: 'en' },
        events,
      };
    },
  };
}
