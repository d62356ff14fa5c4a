// The explicit fallback to English, counted: of the texts a turn showed, those its language has no translation for.
import type { Knowledge, Reply } from '../types';

/**
 * `used`: the reply ids said this turn. Steps are counted by the step replies shown, a contact by the escalation
 * replies that carry its own links, a flow's diagnostic question by the question's choices.
 */
export function untranslatedShown(knowledge: Knowledge, replies: readonly Reply[], used: ReadonlySet<string>): readonly string[] {
  const missing = knowledge.untranslated;
  if (!missing || missing.length === 0) return [];
  const shown = new Set<string>([...used].map((id) => `reply:${id}`));
  for (const r of replies) {
    if (r.kind === 'step' && r.stepId !== undefined) {
      const flow = knowledge.flows.find((f) => f.steps.some((s) => s.id === r.stepId));
      if (flow) shown.add(`step:${flow.id}/${r.stepId}`);
    }
    if (r.choices?.some((c) => c.value.startsWith('diag:'))) {
      for (const f of knowledge.flows) if (f.diagnose?.options.some((o) => r.choices?.some((c) => c.value === `diag:${o.id}`))) shown.add(`diagnose:${f.id}`);
    }
    for (const c of knowledge.contacts) if (r.links?.some((l) => own(knowledge, c.region).has(l.url))) shown.add(`contact:${c.region}`);
  }
  return missing.filter((key) => shown.has(key));
}

/** A contact's own links (its country page): the ones no other contact shares. */
function own(knowledge: Knowledge, region: string): ReadonlySet<string> {
  const others = new Set(knowledge.contacts.filter((c) => c.region !== region).flatMap((c) => c.links.map((l) => l.url)));
  return new Set((knowledge.contacts.find((c) => c.region === region)?.links ?? []).map((l) => l.url).filter((u) => !others.has(u)));
}
