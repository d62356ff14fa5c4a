// Stratified k-fold cross-validation of the classifier: every example is ranked by a model that never saw it.
import { stratifiedFolds, trainClassifier, type Analyzer, type IntentScore, type TrainingExample, type TrainOptions } from '../../../dialogs';

export interface RankedExample {
  readonly text: string;
  readonly expected: string;
  /** Every label, best first, from the fold's model. */
  readonly ranking: readonly IntentScore[];
  readonly fold: number;
}

export interface CrossValidation {
  readonly ranked: readonly RankedExample[];
  /** CPU seconds spent training, per fold. */
  readonly trainSeconds: readonly number[];
}

/** `analyzer`: the language the examples are in (the built-in English reading by default). */
export function crossValidate(examples: readonly TrainingExample[], k: number, options: Partial<TrainOptions> = {}, seed = 42, analyzer?: Analyzer): CrossValidation {
  const folds = stratifiedFolds(examples.map((e) => e.label), k, seed);
  const ranked: RankedExample[] = new Array(examples.length);
  const trainSeconds: number[] = [];
  for (let fold = 0; fold < k; fold++) {
    const started = process.cpuUsage();
    const classifier = trainClassifier(examples.filter((_, i) => folds[i] !== fold), options, analyzer);
    trainSeconds.push(process.cpuUsage(started).user / 1e6);
    examples.forEach((e, i) => {
      if (folds[i] === fold) ranked[i] = { text: e.text, expected: e.label, ranking: classifier.rank(e.text), fold };
    });
  }
  return { ranked, trainSeconds };
}
