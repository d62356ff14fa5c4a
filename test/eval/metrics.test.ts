// The evaluation's metrics on a tiny example computed by hand (see the comments for the arithmetic).
import { computeMetrics } from '../../bot/nlu/eval/metrics';

const p = (expected: string, predicted: string) => ({ text: `${expected}->${predicted}`, expected, predicted });

// a: TP 2 (rows 1, 2), FP 2 (rows 5, 7), FN 1 (row 3) → P 2/4, R 2/3, F1 4/7
// b: TP 1 (row 4), FP 1 (row 3), FN 2 (rows 5, 6) → P 1/2, R 1/3, F1 2/5
// micro over {a, b}: TP 3, FP 3, FN 3 → P = R = F1 = 1/2; accuracy 3/7; macro (4/7 + 2/5) / 2 = 17/35
const predictions = [p('a', 'a'), p('a', 'a'), p('a', 'b'), p('b', 'b'), p('b', 'a'), p('b', 'oos'), p('oos', 'a')];
const metrics = computeMetrics(predictions, ['a', 'b']);

describe('computeMetrics', () => {
  it('scores each label', () => {
    const [a, b] = metrics.perLabel;
    expect(a).toEqual({ label: 'a', precision: 0.5, recall: 2 / 3, f1: expect.closeTo(4 / 7, 10), support: 3 });
    expect(b).toEqual({ label: 'b', precision: 0.5, recall: 1 / 3, f1: expect.closeTo(2 / 5, 10), support: 3 });
  });

  it('averages: macro, micro and accuracy', () => {
    expect(metrics.macroF1).toBeCloseTo(17 / 35, 10);
    expect(metrics.microF1).toBeCloseTo(0.5, 10);
    expect(metrics.accuracy).toBeCloseTo(3 / 7, 10);
  });

  it('lists the confused pairs, most frequent first', () => {
    expect(metrics.confusedPairs).toEqual([
      { expected: 'a', predicted: 'b', count: 1 },
      { expected: 'b', predicted: 'a', count: 1 },
      { expected: 'b', predicted: 'oos', count: 1 },
      { expected: 'oos', predicted: 'a', count: 1 },
    ]);
  });

  it('makes micro-F1 equal accuracy when every prediction is a counted label', () => {
    const closed = computeMetrics([p('a', 'a'), p('a', 'b'), p('b', 'b'), p('b', 'b')], ['a', 'b']);
    expect(closed.microF1).toBeCloseTo(closed.accuracy, 10);
    expect(closed.accuracy).toBe(0.75);
  });

  it('is zero, not NaN, with nothing to score', () => {
    expect(computeMetrics([], ['a'])).toMatchObject({ macroF1: 0, microF1: 0, accuracy: 0 });
  });
});
