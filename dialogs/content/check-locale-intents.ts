// A locale's training data checked as the English is: no example under two intents or also out of scope, none that
// the scope entities (the English ones plus the locale's own words) would turn away as another product's problem.
import { filesOf } from './catalog';
import type { ValidFile } from './check-file';
import { checkIntents } from './check-intents';
import { localeFilesOf, type ValidLocaleFile } from './check-locale-file';
import { checkScope } from './check-scope';
import type { KnowledgeProblem } from './problems';

/** The locale's intents files in the English shape (labels and examples, no `en:`), keeping their files and lines. */
function asIntentFiles(files: readonly ValidLocaleFile[]): ValidFile[] {
  return localeFilesOf(files, 'intents').map((f) => ({
    file: f.file,
    kind: 'intents' as const,
    locator: f.locator,
    data: {
      intents: Object.fromEntries(Object.entries(f.data.intents ?? {}).map(([name, i]) => [name, { label: i.label, examples: i.examples }])),
      ...(f.data.out_of_scope && { out_of_scope: f.data.out_of_scope }),
    },
  }));
}

/** The English entity files with the locale's synonyms added to their values. */
function mergedEntities(english: readonly ValidFile[], files: readonly ValidLocaleFile[]): ValidFile[] {
  const added = new Map(localeFilesOf(files, 'entities').flatMap((f) => Object.entries(f.data.entities)));
  return filesOf(english, 'entities').map((f) => ({
    ...f,
    data: {
      entities: Object.fromEntries(Object.entries(f.data.entities).map(([name, e]) => {
        const extra = added.get(name)?.values;
        const values = e.values && extra ? Object.fromEntries(Object.entries(e.values).map(([v, s]) => [v, [...s, ...(extra[v] ?? [])]])) : e.values;
        return [name, { ...e, ...(values && { values }) }];
      })),
    },
  }));
}

export function checkLocaleIntents(files: readonly ValidLocaleFile[], english: readonly ValidFile[]): KnowledgeProblem[] {
  const intents = asIntentFiles(files);
  if (intents.length === 0) return [];
  return [...checkIntents(intents), ...checkScope([...intents, ...mergedEntities(english, files), ...filesOf(english, 'flow')])];
}
