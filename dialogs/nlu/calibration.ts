// Confidence calibration: one temperature fitted on held-out logits by minimising negative log-likelihood
// (Guo et al. 2017), so a confidence of 0.8 means "right about 80% of the time" and thresholds carry over.

/** Mean negative log-likelihood of the true labels under softmax(logits / temperature). */
export function negativeLogLikelihood(logitRows: readonly Float64Array[], labels: readonly number[], temperature: number): number {
  let total = 0;
  logitRows.forEach((row, i) => {
    let max = -Infinity;
    for (let c = 0; c < row.length; c++) max = Math.max(max, (row[c] as number) / temperature);
    let sum = 0;
    for (let c = 0; c < row.length; c++) sum += Math.exp((row[c] as number) / temperature - max);
    total += max + Math.log(sum) - (row[labels[i] as number] as number) / temperature;
  });
  return logitRows.length === 0 ? 0 : total / logitRows.length;
}

/** Weight of the prior that pulls log T towards 0 (T = 1), in held-out examples: it matters only for small slices. */
const PRIOR_STRENGTH = 20;

/**
 * The temperature in [0.1, 10] with the lowest held-out NLL (golden-section search on log T), under a Gaussian prior
 * on log T: a tiny held-out slice that the model gets all right would otherwise push T towards 0 (certainty everywhere).
 */
export function fitTemperature(logitRows: readonly Float64Array[], labels: readonly number[]): number {
  if (logitRows.length === 0) return 1;
  const prior = PRIOR_STRENGTH / logitRows.length;
  const nll = (logT: number) => negativeLogLikelihood(logitRows, labels, Math.exp(logT)) + prior * logT * logT;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let [lo, hi] = [Math.log(0.1), Math.log(10)];
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let [fa, fb] = [nll(a), nll(b)];
  for (let i = 0; i < 40; i++) {
    if (fa < fb) {
      [hi, b, fb] = [b, a, fa];
      a = hi - ratio * (hi - lo);
      fa = nll(a);
    } else {
      [lo, a, fa] = [a, b, fb];
      b = lo + ratio * (hi - lo);
      fb = nll(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}
