// The threshold sweep: for each confidence threshold, how many in-scope messages are answered with the right intent
// and how many off-topic messages are kept out. Authors read it to see what a threshold costs and buys.
import { decide, OUT_OF_SCOPE_LABEL, type DecisionThresholds } from '../../../dialogs';
import type { RankedExample } from './cross-validate';

export interface SweepRow {
  readonly threshold: number;
  /** In-scope examples answered with their own intent. */
  readonly inScopeCorrect: number;
  /** In-scope examples answered with another intent (the costly mistake: a wrong step). */
  readonly inScopeWrong: number;
  /** In-scope examples turned into "not understood" or "Did you mean …?". */
  readonly inScopeUnknown: number;
  /** Off-topic (out_of_scope) examples kept out. */
  readonly offTopicKeptOut: number;
}

export const SWEEP_THRESHOLDS: readonly number[] = [0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

/** The decided label of a ranked example: an intent, or OUT_OF_SCOPE_LABEL for "not understood". */
export function decidedLabel(example: RankedExample, thresholds: DecisionThresholds): string {
  const { intent } = decide(example.ranking, thresholds);
  return intent === 'unknown' ? OUT_OF_SCOPE_LABEL : intent;
}

export function thresholdSweep(ranked: readonly RankedExample[], margin: number, thresholds: readonly number[] = SWEEP_THRESHOLDS): SweepRow[] {
  const inScope = ranked.filter((r) => r.expected !== OUT_OF_SCOPE_LABEL);
  const offTopic = ranked.filter((r) => r.expected === OUT_OF_SCOPE_LABEL);
  const share = (n: number, d: number) => (d === 0 ? 0 : n / d);
  return thresholds.map((threshold) => {
    const t = { confidence: threshold, margin };
    let [correct, wrong, unknown] = [0, 0, 0];
    for (const r of inScope) {
      const label = decidedLabel(r, t);
      if (label === r.expected) correct++;
      else if (label === OUT_OF_SCOPE_LABEL) unknown++;
      else wrong++;
    }
    const kept = offTopic.filter((r) => decidedLabel(r, t) === OUT_OF_SCOPE_LABEL).length;
    return {
      threshold,
      inScopeCorrect: share(correct, inScope.length),
      inScopeWrong: share(wrong, inScope.length),
      inScopeUnknown: share(unknown, inScope.length),
      offTopicKeptOut: share(kept, offTopic.length),
    };
  });
}
