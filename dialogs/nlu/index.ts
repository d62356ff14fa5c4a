// The NLU's public surface (re-exported by dialogs/index.ts).
export { trainUnderstander, understanderFromModel, knowledgeExamples, type UnderstanderModel, type UnderstanderOptions } from './understander';
export { serializeModel, deserializeModel } from './model-codec';
export { trainClassifier, DEFAULT_TRAIN_OPTIONS, type TrainingExample, type TrainOptions } from './train';
export { classifierFromModel, type Classifier, type ClassifierModel } from './classifier';
export { decide, DEFAULT_THRESHOLDS, type Decision, type DecisionThresholds } from './decide';
export { AMBIGUITY_MARGIN, CONFIDENCE_THRESHOLD, MACRO_F1_FLOOR, OUT_OF_SCOPE_LABEL } from './thresholds';
export { parseAnswer, createAnswerReader, type AnswerReader } from './answer';
export { analyzerFor, ENGLISH_ANALYZER, type Analyzer } from './analyzer';
export { createEntityExtractor, type EntityExtractor } from './entities';
export { createMasker, type Masker } from './mask';
export { normalizeText } from './normalize';
export { tokenize } from './tokenize';
export type { SparseVector } from './sparse';
export { stratifiedFolds, stratifiedSplit } from './split';
