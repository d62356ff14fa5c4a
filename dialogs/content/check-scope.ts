// Cross-check of the scope entities (`scope: outside` / `inside` in entities.yaml) against the training examples: an
// example of a problem intent that names another product and nothing of ours would be turned away by the NLU as
// off-topic, so the author hears it here rather than from a user.
import type { EntityDef } from '../types';
import { ABOUT_BACKUP, createEntityExtractor, outsideScope } from '../nlu/entities';
import { filesOf } from './catalog';
import { problemAt, type ValidFile } from './check-file';
import type { KnowledgeProblem } from './problems';

export function checkScope(files: readonly ValidFile[]): KnowledgeProblem[] {
  // Only the scope entities (and those an `aside` one asks about): extracting every entity from every example would
  // cost the loader a third of a second.
  const defs: EntityDef[] = filesOf(files, 'entities').flatMap((source) =>
    Object.entries(source.data.entities).filter(([name, entity]) => entity.scope !== undefined || ABOUT_BACKUP.includes(name)).map(([name, entity]) => ({ name, ...(entity.values && { values: entity.values }), ...(entity.patterns && { patterns: entity.patterns }), scope: entity.scope })));
  if (!defs.some((def) => def.scope === 'outside' || def.scope === 'apart' || def.scope === 'aside')) return [];
  const topics = new Set(filesOf(files, 'flow').flatMap((source) => [
    ...(source.data.flow.triggers ?? []),
    ...source.data.flow.steps.flatMap((step) => step.intents ?? []),
  ]));
  const extract = createEntityExtractor(defs);
  const problems: KnowledgeProblem[] = [];
  for (const source of filesOf(files, 'intents')) {
    for (const [name, intent] of Object.entries(source.data.intents)) {
      if (!topics.has(name)) continue;
      intent.examples.forEach((text, i) => {
        const outside = outsideScope(extract(text), defs);
        if (outside) {
          const aside = defs.some((def) => def.name === outside && def.scope === 'aside');
          problems.push(problemAt(source, ['intents', name, 'examples', i], aside
            ? `example names another problem than backing up (entity "${outside}") and neither backing up nor a backup target, so it would be read as off-topic: say "backup" or drop it`
            : `example names a product outside the bot's scope (entity "${outside}") and nothing inside it, so it would be read as off-topic: add an inside word (e.g. "iPhone") or drop it`));
        }
      });
    }
  }
  return problems;
}
