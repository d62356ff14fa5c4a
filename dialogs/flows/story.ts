// The story for a human: what was tried with what result, the device facts, and the handoff packet's core.
import type { HandoffReason, HandoffStory, Knowledge, Reply, Session, StepOutcome } from '../types';
import type { Say } from '../replies';
import { findStepAnywhere } from './runner';

/** Used only when knowledge has no `summary_step_<outcome>` line: a mark, so no English sits in code. */
const MARK: Readonly<Record<StepOutcome, string>> = { fixed: '✓', not_fixed: '✗', already_tried: '↺', skipped: '–', passed: '»' };

/** Device facts first, in the order an agent reads them; other facts after, alphabetically. */
const FACT_ORDER = ['iphone_model', 'ios_version', 'backup_target', 'error_text', 'error_code', 'region'];

export function summaryStepLine(knowledge: Knowledge, say: Say, session: Session, stepId: string, outcome: StepOutcome): string {
  const title = findStepAnywhere(knowledge, stepId, session.flowId)?.step.title ?? stepId;
  const id = `summary_step_${outcome}`;
  return say.has(id) ? say.line(id, { step: title }) : `${title} — ${MARK[outcome]}`;
}

/** A fact in plain words: the entity value's label ("could_not_complete" → "The last backup could not be completed"). */
function factWords(knowledge: Knowledge, name: string, value: string): string {
  return knowledge.entities.find((e) => e.name === name)?.labels?.[value] ?? value;
}

/** "iPhone 13, iOS 17.4, iCloud backup, error: …": each fact through its optional `fact_<name>` template. */
export function factsLine(say: Say, facts: Readonly<Record<string, string>>, knowledge?: Knowledge): string | undefined {
  const rank = (k: string) => (FACT_ORDER.includes(k) ? FACT_ORDER.indexOf(k) : FACT_ORDER.length);
  const keys = Object.keys(facts).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const shown = (k: string) => (knowledge ? factWords(knowledge, k, facts[k]) : facts[k]);
  const parts = keys.map((k) => (say.has(`fact_${k}`) ? say.line(`fact_${k}`, { value: shown(k) }) : shown(k))).filter((p) => p !== '');
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The copyable summary: one line per step in the order they happened, then the device facts. */
export function summaryLines(knowledge: Knowledge, say: Say, session: Session): readonly string[] {
  // Steps a fact ruled out were never shown: what was tried leaves them out (the packet's steps keep them).
  const lines = session.steps.filter((r) => r.outcome !== 'skipped').map((r) => summaryStepLine(knowledge, say, session, r.stepId, r.outcome));
  const facts = factsLine(say, session.facts, knowledge);
  return facts === undefined ? lines : [...lines, facts];
}

export function summaryReply(say: Say, lines: readonly string[]): Reply {
  return say.reply('summary_title', {}, { kind: 'summary', lines, noChoices: true });
}

export function buildStory(knowledge: Knowledge, say: Say, session: Session, reason: HandoffReason): HandoffStory {
  return {
    reason,
    ...(session.flowId !== undefined ? { flowId: session.flowId } : {}),
    steps: session.steps,
    facts: session.facts,
    ...(session.lastUserText !== undefined ? { lastUserWords: session.lastUserText } : {}),
    summary: summaryLines(knowledge, say, session),
  };
}
