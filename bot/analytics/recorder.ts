// The edge's analytics recorder: one bot turn (request + the engine's result) → the conversation's new analytics state
// and what to store (the event-log row and the changed session rows), written with the session by the store.
import { randomUUID } from 'node:crypto';
import type { TurnInput, TurnResult } from '../../dialogs';
import type { TurnRequest } from '../ports';
import { foldTurn, type FoldResult } from './fold';
import { lastSaid } from './last-said';
import type { AnalyticsState } from './types';

export interface RecorderOptions {
  /** The knowledge version (its hash) carried by every event; its first 16 hex digits are kept (enough to tell versions apart). */
  readonly knowledge: string;
  /** ANALYTICS_SESSION_MINUTES. */
  readonly sessionMinutes: number;
  readonly returnHours?: number;
  readonly newId?: () => string;
}

export type AnalyticsRecorder = (state: AnalyticsState | undefined, request: TurnRequest, input: TurnInput, result: TurnResult) => FoldResult;

export const RETURN_HOURS = 72;

export function createAnalyticsRecorder(options: RecorderOptions): AnalyticsRecorder {
  const knowledge = options.knowledge.slice(0, 16);
  const fold = { idleMs: options.sessionMinutes * 60_000, returnMs: (options.returnHours ?? RETURN_HOURS) * 3_600_000, newId: options.newId ?? randomUUID };
  return (state, request, input, result) => {
    const at = Date.parse(input.now);
    const said = lastSaid(result.replies);
    return foldTurn(state ?? {}, {
      at: Number.isFinite(at) ? at : Date.now(),
      kind: input.kind,
      conversation: request.address.conversationKey,
      channel: request.address.channel,
      ...(input.locale ? { locale: input.locale } : {}),
      ...(result.trace.language ? { language: result.trace.language } : {}),
      knowledge,
      test: request.test === true,
      events: result.events,
      ...(said !== undefined ? { lastSaid: said } : {}),
    }, fold);
  };
}
