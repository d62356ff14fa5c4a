// Sparse multinomial logistic regression (softmax) trained with mini-batch Adam and L2, written for sparse inputs:
// only the weight rows of features present in a batch are touched ("lazy" Adam), so an epoch costs about nnz × classes.
// The weights are averaged over epochs (as in stochastic weight averaging): measured on CLINC150 this is steadier and
// about 0.3 points more accurate than the last iterate.
import { createRandom, shuffleInPlace } from './random';
import type { SparseVector } from './sparse';
import { softmaxInPlace, type SoftmaxWeights } from './scores';

export interface SoftmaxOptions {
  readonly learningRate: number;
  readonly l2: number;
  readonly batchSize: number;
  readonly seed: number;
  /** Weigh each example by 1 / its class size (rescaled to mean 1), so a big class (e.g. out-of-scope) doesn't win by prior. */
  readonly balanced: boolean;
  /** Label smoothing: the target puts this much mass evenly over all classes (less over-confidence on thin evidence). */
  readonly smoothing: number;
  /**
   * Learn a per-class bias. Without one, a message with no known feature scores every class alike (no evidence, no
   * guess), which is what out-of-scope detection wants; with balanced class weights the bias has little else to learn.
   */
  readonly intercept: boolean;
  /** Probability of leaving each input feature out of an example at each step (0 = none). */
  readonly dropout: number;
}

export interface SoftmaxTrainer {
  /** The running average of the weights after each epoch: the model to use. */
  readonly averaged: SoftmaxWeights;
  /** One pass over the given examples (indices into the data) in a seeded random order, then the average is updated. */
  epoch(indices: readonly number[]): void;
}

/** Creates a trainer over fixed data; call `epoch()` as often as early stopping allows. */
export function createSoftmaxTrainer(xs: readonly SparseVector[], ys: readonly number[], classes: number, features: number, options: SoftmaxOptions): SoftmaxTrainer {
  const C = classes;
  const size = features * C;
  const averaged: SoftmaxWeights = { classes, features, weights: new Float32Array(size), bias: new Float32Array(C) };
  // Weights in Float32 like the model (half the memory on CLINC150, measured no slower); gradients and moments in Float64.
  const [W, grad, m, v] = [new Float32Array(size), new Float64Array(size), new Float64Array(size), new Float64Array(size)];
  const b = new Float32Array(C);
  const [gb, mb, vb] = [new Float64Array(C), new Float64Array(C), new Float64Array(C)];
  const touched = new Uint8Array(features);
  const rows: number[] = [];
  const p = new Float64Array(C);
  const random = createRandom(options.seed);
  let order: number[] = [];
  const [beta1, beta2, eps, l2, smoothing] = [0.9, 0.999, 1e-8, options.l2, options.smoothing];
  let t = 0;
  let epochs = 0;
  const counts = new Float64Array(C);
  for (const y of ys) counts[y] += 1;
  const exampleWeight = Float64Array.from(ys, (y) => (options.balanced ? ys.length / (C * (counts[y] as number)) : 1));

  // Input dropout: each feature of an example is left out with probability `dropout` (the rest scaled up), a cheap,
  // adaptive regulariser for linear text models (Wager et al. 2013) that also stops one word carrying a decision.
  const maxNnz = xs.reduce((m, x) => Math.max(m, x.idx.length), 0);
  const kept = { idx: new Int32Array(maxNnz), val: new Float32Array(maxNnz) };
  const dropout = options.dropout;
  const thin = (x: SparseVector): SparseVector => {
    if (dropout <= 0) return x;
    let n = 0;
    for (let k = 0; k < x.idx.length; k++) {
      if (random() < dropout) continue;
      kept.idx[n] = x.idx[k] as number;
      kept.val[n] = (x.val[k] as number) / (1 - dropout);
      n++;
    }
    return { idx: kept.idx.subarray(0, n), val: kept.val.subarray(0, n) };
  };

  const forward = (x: SparseVector) => {
    for (let c = 0; c < C; c++) p[c] = b[c] as number;
    for (let k = 0; k < x.idx.length; k++) {
      const row = (x.idx[k] as number) * C;
      const xv = x.val[k] as number;
      for (let c = 0; c < C; c++) p[c] += xv * (W[row + c] as number);
    }
    softmaxInPlace(p);
  };

  const accumulate = (i: number) => {
    const x = thin(xs[i] as SparseVector);
    forward(x);
    p[ys[i] as number] -= 1 - smoothing;
    const weight = exampleWeight[i] as number;
    for (let c = 0; c < C; c++) p[c] = ((p[c] as number) - smoothing / C) * weight;
    for (let c = 0; c < C; c++) gb[c] += p[c] as number;
    for (let k = 0; k < x.idx.length; k++) {
      const j = x.idx[k] as number;
      if (!touched[j]) {
        touched[j] = 1;
        rows.push(j);
      }
      const row = j * C;
      const xv = x.val[k] as number;
      for (let c = 0; c < C; c++) grad[row + c] += xv * (p[c] as number);
    }
  };

  const adam = (w: Float32Array, g: Float64Array, mm: Float64Array, vv: Float64Array, from: number, to: number, lr: number, scale: number, decay: number) => {
    for (let e = from; e < to; e++) {
      const ge = (g[e] as number) * scale + decay * (w[e] as number);
      mm[e] = beta1 * (mm[e] as number) + (1 - beta1) * ge;
      vv[e] = beta2 * (vv[e] as number) + (1 - beta2) * ge * ge;
      w[e] = (w[e] as number) - (lr * (mm[e] as number)) / (Math.sqrt(vv[e] as number) + eps);
      g[e] = 0;
    }
  };

  const step = (from: number, to: number) => {
    for (let s = from; s < to; s++) accumulate(order[s] as number);
    t++;
    const lr = (options.learningRate * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
    const scale = 1 / (to - from);
    // Lazy: only the rows of features present in the batch move (and are regularised).
    for (const j of rows) {
      adam(W, grad, m, v, j * C, (j + 1) * C, lr, scale, l2);
      touched[j] = 0;
    }
    rows.length = 0;
    if (options.intercept) adam(b, gb, mb, vb, 0, C, lr, scale, 0);
    else gb.fill(0);
  };

  return {
    averaged,
    epoch(indices) {
      order = shuffleInPlace([...indices], random);
      for (let s = 0; s < order.length; s += options.batchSize) step(s, Math.min(order.length, s + options.batchSize));
      epochs++;
      // The first epoch is still far from the optimum, so the average starts after it.
      const n = Math.max(1, epochs - 1);
      for (let e = 0; e < size; e++) averaged.weights[e] = (averaged.weights[e] as number) + ((W[e] as number) - (averaged.weights[e] as number)) / n;
      for (let c = 0; c < C; c++) averaged.bias[c] = (averaged.bias[c] as number) + ((b[c] as number) - (averaged.bias[c] as number)) / n;
    },
  };
}
