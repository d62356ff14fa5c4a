// The real knowledge and engine, with an understander that understands nothing: these tests drive conversations with
// buttons (action tokens), so they exercise the handoff, not the NLU, and stay deterministic.
import path from 'node:path';
import type { Brain } from '../../../bot/brain';
import { createEngine, loadKnowledge, type Classification } from '../../../dialogs';

const nothing: Classification = { intent: 'unknown', confidence: 0, ranking: [], entities: {} };

export function createButtonsBrain(knowledgeDir = path.resolve(__dirname, '../../../knowledge')): Brain {
  const loaded = loadKnowledge(knowledgeDir);
  if (!loaded.ok) throw new Error(`knowledge invalid:\n${loaded.problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n')}`);
  return { knowledge: loaded.knowledge, engine: createEngine({ knowledge: loaded.knowledge, understander: { classify: () => nothing } }) };
}
