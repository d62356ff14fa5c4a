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

/** The temperature in [0.05, 20] with the lowest held-out NLL (golden-section search on log T); 1 with no data. */
export function fitTemperature(logitRows: readonly Float64Array[], labels: readonly number[]): number {
  if (logitRows.length === 0) return 1;
  const nll = (logT: number) => negativeLogLikelihood(logitRows, labels, Math.exp(logT));
  const ratio = (Math.sqrt(5) - 1) / 2;
  let [lo, hi] = [Math.log(0.05), Math.log(20)];
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
