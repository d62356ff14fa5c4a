// Cross-checks on the source's language.yaml: at most one, and answer patterns that compile.
import { filesOf } from './catalog';
import { problemAt, type ValidFile } from './check-file';
import { regexError } from './check-entities';
import type { KnowledgeProblem } from './problems';

export function checkLanguage(files: readonly ValidFile[]): KnowledgeProblem[] {
  const [first, ...others] = filesOf(files, 'language');
  const problems = others.map((source) => problemAt(source, ['language'], `a second language.yaml (first at ${first.file}); only one is allowed`));
  (first?.data.language.answers ?? []).forEach((rule, i) => (rule.patterns ?? []).forEach((p, j) => {
    const error = regexError(p);
    if (error) problems.push(problemAt(first, ['language', 'answers', i, 'patterns', j], `invalid regular expression: ${error}`));
  }));
  return problems;
}
