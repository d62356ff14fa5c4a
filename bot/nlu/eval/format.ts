// Plain-text report of a knowledge-pack evaluation, for authors reading a terminal.
import { formatTable } from '../benchmarks/published';
import type { PackReport } from './pack-eval';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const f2 = (x: number) => x.toFixed(3);

export function formatPackReport(report: PackReport, options: { floor: number; misclassified?: number }): string {
  const out: string[] = [];
  const { decided, raw } = report;
  out.push(`NLU cross-validation: ${report.examples} examples, ${report.intents} intents, ${report.offTopicExamples} off-topic; ${report.folds}-fold stratified`);
  out.push(`thresholds: confidence ${report.thresholds.confidence}, margin ${report.thresholds.margin}; training ${report.trainSeconds.toFixed(2)} s CPU per fold`);
  out.push('');
  out.push(`macro-F1 (as the bot decides): ${f2(decided.macroF1)}   floor ${options.floor}   ${decided.macroF1 >= options.floor ? 'ok' : 'BELOW FLOOR'}`);
  out.push(`macro-F1 (first choice, no thresholds): ${f2(raw.macroF1)}   off-topic kept out: ${pct(report.offTopicKeptOut)}`);
  out.push('');
  out.push(formatTable({
    header: ['intent', 'precision', 'recall', 'F1', 'examples'],
    rows: decided.perLabel.map((s) => [s.label, f2(s.precision), f2(s.recall), f2(s.f1), String(s.support)]),
  }));
  out.push('');
  out.push('Most confused (expected → predicted; __out_of_scope__ = not understood):');
  out.push(formatTable({ header: ['expected', 'predicted', 'count'], rows: decided.confusedPairs.slice(0, 10).map((p) => [p.expected, p.predicted, String(p.count)]) }));
  const limit = options.misclassified ?? 30;
  out.push('');
  out.push(`Misclassified examples (${report.misclassified.length}${report.misclassified.length > limit ? `, first ${limit}` : ''}):`);
  for (const m of report.misclassified.slice(0, limit)) out.push(`  ${m.expected} → ${m.predicted} (${m.confidence.toFixed(2)})  "${m.text}"`);
  out.push('');
  out.push(`Threshold sweep (margin ${report.thresholds.margin}): what each confidence threshold costs and buys`);
  out.push(formatTable({
    header: ['threshold', 'in-scope right', 'in-scope wrong', 'not understood', 'off-topic kept out'],
    rows: report.sweep.map((r) => [r.threshold.toFixed(2), pct(r.inScopeCorrect), pct(r.inScopeWrong), pct(r.inScopeUnknown), pct(r.offTopicKeptOut)]),
  }));
  return out.join('\n');
}
