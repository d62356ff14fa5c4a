// Evaluates the NLU on a knowledge pack: stratified k-fold cross-validation, metrics at the configured thresholds
// (and without them), the confused pairs, the misclassified examples and the threshold sweep.
import { analyzerFor, createMasker, DEFAULT_THRESHOLDS, knowledgeExamples, OUT_OF_SCOPE_LABEL, type DecisionThresholds, type Knowledge, type TrainOptions } from '../../../dialogs';
import { crossValidate } from './cross-validate';
import { computeMetrics, type Metrics } from './metrics';
import { decidedLabel, thresholdSweep, type SweepRow } from './sweep';

export interface Misclassified {
  readonly text: string;
  readonly expected: string;
  readonly predicted: string;
  readonly confidence: number;
}

export interface PackReport {
  readonly folds: number;
  readonly examples: number;
  readonly intents: number;
  readonly offTopicExamples: number;
  readonly thresholds: DecisionThresholds;
  /** With the thresholds: "not understood" counts against the intent. The floor applies to this one. */
  readonly decided: Metrics;
  /** The classifier's first choice, no thresholds: what the features and the model alone achieve. */
  readonly raw: Metrics;
  /** Off-topic examples kept out at the configured thresholds. */
  readonly offTopicKeptOut: number;
  readonly misclassified: readonly Misclassified[];
  readonly sweep: readonly SweepRow[];
  readonly trainSeconds: number;
}

export interface PackEvalOptions {
  readonly folds?: number;
  readonly thresholds?: DecisionThresholds;
  readonly training?: Partial<TrainOptions>;
}

export function evaluatePack(knowledge: Knowledge, options: PackEvalOptions = {}): PackReport {
  const folds = options.folds ?? 5;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  // Read as the bot reads them: in the knowledge's language, masked words taken out (the texts listed stay as written).
  const mask = createMasker(knowledge.entities);
  const examples = knowledgeExamples(knowledge);
  const cv = crossValidate(examples.map((e) => ({ ...e, text: mask(e.text) })), folds, options.training, 42, analyzerFor(knowledge.language));
  const intents = knowledge.intents.map((i) => i.name);
  const ranked = cv.ranked.map((r, i) => ({ ...r, text: examples[i]?.text ?? r.text }));
  const decided = ranked.map((r) => ({ text: r.text, expected: r.expected, predicted: decidedLabel(r, thresholds) }));
  const raw = ranked.map((r) => ({ text: r.text, expected: r.expected, predicted: r.ranking[0]?.intent ?? OUT_OF_SCOPE_LABEL }));
  const offTopic = decided.filter((p) => p.expected === OUT_OF_SCOPE_LABEL);
  const misclassified = ranked
    .map((r, i) => ({ r, p: decided[i] as (typeof decided)[number] }))
    .filter(({ p }) => p.predicted !== p.expected)
    .map(({ r, p }) => ({ text: r.text, expected: r.expected, predicted: p.predicted, confidence: r.ranking.find((s) => s.intent !== OUT_OF_SCOPE_LABEL)?.confidence ?? 0 }))
    .sort((a, b) => a.expected.localeCompare(b.expected) || b.confidence - a.confidence);
  return {
    folds,
    examples: examples.length,
    intents: intents.length,
    offTopicExamples: offTopic.length,
    thresholds,
    decided: computeMetrics(decided, intents),
    raw: computeMetrics(raw, intents),
    offTopicKeptOut: offTopic.length === 0 ? 0 : offTopic.filter((p) => p.predicted === OUT_OF_SCOPE_LABEL).length / offTopic.length,
    misclassified,
    sweep: thresholdSweep(ranked, thresholds.margin),
    trainSeconds: cv.trainSeconds.reduce((a, b) => a + b, 0) / Math.max(1, cv.trainSeconds.length),
  };
}
