// In-process NLU numbers, through the NLU's own API from dialogs/: knowledge load, training time (no model cache)
// and classify latency over every training example and off-topic message of the knowledge, timed one call at a time.
import { loadKnowledge, formatProblem, trainUnderstander, type Knowledge } from '../dialogs';
import { median, round, summarize, type LatencySummary } from './stats';

export interface BrainSpeed {
  readonly loadMs: number;
  /** Median of the trainings from scratch (how many: `trainings`). */
  readonly trainMs: number;
  readonly trainings: number;
  readonly classify: LatencySummary & { readonly texts: number };
}

export function loadKnowledgeOrThrow(knowledgeDir: string): Knowledge {
  const loaded = loadKnowledge(knowledgeDir);
  if (!loaded.ok) throw new Error(`knowledge is invalid:\n${loaded.problems.map(formatProblem).join('\n')}`);
  return loaded.knowledge;
}

export function measureBrain(knowledgeDir: string, options: { trainings?: number; classifyCalls?: number } = {}): BrainSpeed {
  if (typeof trainUnderstander !== 'function') throw new Error('dialogs/ does not export trainUnderstander: the NLU cannot be measured');
  const loadStarted = performance.now();
  const knowledge = loadKnowledgeOrThrow(knowledgeDir);
  const loadMs = performance.now() - loadStarted;
  const trainTimes: number[] = [];
  let understander: ReturnType<typeof trainUnderstander> | undefined;
  // Up to `trainings` runs, but stop after 20 s of training: a slow trainer is measured once rather than not at all.
  for (let spent = 0; trainTimes.length < (options.trainings ?? 3) && spent < 20_000; spent = trainTimes.reduce((a, b) => a + b, 0)) {
    const started = performance.now();
    understander = trainUnderstander(knowledge);
    trainTimes.push(performance.now() - started);
  }
  const texts = [...knowledge.intents.flatMap((intent) => intent.examples), ...knowledge.outOfScope];
  const calls = Math.max(texts.length, options.classifyCalls ?? 20_000);
  // Warm up the JIT on every text first: the steady state is what a long-running bot sees.
  for (const text of texts) understander?.classify(text);
  const latencies: number[] = [];
  for (let i = 0; i < calls; i += 1) {
    const text = texts[i % texts.length];
    const started = performance.now();
    understander?.classify(text);
    latencies.push(performance.now() - started);
  }
  return { loadMs: round(loadMs, 1), trainMs: round(median(trainTimes), 1), trainings: trainTimes.length, classify: { ...summarize(latencies, 4), texts: texts.length } };
}
