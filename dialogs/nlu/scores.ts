// Scoring with a linear softmax model over sparse vectors: class logits and the (tempered) softmax.
import type { SparseVector } from './sparse';

/** Weights are feature-major: row j holds feature j's weight for every class. */
export interface SoftmaxWeights {
  readonly classes: number;
  readonly features: number;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

/** Class scores before the softmax, written into `out`. */
export function logits(model: SoftmaxWeights, x: SparseVector, out: Float64Array): Float64Array {
  const C = model.classes;
  const { weights: W, bias } = model;
  const { idx, val } = x;
  for (let c = 0; c < C; c++) out[c] = bias[c] as number;
  for (let k = 0; k < idx.length; k++) {
    const row = (idx[k] as number) * C;
    const v = val[k] as number;
    for (let c = 0; c < C; c++) out[c] += v * (W[row + c] as number);
  }
  return out;
}

/** In-place softmax of `scores / temperature`. */
export function softmaxInPlace(scores: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) max = Math.max(max, scores[c] as number);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const e = Math.exp(((scores[c] as number) - max) / temperature);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) / sum;
  return scores;
}
