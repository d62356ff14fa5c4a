// From calibrated probabilities to a decision: the intent, "not understood", or "Did you mean …?".
import type { IntentScore } from '../types';
import { AMBIGUITY_MARGIN, CONFIDENCE_THRESHOLD, OUT_OF_SCOPE_LABEL } from './thresholds';

export interface DecisionThresholds {
  readonly confidence: number;
  readonly margin: number;
}

export const DEFAULT_THRESHOLDS: DecisionThresholds = { confidence: CONFIDENCE_THRESHOLD, margin: AMBIGUITY_MARGIN };

export interface Decision {
  readonly intent: string;
  readonly confidence: number;
  /** Intents only (the out-of-scope class left out), best first. */
  readonly ranking: readonly IntentScore[];
  readonly ambiguous?: readonly [IntentScore, IntentScore];
}

/** `ranking`: every label including the out-of-scope class, best first. */
export function decide(ranking: readonly IntentScore[], thresholds: DecisionThresholds = DEFAULT_THRESHOLDS): Decision {
  const outOfScope = ranking[0]?.intent === OUT_OF_SCOPE_LABEL;
  const intents = ranking.filter((s) => s.intent !== OUT_OF_SCOPE_LABEL);
  const [first, second] = intents;
  if (!first) return { intent: 'unknown', confidence: 0, ranking: intents };
  const margin = first.confidence - (second?.confidence ?? 0);
  // Together the two are likely, apart neither is: that is a question to ask, not a guess to make.
  const close = second !== undefined && margin < thresholds.margin && first.confidence + second.confidence >= thresholds.confidence;
  const ambiguous = !outOfScope && close ? ([first, second] as const) : undefined;
  const sure = !outOfScope && first.confidence >= thresholds.confidence && !close;
  return {
    intent: sure ? first.intent : 'unknown',
    confidence: first.confidence,
    ranking: intents,
    ...(ambiguous ? { ambiguous } : {}),
  };
}
