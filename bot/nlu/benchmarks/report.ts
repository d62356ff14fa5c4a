// Runs a public benchmark and prints our row beside the published rows of its README.
import { join } from 'node:path';
import type { TrainOptions } from '../../../dialogs';
import { runBraun, type BraunResult } from './braun2017';
import { runClinc, type ClincRow } from './clinc150';
import { formatTable, publishedTable } from './published';

export type BenchmarkName = 'clinc150' | 'braun2017';
export const BENCHMARKS: readonly BenchmarkName[] = ['clinc150', 'braun2017'];
const OURS = 'this bot (TF-IDF words + char n-grams, softmax)';

export interface BenchmarkReport {
  readonly benchmark: BenchmarkName;
  readonly result: ClincRow | Omit<BraunResult, 'predictions'>;
  readonly text: string;
}

export function runBenchmark(name: BenchmarkName, benchmarksDir: string, training: Partial<TrainOptions> = {}): BenchmarkReport {
  const dir = join(benchmarksDir, name);
  if (name === 'clinc150') {
    const r = runClinc(dir, training);
    const table = publishedTable(dir, 'setting');
    const ours = ['oos-threshold', OURS, (r.inScopeAccuracy * 100).toFixed(1), (r.oosRecall * 100).toFixed(1)];
    const text = [
      'CLINC150 Full, oos-threshold (threshold chosen on the validation split), test split:',
      formatTable({ header: table.header, rows: [...table.rows.filter((row) => row[0] === 'oos-threshold'), ours] }),
      '',
      `ours: in-scope accuracy ${(r.inScopeAccuracy * 100).toFixed(2)}% (first choice, no threshold: ${(r.rawAccuracy * 100).toFixed(2)}%),` +
        ` out-of-scope recall ${(r.oosRecall * 100).toFixed(2)}%, threshold ${r.threshold.toFixed(3)}`,
      `training ${r.trainSeconds.toFixed(1)} s CPU (one core), classify p50 ${r.p50Ms.toFixed(3)} ms, p99 ${r.p99Ms.toFixed(3)} ms, model ${r.modelMB.toFixed(1)} MB`,
    ].join('\n');
    return { benchmark: name, result: r, text };
  }
  const { predictions: _predictions, ...r } = runBraun(dir, training);
  const table = publishedTable(dir, 'system');
  const ours = [OURS, ...r.corpora.map((c) => c.microF1.toFixed(2)), r.overall.microF1.toFixed(2)];
  const text = [
    'Braun et al. 2017, intent micro-F1 (None counted as an intent), official train/test split:',
    formatTable({ header: table.header, rows: [...table.rows, ours] }),
    '',
    `ours: ${r.corpora.map((c) => `${c.corpus} ${c.microF1.toFixed(3)} (${c.test})`).join(', ')}; overall ${r.overall.microF1.toFixed(3)} (${r.overall.test})`,
  ].join('\n');
  return { benchmark: name, result: r, text };
}
