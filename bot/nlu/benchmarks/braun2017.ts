// Braun et al. 2017 corpora (Chatbot, AskUbuntu, WebApplications): train on the sentences marked `training`, test on
// the rest, each corpus on its own; intent micro-F1 with None counted as an intent, per corpus and over all 274.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { trainClassifier, type TrainOptions } from '../../../dialogs';
import { computeMetrics, type Prediction } from '../eval/metrics';

export const BRAUN_CORPORA = ['ChatbotCorpus', 'AskUbuntuCorpus', 'WebApplicationsCorpus'] as const;

interface Sentence {
  readonly text: string;
  readonly intent: string;
  readonly training: boolean;
}

export interface BraunRow {
  readonly corpus: string;
  readonly test: number;
  readonly microF1: number;
  readonly trainSeconds: number;
  readonly epochs: number;
}

export interface BraunResult {
  readonly corpora: readonly BraunRow[];
  readonly overall: { readonly test: number; readonly microF1: number };
  readonly predictions: readonly Prediction[];
}

export function loadBraunCorpus(dir: string, corpus: string): Sentence[] {
  const data = JSON.parse(readFileSync(join(dir, `${corpus}.json`), 'utf8')) as { sentences: Sentence[] };
  return data.sentences.map((s) => ({ text: s.text, intent: s.intent, training: s.training }));
}

export function runBraun(dir: string, training: Partial<TrainOptions> = {}): BraunResult {
  const all: Prediction[] = [];
  const allLabels: string[] = [];
  const corpora = BRAUN_CORPORA.map((corpus) => {
    const sentences = loadBraunCorpus(dir, corpus);
    const started = process.cpuUsage();
    const classifier = trainClassifier(sentences.filter((s) => s.training).map((s) => ({ text: s.text, label: s.intent })), training);
    const trainSeconds = process.cpuUsage(started).user / 1e6;
    // Labels are per corpus ("None" of AskUbuntu is not "None" of WebApplications), so they are prefixed when pooled.
    const labels = [...new Set(sentences.map((s) => s.intent))];
    const predictions = sentences
      .filter((s) => !s.training)
      .map((s) => ({ text: s.text, expected: s.intent, predicted: classifier.rank(s.text, 1)[0]?.intent ?? 'None' }));
    all.push(...predictions.map((p) => ({ ...p, expected: `${corpus}:${p.expected}`, predicted: `${corpus}:${p.predicted}` })));
    allLabels.push(...labels.map((l) => `${corpus}:${l}`));
    return { corpus, test: predictions.length, microF1: computeMetrics(predictions, labels).microF1, trainSeconds, epochs: classifier.model.stats.epochs };
  });
  return { corpora, overall: { test: all.length, microF1: computeMetrics(all, allLabels).microF1 }, predictions: all };
}
