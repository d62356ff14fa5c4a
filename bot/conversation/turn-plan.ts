// Decides one turn from the stored record, purely: replay → duplicate; welcome once; typed numbers press choices;
// idle expiry turns a message into a pick-up; then the engine's turn and the record to write back.
import { newSession, type Engine, type Session, type TurnInput, type TurnResult } from '../../dialogs';
import type { AnalyticsRecorder } from '../analytics/recorder';
import type { AnalyticsWrite } from '../analytics/types';
import type { TurnRequest } from '../ports';
import { pendingHandoffOf } from './pending-handoff';
import { rememberActivity, type SessionRecord } from './session-record';
import { lastChoicesOf, pressTypedNumber } from './typed-choice';

export type TurnDecision =
  | { readonly kind: 'duplicate'; readonly session: Session }
  | { readonly kind: 'silent'; readonly session: Session; readonly next: SessionRecord }
  | { readonly kind: 'bot'; readonly input: TurnInput; readonly result: TurnResult; readonly next: SessionRecord; readonly counted?: AnalyticsWrite };


/** True when the user comes back after the idle TTL with a flow in progress: offer to pick up where they left off. */
export function isIdleExpired(session: Session | undefined, now: string, ttlMinutes: number): boolean {
  if (!session || ttlMinutes <= 0 || session.status !== 'in_flow' || !session.updatedAt) return false;
  const idleMs = Date.parse(now) - Date.parse(session.updatedAt);
  return Number.isFinite(idleMs) && idleMs > ttlMinutes * 60_000;
}

export function decideTurn(engine: Engine, record: SessionRecord, request: TurnRequest, ttlMinutes: number, recorder?: AnalyticsRecorder): TurnDecision {
  const { input, activityId } = request;
  const recentActivityIds = rememberActivity(record.recentActivityIds, activityId);
  if (activityId && record.recentActivityIds.includes(activityId)) {
    return { kind: 'duplicate', session: record.session ?? newSession() };
  }
  // Welcome once per conversation: channels repeat conversationUpdate (reconnects, members joining later).
  if (input.kind === 'conversation_start' && (record.welcomed || (record.session?.turns ?? 0) > 0)) {
    return { kind: 'silent', session: record.session ?? newSession(input.now), next: { ...record, recentActivityIds } };
  }
  let turnInput = pressTypedNumber(input, record.lastChoices);
  if (turnInput.kind === 'message' && isIdleExpired(record.session, input.now, ttlMinutes)) {
    turnInput = { ...turnInput, kind: 'pick_up' };
  }
  const result = engine.turn(record.session, turnInput);
  const session: Session = { ...result.session, updatedAt: input.now };
  const lastChoices = lastChoicesOf(result.replies);
  const pendingHandoff = pendingHandoffOf(request, turnInput, { ...result, session });
  // What the turn adds to analytics (fold.ts), stored with the record so it is counted once, by whoever writes it.
  const folded = recorder?.(record.analytics, request, turnInput, result);
  const next: SessionRecord = {
    session,
    recentActivityIds,
    ...(lastChoices ? { lastChoices } : {}),
    ...(record.welcomed || input.kind === 'conversation_start' ? { welcomed: true } : {}),
    handoffs: result.effects.some((e) => e.type === 'handoff') ? 'opened' : record.handoffs,
    ...(pendingHandoff ? { pendingHandoff } : {}),
    ...(folded ? { analytics: folded.state } : record.analytics ? { analytics: record.analytics } : {}),
  };
  return { kind: 'bot', input: turnInput, result: { ...result, session }, next, ...(folded ? { counted: folded.write } : {}) };
}
