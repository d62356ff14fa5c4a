// The pack evaluation end to end on a tiny in-test knowledge base: folds, metrics, sweep and misclassified list agree.
import { OUT_OF_SCOPE_LABEL } from '../../dialogs';
import { evaluatePack } from '../../bot/nlu/eval/pack-eval';
import { formatPackReport } from '../../bot/nlu/eval/format';
import { tinyKnowledge } from '../nlu/tiny-knowledge';

const report = evaluatePack(tinyKnowledge(), { folds: 3 });

describe('evaluatePack', () => {
  it('cross-validates every example once and scores every intent', () => {
    expect(report).toMatchObject({ folds: 3, examples: 44, intents: 3, offTopicExamples: 8 });
    expect(report.decided.perLabel.map((s) => [s.label, s.support])).toEqual([['greeting', 12], ['storage_full', 12], ['wifi_problem', 12]]);
    expect(report.decided.macroF1).toBeGreaterThan(0.6);
  });

  it('lists exactly the examples the decided metrics count as wrong', () => {
    const wrong = report.decided.confusedPairs.reduce((n, p) => n + p.count, 0);
    expect(report.misclassified).toHaveLength(wrong);
    expect(report.misclassified.every((m) => m.expected !== m.predicted)).toBe(true);
  });

  it('sweeps thresholds: more kept out and fewer answered as the threshold rises', () => {
    const kept = report.sweep.map((r) => r.offTopicKeptOut);
    const right = report.sweep.map((r) => r.inScopeCorrect + r.inScopeWrong);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    expect(right).toEqual([...right].sort((a, b) => b - a));
    for (const r of report.sweep) expect(r.inScopeCorrect + r.inScopeWrong + r.inScopeUnknown).toBeCloseTo(1, 10);
  });

  it('formats a report that names the floor and the not-understood label', () => {
    const text = formatPackReport(report, { floor: 0.99 });
    expect(text).toMatch(/floor 0\.99 {3}BELOW FLOOR/);
    expect(text).toContain(OUT_OF_SCOPE_LABEL);
    expect(text).toMatch(/Threshold sweep/);
  });
});
