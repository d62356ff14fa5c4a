// The trained text classifier at inference time: message → features (with spelling tolerance) → calibrated probabilities.
import type { IntentScore } from '../types';
import { createVectorizer, extractTerms, type FeatureModel } from './features';
import { logits, softmaxInPlace } from './scores';
import type { SparseVector } from './sparse';
import { createSpeller } from './spelling';
import { ENGLISH_ANALYZER, type Analyzer } from './analyzer';

export interface ClassifierModel {
  readonly version: 1;
  readonly labels: readonly string[];
  readonly features: FeatureModel;
  /** Feature-major: `weights[feature * labels.length + label]`. */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  /** Fitted on the held-out slice; probabilities are softmax(logits / temperature). */
  readonly temperature: number;
  /** Words seen in training, most frequent first: what the spelling tolerance corrects towards. */
  readonly vocabulary: readonly string[];
  readonly stats: { readonly examples: number; readonly epochs: number; readonly heldOutAccuracy: number | null };
}

export interface Classifier {
  readonly model: ClassifierModel;
  /** The message's feature vector (exposed for similarity grouping in the review tool). */
  vectorize(text: string): SparseVector;
  /** Calibrated probabilities in label order. */
  probabilities(text: string): Float64Array;
  /** Best first, at most `limit` labels. */
  rank(text: string, limit?: number): IntentScore[];
}

/** `analyzer`: the language the model was trained in (the built-in English reading by default). */
export function classifierFromModel(model: ClassifierModel, analyzer: Analyzer = ENGLISH_ANALYZER): Classifier {
  const vectorizer = createVectorizer(model.features);
  const speller = createSpeller(model.vocabulary);
  const knownWords = new Set<string>();
  for (let i = 0; i < model.features.wordCount; i++) {
    const term = model.features.terms[i] as string;
    if (term.startsWith('w:')) knownWords.add(term.slice(2));
  }
  const weights = { classes: model.labels.length, features: model.features.terms.length, weights: model.weights, bias: model.bias };

  const vectorize = (text: string) => {
    const surface = analyzer.tokenizeMessage(text);
    // Only words whose stem the model has never seen are corrected; the character n-grams keep the original spelling.
    const words = surface.map((w) => (knownWords.has(analyzer.stem(w)) ? w : speller(w)));
    return vectorizer(extractTerms(words, surface, model.features.options, analyzer.stem));
  };
  const probabilities = (text: string) => softmaxInPlace(logits(weights, vectorize(text), new Float64Array(model.labels.length)), model.temperature);

  return {
    model,
    vectorize,
    probabilities,
    rank(text, limit = model.labels.length) {
      const p = probabilities(text);
      return topIndices(p, limit).map((i) => ({ intent: model.labels[i] as string, confidence: p[i] as number }));
    },
  };
}

/** Indices of the `limit` largest values, largest first (ties: lower index first), without sorting everything. */
function topIndices(values: Float64Array, limit: number): number[] {
  const top: number[] = [];
  const better = (a: number, b: number) => (values[a] as number) > (values[b] as number) || (values[a] === values[b] && a < b);
  for (let i = 0; i < values.length; i++) {
    if (top.length === limit && !better(i, top[top.length - 1] as number)) continue;
    let at = top.length === limit ? top.length - 1 : top.length;
    while (at > 0 && better(i, top[at - 1] as number)) at--;
    top.splice(at, 0, i);
    if (top.length > limit) top.pop();
  }
  return top;
}
