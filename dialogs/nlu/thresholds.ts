// The NLU's decision thresholds, in one place, with the measurement that set them.
//
// Measured by `npm run eval:nlu` (5-fold stratified cross-validation of the knowledge pack, out_of_scope examples
// held out in the same folds; threshold sweep table): PLACEHOLDER until the sweep below is filled in.

/** Below this calibrated confidence the message is "not understood" rather than a guess. */
export const CONFIDENCE_THRESHOLD = 0.5;

/** When the best two intents are closer than this, neither is taken: the bot asks "Did you mean …?". */
export const AMBIGUITY_MARGIN = 0.15;

/** The floor for cross-validated macro-F1 on the knowledge pack: `npm run eval:nlu` exits 1 below it. */
export const MACRO_F1_FLOOR = 0.95;

/** The label the out_of_scope examples are trained under; never a valid intent name (those are snake_case). */
export const OUT_OF_SCOPE_LABEL = '__out_of_scope__';
