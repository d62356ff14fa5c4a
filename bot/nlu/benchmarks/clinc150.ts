// CLINC150 (Larson et al. 2019), Full data, oos-threshold: train on the 15,000 in-scope training queries, choose the
// probability threshold on the validation split (the value with the best accuracy over all val queries, out-of-scope
// counted as its own class), report in-scope accuracy and out-of-scope recall on the test split.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeModel, trainClassifier, type TrainOptions } from '../../../dialogs';
import { percentile } from './timing';

type Pair = [string, string];

export interface ClincRow {
  readonly inScopeAccuracy: number;
  /** Without the threshold: the classifier's first choice alone. */
  readonly rawAccuracy: number;
  readonly oosRecall: number;
  readonly threshold: number;
  readonly trainSeconds: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly modelMB: number;
  readonly epochs: number;
}

export function loadClinc(dir: string) {
  const data = JSON.parse(readFileSync(join(dir, 'data_full.json'), 'utf8')) as Record<string, Pair[]>;
  const pick = (key: string) => (data[key] ?? []).map(([text, label]) => ({ text, label }));
  return { train: pick('train'), val: pick('val'), test: pick('test'), oosVal: pick('oos_val'), oosTest: pick('oos_test') };
}

export function runClinc(dir: string, training: Partial<TrainOptions> = {}): ClincRow {
  const data = loadClinc(dir);
  const started = process.cpuUsage();
  const classifier = trainClassifier(data.train, training);
  const trainSeconds = process.cpuUsage(started).user / 1e6;
  const top = (text: string) => classifier.rank(text, 1)[0] as { intent: string; confidence: number };
  const score = (inScope: typeof data.val, oos: typeof data.val) => ({
    inScope: inScope.map((e) => ({ ...top(e.text), label: e.label })),
    oos: oos.map((e) => top(e.text).confidence),
  });
  const evaluate = (s: ReturnType<typeof score>, threshold: number) => {
    const correct = s.inScope.filter((r) => r.intent === r.label && r.confidence >= threshold).length;
    const kept = s.oos.filter((c) => c < threshold).length;
    return { correct, kept, inScopeAccuracy: correct / s.inScope.length, oosRecall: kept / s.oos.length };
  };
  const val = score(data.val, data.oosVal);
  // Every distinct confidence is a candidate; the lowest threshold among equals keeps the most in-scope answers.
  const candidates = [0, ...new Set([...val.inScope.map((r) => r.confidence), ...val.oos])].sort((a, b) => a - b);
  let best = { threshold: 0, total: -1 };
  for (const threshold of candidates) {
    const r = evaluate(val, threshold);
    if (r.correct + r.kept > best.total) best = { threshold, total: r.correct + r.kept };
  }
  const scoredTest = score(data.test, data.oosTest);
  const test = evaluate(scoredTest, best.threshold);
  const rawAccuracy = evaluate(scoredTest, 0).inScopeAccuracy;
  const timings = data.test.slice(0, 2000).map((e) => {
    const t = performance.now();
    classifier.rank(e.text, 5);
    return performance.now() - t;
  });
  const modelMB = Buffer.byteLength(serializeModel({ version: 1, knowledgeHash: 'clinc150', classifier: classifier.model })) / 1e6;
  return { inScopeAccuracy: test.inScopeAccuracy, oosRecall: test.oosRecall, rawAccuracy, threshold: best.threshold, trainSeconds, p50Ms: percentile(timings, 0.5), p99Ms: percentile(timings, 0.99), modelMB, epochs: classifier.model.stats.epochs };
}
