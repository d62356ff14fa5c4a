// Cross-checks on a flow's diagnostic question and `only` conditions: options unique, their intents, error texts,
// facts and steps real; at most one "I don't know" option.
import { createFirstSeen, type FileOf, type Names } from './catalog';
import { problemAt } from './check-file';
import type { FileKind } from './kinds';
import type { KnowledgeProblem, PathSegment } from './problems';

/** A fact's values as an entity defines them: undefined (open, a pattern entity) or its list. */
function factProblem(names: Names, entity: string, value: string): string | undefined {
  if (!names.entities.has(entity)) return `unknown entity "${entity}"; expected one of ${[...names.entities.keys()].join(', ') || '(none defined)'}`;
  const allowed = names.entities.get(entity);
  return allowed === undefined || allowed.includes(value) ? undefined : `unknown value "${value}" for entity ${entity}; expected one of ${allowed.join(', ')}`;
}

export function checkDiagnose(source: FileOf<'flow'>, names: Names, broken: ReadonlySet<FileKind>): KnowledgeProblem[] {
  const { flow } = source.data;
  const problems: KnowledgeProblem[] = [];
  const steps = new Set(flow.steps.map((s) => s.id));
  const ids = createFirstSeen();
  let unsure = 0;
  (flow.diagnose?.options ?? []).forEach((o, i) => {
    const at = (...rest: PathSegment[]): PathSegment[] => ['flow', 'diagnose', 'options', i, ...rest];
    if (ids.claim(o.id, { file: source.file, line: source.locator.lineAt(at('id')) })) problems.push(problemAt(source, at('id'), `duplicate option id "${o.id}"`));
    if (!o.try?.length && !o.intents?.length && !o.errors?.length && !Object.keys(o.facts ?? {}).length) unsure += 1;
    (o.try ?? []).forEach((id, j) => {
      if (!steps.has(id)) problems.push(problemAt(source, at('try', j), `unknown step "${id}" in this flow`));
    });
    if (!broken.has('intents')) {
      (o.intents ?? []).forEach((name, j) => {
        if (!names.intents.has(name)) problems.push(problemAt(source, at('intents', j), `unknown intent "${name}"`));
      });
    }
    if (!broken.has('entities')) {
      (o.errors ?? []).forEach((value, j) => {
        const why = factProblem(names, 'error_text', value);
        if (why) problems.push(problemAt(source, at('errors', j), why));
      });
      for (const [entity, value] of Object.entries(o.facts ?? {})) {
        const why = factProblem(names, entity, value);
        if (why) problems.push(problemAt(source, at('facts', entity), why));
      }
    }
  });
  if (unsure > 1) problems.push(problemAt(source, ['flow', 'diagnose', 'options'], 'more than one "I don\'t know" option (no try, intents, errors or facts)'));
  if (!broken.has('entities')) {
    flow.steps.forEach((step, s) => {
      for (const [entity, values] of Object.entries(step.only ?? {})) {
        values.forEach((value, j) => {
          const why = factProblem(names, entity, value);
          if (why) problems.push(problemAt(source, ['flow', 'steps', s, 'only', entity, j], why));
        });
      }
    });
  }
  return problems;
}
