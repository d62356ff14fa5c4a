// The pack's diagnostic question as a channel client sees it ("which of these is closest?", buttons `diag:<option>`):
// suites that walk every fix answer it with "I'm not sure", which keeps the flow's usual order.
import type { Activity } from 'botbuilder';
import { join } from 'node:path';
import { loadKnowledge, type Flow } from '../../dialogs';

/** The "I'm not sure" option of knowledge/packs/iphone-backup-failed/flow.yaml. */
export const NOT_SURE = 'diag:unknown';
export const NOT_SURE_LABEL = "I'm not sure";

const actionOf = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'object' && value !== null && typeof (value as { action?: unknown }).action === 'string' ? (value as { action: string }).action : '';

/**
 * True when these replies ask the diagnostic question: its buttons, or, where the channel shows its eight options as a
 * numbered list instead of buttons, the "I'm not sure" line (the renderer may typeset the apostrophe).
 */
export function asksDiagnosis(replies: readonly Partial<Activity>[]): boolean {
  return replies.some((r) => (r.suggestedActions?.actions ?? []).some((a) => actionOf(a.value).startsWith('diag:')) || /I.m not sure/.test(r.text ?? ''));
}

/** The shipped flow (knowledge/), for suites that count its steps. */
export function loadedFlow(): Flow {
  const loaded = loadKnowledge(join(__dirname, '..', '..', 'knowledge'));
  if (!loaded.ok) throw new Error('knowledge/ is invalid: run npm run validate');
  return loaded.knowledge.flows[0];
}

/**
 * The steps someone sees, in order, answering "no" to each when they start at the first step with no fact known: up
 * to the first `next: escalate`, without the steps `only` for a known fact (the computer branch).
 */
export function mainPath(flow: Flow): string[] {
  const end = flow.steps.findIndex((s) => s.next === 'escalate');
  return flow.steps.slice(0, end < 0 ? flow.steps.length : end + 1).filter((s) => s.only === undefined).map((s) => s.id);
}

/**
 * The steps someone sees answering "no" to each after an answer (or an error text) points to `option`: its `try` steps
 * that apply to its facts, then the rest of the main path.
 */
export function pathFor(flow: Flow, option: string): string[] {
  const chosen = flow.diagnose?.options.find((o) => o.id === option);
  const facts = chosen?.facts ?? {};
  const fits = (id: string) => {
    const step = flow.steps.find((s) => s.id === id);
    const when = Object.entries(step?.when ?? {}).every(([k, v]) => facts[k] === undefined || v.includes(facts[k]));
    const only = Object.entries(step?.only ?? {}).every(([k, v]) => facts[k] !== undefined && v.includes(facts[k]));
    return step !== undefined && when && only;
  };
  const planned = (chosen?.try ?? []).filter(fits);
  return [...planned, ...mainPath(flow).filter((id) => fits(id) && !planned.includes(id))];
}
