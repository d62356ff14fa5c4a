// Scores the trained NLU on held-out messages written without looking at the training examples: the closest thing in
// the repository to real users, and a check on the cross-validation (which only re-splits the author's own wording).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Knowledge, Understander } from '../../../dialogs';
import { normalizeExample, OUT_OF_SCOPE_LABEL } from '../../../dialogs';
import { computeMetrics, type Metrics } from './metrics';

const HeldoutFile = z.strictObject({
  in_scope: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  out_of_scope: z.array(z.string().min(1)),
});

export interface HeldoutMessages {
  readonly inScope: readonly { readonly text: string; readonly intent: string }[];
  readonly outOfScope: readonly string[];
}

export interface HeldoutMiss {
  readonly text: string;
  readonly expected: string;
  /** What the bot decided: an intent, "unknown" (not understood) or "did you mean: a / b". */
  readonly decided: string;
}

/** The counts of a held-out run, over all its messages or over a subset. */
export interface HeldoutCounts {
  readonly inScope: number;
  readonly outOfScope: number;
  /** In-scope messages answered with their own intent (a "Did you mean" that offers it first counts as wrong). */
  readonly right: number;
  /** In-scope messages answered with another intent: the costly mistake. */
  readonly wrong: number;
  /** In-scope messages not understood or asked about ("Did you mean …?"): the bot asks again, nothing is skipped. */
  readonly notUnderstood: number;
  readonly offTopicKeptOut: number;
}

export interface HeldoutReport extends HeldoutCounts {
  readonly metrics: Metrics;
  readonly misses: readonly HeldoutMiss[];
  /**
   * Messages written exactly as a training example (compared as the loader compares examples): a blind writer hits
   * "hi", "thanks" or "yes" too, and the bot decides those as written. The same counts over the rest are `unseen`.
   */
  readonly alsoTrainingExamples: number;
  readonly unseen: HeldoutCounts;
  /**
   * In-scope messages answered with another intent that leads to the same place (the same step, the same flow's
   * start, the same reply): a set written for an older, smaller intent list names the intent that has since got a
   * sibling ("my backup failed" on a computer → computer_backup_failed, which starts the same flow).
   */
  readonly sameDestination: number;
}

/**
 * Reads the held-out file; intents it names that the knowledge lacks are an error (a renamed intent must be followed),
 * unless `skipUnknown`: then their messages are left out and named in `skipped`.
 */
export function readHeldout(file: string, knowledge: Knowledge, skipUnknown = false): HeldoutMessages & { readonly skipped: readonly string[] } {
  const data = HeldoutFile.parse(parse(readFileSync(file, 'utf8')));
  const known = new Set(knowledge.intents.map((i) => i.name));
  const unknown = Object.keys(data.in_scope).filter((name) => !known.has(name));
  if (unknown.length > 0 && !skipUnknown) throw new Error(`${file}: intents not in the knowledge: ${unknown.join(', ')}`);
  const inScope = Object.entries(data.in_scope).filter(([intent]) => known.has(intent)).flatMap(([intent, texts]) => texts.map((text) => ({ text, intent })));
  return { inScope, outOfScope: data.out_of_scope, skipped: unknown };
}

/** Where an intent leads in a fresh conversation: its step, its flow's start, its own reply, or itself (a command). */
export function intentDestination(knowledge: Knowledge, intent: string): string {
  for (const flow of knowledge.flows) {
    const step = flow.steps.find((s) => s.intents.includes(intent));
    if (step) return `step:${flow.id}/${step.id}`;
    if (flow.triggers.includes(intent)) return `flow:${flow.id}`;
  }
  const answer = knowledge.intents.find((i) => i.name === intent)?.answer;
  return answer !== undefined ? `reply:${answer}` : `intent:${intent}`;
}

const described = (c: ReturnType<Understander['classify']>): string =>
  c.ambiguous ? `did you mean: ${c.ambiguous[0].intent} / ${c.ambiguous[1].intent}` : c.intent;

interface Prediction {
  readonly text: string;
  readonly expected: string;
  readonly predicted: string;
}

function countOf(predictions: readonly Prediction[]): HeldoutCounts {
  const inScope = predictions.filter((p) => p.expected !== OUT_OF_SCOPE_LABEL);
  const offTopic = predictions.filter((p) => p.expected === OUT_OF_SCOPE_LABEL);
  const right = inScope.filter((p) => p.predicted === p.expected).length;
  const notUnderstood = inScope.filter((p) => p.predicted === OUT_OF_SCOPE_LABEL).length;
  return {
    inScope: inScope.length,
    outOfScope: offTopic.length,
    right,
    wrong: inScope.length - right - notUnderstood,
    notUnderstood,
    offTopicKeptOut: offTopic.filter((p) => p.predicted === OUT_OF_SCOPE_LABEL).length,
  };
}

export function evaluateHeldout(understander: Understander, messages: HeldoutMessages, knowledge: Knowledge): HeldoutReport {
  const judged = [
    ...messages.inScope.map((m) => ({ ...m, c: understander.classify(m.text) })),
    ...messages.outOfScope.map((text) => ({ text, intent: OUT_OF_SCOPE_LABEL, c: understander.classify(text) })),
  ];
  const predictions: Prediction[] = judged.map(({ text, intent, c }) => ({ text, expected: intent, predicted: c.intent === 'unknown' ? OUT_OF_SCOPE_LABEL : c.intent }));
  const examples = new Set([...knowledge.intents.flatMap((i) => i.examples), ...knowledge.outOfScope].map(normalizeExample));
  const unseen = predictions.filter((p) => !examples.has(normalizeExample(p.text)));
  return {
    ...countOf(predictions),
    metrics: computeMetrics(predictions, knowledge.intents.map((i) => i.name)),
    misses: judged.filter((j, i) => predictions[i]?.predicted !== j.intent).map((j) => ({ text: j.text, expected: j.intent, decided: described(j.c) })),
    alsoTrainingExamples: predictions.length - unseen.length,
    unseen: countOf(unseen),
    sameDestination: predictions.filter((p) => p.expected !== OUT_OF_SCOPE_LABEL && p.predicted !== p.expected && p.predicted !== OUT_OF_SCOPE_LABEL
      && intentDestination(knowledge, p.predicted) === intentDestination(knowledge, p.expected)).length,
  };
}

const pct = (n: number, of: number): string => `${of === 0 ? '0.0' : ((100 * n) / of).toFixed(1)}%`;

export function formatHeldoutReport(report: HeldoutReport, file: string, showMisses: number): string {
  const lines = [
    `NLU on held-out messages (${file}): ${report.inScope} in scope, ${report.outOfScope} off-topic; trained on all of knowledge/`,
    '',
    `in scope answered with the right intent: ${pct(report.right, report.inScope)}   wrong intent: ${pct(report.wrong, report.inScope)}   not understood / asked: ${pct(report.notUnderstood, report.inScope)}`,
    `answered with a sibling intent that leads to the same place: ${pct(report.sameDestination, report.inScope)} (right or same destination: ${pct(report.right + report.sameDestination, report.inScope)})`,
    `off-topic kept out: ${pct(report.offTopicKeptOut, report.outOfScope)}   macro-F1 (as the bot decides): ${report.metrics.macroF1.toFixed(3)}`,
    `${report.alsoTrainingExamples} of these are also written as training examples; on the other ${report.unseen.inScope} in scope / ${report.unseen.outOfScope} off-topic:`,
    `  right ${pct(report.unseen.right, report.unseen.inScope)}   wrong ${pct(report.unseen.wrong, report.unseen.inScope)}   not understood / asked ${pct(report.unseen.notUnderstood, report.unseen.inScope)}   off-topic kept out ${pct(report.unseen.offTopicKeptOut, report.unseen.outOfScope)}`,
    '',
    'intent          recall  precision  messages',
    '--------------  ------  ---------  --------',
    ...report.metrics.perLabel.filter((s) => s.support > 0).map((s) => `${s.label.padEnd(14)}  ${s.recall.toFixed(3)}   ${s.precision.toFixed(3)}      ${s.support}`),
    '',
    `Misses (${report.misses.length}, first ${Math.min(showMisses, report.misses.length)}):`,
    ...report.misses.slice(0, showMisses).map((m) => `  ${m.expected} → ${m.decided}  "${m.text}"`),
  ];
  return lines.join('\n');
}

/** The counts of a report, without its per-intent metrics and misses. */
export function heldoutCounts(report: HeldoutReport): HeldoutCounts & { readonly sameDestination: number } {
  const { inScope, outOfScope, right, wrong, notUnderstood, offTopicKeptOut, sameDestination } = report;
  return { inScope, outOfScope, right, wrong, notUnderstood, offTopicKeptOut, sameDestination };
}

/** One line: right, wrong, not understood, off-topic kept out. */
export function formatHeldoutLine(name: string, r: HeldoutReport): string {
  return `${name.padEnd(18)} in scope ${String(r.inScope).padStart(4)}: right ${pct(r.right, r.inScope)} (same destination ${pct(r.right + r.sameDestination, r.inScope)}), wrong ${pct(r.wrong, r.inScope)}, not understood ${pct(r.notUnderstood, r.inScope)}; off-topic kept out ${pct(r.offTopicKeptOut, r.outOfScope)} of ${r.outOfScope}`;
}
