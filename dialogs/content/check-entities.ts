// Cross-checks on entities: names unique across files, every pattern a valid JavaScript regular expression.
import { createFirstSeen, filesOf, placeText } from './catalog';
import { problemAt, type ValidFile } from './check-file';
import type { KnowledgeProblem } from './problems';

export function checkEntities(files: readonly ValidFile[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const names = createFirstSeen();
  for (const source of filesOf(files, 'entities')) {
    for (const [name, entity] of Object.entries(source.data.entities)) {
      const earlier = names.claim(name, { file: source.file, line: source.locator.lineAt(['entities', name]) });
      if (earlier) problems.push(problemAt(source, ['entities', name], `duplicate entity (first at ${placeText(earlier.place)})`));
      // A fact shown in the summary of what was tried is shown in words, never as an internal value id.
      if (entity.values && entity.scope === undefined && entity.fact !== false) {
        for (const value of Object.keys(entity.values)) {
          if (entity.labels?.[value] === undefined) problems.push(problemAt(source, ['entities', name, 'values', value], `value "${value}" needs a label (labels: { ${value}: "…" }): the summary shows it to people`));
        }
      }
      (entity.patterns ?? []).forEach((pattern, i) => {
        const error = regexError(pattern);
        if (error) problems.push(problemAt(source, ['entities', name, 'patterns', i], `invalid regular expression: ${error}`));
        // A named group names the value it means: one of the listed values, so labels and diagnosis `errors` know it.
        for (const group of error ? [] : namedGroups(pattern)) {
          if (entity.values?.[group] === undefined) {
            problems.push(problemAt(source, ['entities', name, 'patterns', i], `named group "${group}" is not a value of this entity; add it under values (with a label) or rename the group`));
          }
        }
      });
    }
  }
  return problems;
}

/** The names of a pattern's named groups, `(?<name>…)`. */
function namedGroups(pattern: string): string[] {
  return [...pattern.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1] as string);
}

/** Undefined when the pattern compiles both with `i` and with `iu`, so the NLU may use either flag set. */
export function regexError(pattern: string): string | undefined {
  for (const flags of ['i', 'iu']) {
    try {
      new RegExp(pattern, flags);
    } catch (error) {
      // "Invalid regular expression: /(/i: Unterminated group" → "Unterminated group"
      const message = error instanceof Error ? error.message : String(error);
      return message.replace(/^Invalid regular expression: \/.*\/\w*: /s, '');
    }
  }
  return undefined;
}
