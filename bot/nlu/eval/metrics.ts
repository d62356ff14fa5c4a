// Classification metrics: per-label precision / recall / F1, macro and micro averages, the most confused pairs.

export interface Prediction {
  readonly text: string;
  readonly expected: string;
  /** The decided label; a label outside `labels` (e.g. "unknown") is a miss for the expected label. */
  readonly predicted: string;
}

export interface LabelScore {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface Metrics {
  readonly perLabel: readonly LabelScore[];
  readonly macroF1: number;
  /** Micro-averaged F1 over `labels`: predictions outside them are false negatives only. */
  readonly microF1: number;
  readonly accuracy: number;
  readonly confusedPairs: readonly { readonly expected: string; readonly predicted: string; readonly count: number }[];
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/**
 * Scores predictions against `labels` (the classes that count). A label never predicted has precision 0 unless it
 * also has no examples, in which case it is left out of the macro average (as scikit-learn does with zero_division).
 */
export function computeMetrics(predictions: readonly Prediction[], labels: readonly string[]): Metrics {
  const counted = new Set(labels);
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const pairs = new Map<string, number>();
  let correct = 0;
  for (const { expected, predicted } of predictions) {
    if (expected === predicted) {
      correct++;
      if (counted.has(expected)) add(tp, expected);
      continue;
    }
    if (counted.has(expected)) add(fn, expected);
    if (counted.has(predicted)) add(fp, predicted);
    add(pairs, `${expected}\u0000${predicted}`);
  }
  const perLabel = [...labels].sort().map((label) => {
    const [t, p, n] = [tp.get(label) ?? 0, fp.get(label) ?? 0, fn.get(label) ?? 0];
    const precision = ratio(t, t + p);
    const recall = ratio(t, t + n);
    return { label, precision, recall, f1: f1(precision, recall), support: t + n };
  });
  const scored = perLabel.filter((s) => s.support > 0 || (fp.get(s.label) ?? 0) > 0);
  const sum = (m: Map<string, number>) => labels.reduce((a, l) => a + (m.get(l) ?? 0), 0);
  const [T, P, N] = [sum(tp), sum(fp), sum(fn)];
  return {
    perLabel,
    macroF1: ratio(scored.reduce((a, s) => a + s.f1, 0), scored.length),
    microF1: f1(ratio(T, T + P), ratio(T, T + N)),
    accuracy: ratio(correct, predictions.length),
    confusedPairs: [...pairs.entries()]
      .map(([key, count]) => {
        const [expected, predicted] = key.split('\u0000') as [string, string];
        return { expected, predicted, count };
      })
      .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected) || a.predicted.localeCompare(b.predicted)),
  };
}
