// The NLU's decision thresholds, in one place, with the measurement that set them.
//
// Set by `npm run eval:nlu` on the iPhone pack (knowledge 2026-11-26: 18 intents, 1,184 intent examples,
// 433 out_of_scope; 5-fold stratified cross-validation, out_of_scope held out in the same folds).
// Sweep (in-scope right / in-scope wrong / off-topic kept out), margin 0.1:
//   0.45: 80.8 / 6.4 / 88.7    0.50: 79.9 / 6.1 / 89.8    0.55: 79.1 / 5.3 / 91.0
//   0.60: 77.7 / 4.5 / 92.4    0.65: 76.6 / 3.6 / 93.5    0.70: 74.3 / 3.2 / 94.5
// In-scope right + off-topic kept out is flat from 0.55 to 0.65 (85.0–85.1, then falls); 0.55 is the lowest
// threshold on that plateau (the most messages answered) and the first to keep ≥ 90% of off-topic messages out.
// The margin barely matters at this threshold (0 to 0.3 change "right" by < 0.6 points); 0.1 keeps the
// "Did you mean …?" question for genuinely split messages (e.g. 0.5 / 0.42).
//
// Re-checked 2026-11-26 10:20 with L2 'auto' (train.ts) on the grown pack (18 intents, 2,356 intent examples, 628
// out_of_scope): 0.50: 95.8 / 1.7 / 89.0   0.55: 95.4 / 1.4 / 90.0   0.60: 94.8 / 1.3 / 91.6   0.70: 93.0 / 1.0 / 94.4.
// 0.55 is still the lowest threshold that keeps ≥ 90% of off-topic messages out, and the highest that answers ≥ 95%
// of in-scope messages right (issue 3's two targets), so it stays. Held-out messages (test/nlu/heldout): 96.5% right,
// 0.9% wrong, 85.0% of off-topic kept out.

/** Below this calibrated confidence the message is "not understood" rather than a guess. */
export const CONFIDENCE_THRESHOLD = 0.55;

/** When the best two intents are closer than this (and together likely), the bot asks "Did you mean …?". */
export const AMBIGUITY_MARGIN = 0.1;

/**
 * The floor for cross-validated macro-F1 on the knowledge pack (as the bot decides, thresholds applied):
 * `npm run eval:nlu` exits 1 below it. The target of issue 3.
 */
export const MACRO_F1_FLOOR = 0.95;

/** The label the out_of_scope examples are trained under; never a valid intent name (those are snake_case). */
export const OUT_OF_SCOPE_LABEL = '__out_of_scope__';
