// Scores the bot on messages real people wrote in public (test/nlu/realworld/, each with its source): the first reply
// the whole engine gives, as a user would see it. In scope: a sensible first move (a fix for the cause they name, or
// for a failure with no cause named, the diagnostic question or the first fix). Near misses: no iPhone backup fix.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Engine, Knowledge, TurnResult } from '../../../dialogs';

const RealWorldFile = z.strictObject({
  in_scope: z.array(z.strictObject({ text: z.string().min(1), source: z.string().min(1), label: z.string().min(1), also: z.array(z.string()).optional() })),
  near_misses: z.array(z.strictObject({ text: z.string().min(1), source: z.string().min(1), kind: z.string().min(1) })),
});
export type RealWorldMessages = z.infer<typeof RealWorldFile>;

export function readRealWorld(file: string): RealWorldMessages {
  return RealWorldFile.parse(parse(readFileSync(file, 'utf8')));
}

export type Verdict = 'right' | 'wrong' | 'not_understood' | 'kept_out' | 'let_in';

export interface RealWorldJudgement {
  readonly text: string;
  readonly topic: string;
  readonly verdict: Verdict;
  /** What the bot did first: `step:<id>`, `diagnose`, or the route when no fix was started. */
  readonly did: string;
}

export interface RealWorldCounts {
  readonly inScope: number;
  readonly right: number;
  readonly wrong: number;
  readonly notUnderstood: number;
  readonly nearMisses: number;
  readonly keptOut: number;
}

export interface RealWorldReport extends RealWorldCounts {
  readonly byTopic: readonly (RealWorldCounts & { readonly topic: string })[];
  readonly misses: readonly RealWorldJudgement[];
}

/** The first move a turn made in a flow: the step it showed, the diagnostic question, else nothing. */
function firstMove(r: TurnResult): string | undefined {
  const step = r.events.find((e) => e.type === 'step_shown');
  if (step && step.type === 'step_shown') return `step:${step.step}`;
  return r.events.some((e) => e.type === 'flow_started') ? 'diagnose' : undefined;
}

/**
 * The steps a cause points at: the steps whose intents include it, and the steps its diagnosis would try first. A
 * trigger with no diagnosis of its own ("my backup failed") is met by any first move.
 */
function sensible(knowledge: Knowledge, labels: readonly string[]): { steps: ReadonlySet<string>; generic: boolean } {
  const own = knowledge.flows.flatMap((f) => f.steps.filter((s) => s.intents.some((i) => labels.includes(i))).map((s) => s.id));
  const planned = knowledge.flows.flatMap((f) => (f.diagnose?.options ?? []).filter((o) => o.intents.some((i) => labels.includes(i))).flatMap((o) => o.try));
  const steps = new Set([...own, ...planned]);
  const generic = knowledge.flows.some((f) => f.triggers.some((t) => labels.includes(t)));
  return { steps, generic };
}

function judge(engine: Engine, knowledge: Knowledge, text: string, labels: readonly string[] | undefined): RealWorldJudgement & { inScope: boolean } {
  const r = engine.turn(undefined, { kind: 'message', text, locale: 'en-US', now: '2026-01-01T09:00:00.000Z' });
  const move = firstMove(r);
  const did = move ?? r.trace.route;
  if (!labels) return { text, topic: '', verdict: move ? 'let_in' : 'kept_out', did, inScope: false };
  if (!move) return { text, topic: labels[0], verdict: 'not_understood', did, inScope: true };
  const { steps, generic } = sensible(knowledge, labels);
  const right = (move === 'diagnose' && generic) || steps.has(move.slice('step:'.length)) || (generic && steps.size === 0);
  return { text, topic: labels[0], verdict: right ? 'right' : 'wrong', did, inScope: true };
}

function countOf(js: readonly RealWorldJudgement[]): RealWorldCounts {
  const n = (v: Verdict) => js.filter((j) => j.verdict === v).length;
  return { inScope: n('right') + n('wrong') + n('not_understood'), right: n('right'), wrong: n('wrong'), notUnderstood: n('not_understood'), nearMisses: n('kept_out') + n('let_in'), keptOut: n('kept_out') };
}

export function evaluateRealWorld(engine: Engine, knowledge: Knowledge, messages: RealWorldMessages): RealWorldReport {
  const judged = [
    ...messages.in_scope.map((m) => judge(engine, knowledge, m.text, [m.label, ...(m.also ?? [])])),
    ...messages.near_misses.map((m) => ({ ...judge(engine, knowledge, m.text, undefined), topic: `near miss: ${m.kind}` })),
  ];
  const topics = [...new Set(judged.map((j) => j.topic))].sort();
  return {
    ...countOf(judged),
    byTopic: topics.map((topic) => ({ topic, ...countOf(judged.filter((j) => j.topic === topic)) })),
    misses: judged.filter((j) => j.verdict !== 'right' && j.verdict !== 'kept_out').map(({ inScope: _in, ...j }) => j),
  };
}

const pct = (n: number, of: number): string => `${of === 0 ? '  -  ' : ((100 * n) / of).toFixed(1)}%`;

export function formatRealWorldReport(report: RealWorldReport, file: string, showMisses: number): string {
  return [
    `Real-world messages (${file}): ${report.inScope} in scope, ${report.nearMisses} near misses; the engine's first reply`,
    `in scope: right ${pct(report.right, report.inScope)}   wrong fix ${pct(report.wrong, report.inScope)}   not understood ${pct(report.notUnderstood, report.inScope)}`,
    `near misses kept out of the iPhone fixes: ${pct(report.keptOut, report.nearMisses)}`,
    '',
    'topic                                 messages  right / kept out',
    ...report.byTopic.map((t) => `${t.topic.padEnd(36)}  ${String(t.inScope + t.nearMisses).padStart(8)}  ${t.inScope > 0 ? pct(t.right, t.inScope) : pct(t.keptOut, t.nearMisses)}`),
    '',
    `Misses (${report.misses.length}, first ${Math.min(showMisses, report.misses.length)}):`,
    ...report.misses.slice(0, showMisses).map((m) => `  [${m.topic}] ${m.verdict} → ${m.did}  "${m.text.slice(0, 160).replace(/\s+/g, ' ')}"`),
  ].join('\n');
}
