// Cross-checks on flows: ids unique, intents and `next` targets exist, `when` names real entity values, no cycles.
import { createFirstSeen, filesOf, placeText, type FileOf, type Names } from './catalog';
import { problemAt, type ValidFile } from './check-file';
import { closingStep, describeCycle, ESCALATE, findCycles } from './flow-paths';
import { checkDiagnose } from './check-diagnose';
import type { FileKind } from './kinds';
import type { KnowledgeProblem, PathSegment } from './problems';

export function checkFlows(files: readonly ValidFile[], names: Names, broken: ReadonlySet<FileKind>): KnowledgeProblem[] {
  const flowIds = createFirstSeen();
  return filesOf(files, 'flow').flatMap((source) => {
    const earlier = flowIds.claim(source.data.flow.id, { file: source.file, line: source.locator.lineAt(['flow', 'id']) });
    const duplicate = earlier ? [problemAt(source, ['flow', 'id'], `duplicate flow id (first at ${placeText(earlier.place)})`)] : [];
    return [...duplicate, ...checkIntentRefs(source, names, broken), ...checkSteps(source), ...checkWhen(source, names, broken), ...checkDiagnose(source, names, broken)];
  });
}

function checkIntentRefs(source: FileOf<'flow'>, names: Names, broken: ReadonlySet<FileKind>): KnowledgeProblem[] {
  if (broken.has('intents')) return [];
  const { flow } = source.data;
  const refs: [PathSegment[], string][] = [
    ...(flow.triggers ?? []).map((name, i): [PathSegment[], string] => [['flow', 'triggers', i], name]),
    ...flow.steps.flatMap((step, s) => (step.intents ?? []).map((name, i): [PathSegment[], string] => [['flow', 'steps', s, 'intents', i], name])),
  ];
  return refs.filter(([, name]) => !names.intents.has(name)).map(([path, name]) => problemAt(source, path, `unknown intent "${name}"`));
}

function checkSteps(source: FileOf<'flow'>): KnowledgeProblem[] {
  const { steps } = source.data.flow;
  const problems: KnowledgeProblem[] = [];
  const ids = createFirstSeen();
  steps.forEach((step, i) => {
    const path = ['flow', 'steps', i, 'id'];
    if (step.id === ESCALATE) problems.push(problemAt(source, path, `"${ESCALATE}" is reserved for \`next\`; rename the step`));
    const earlier = ids.claim(step.id, { file: source.file, line: source.locator.lineAt(path) });
    if (earlier) problems.push(problemAt(source, path, `duplicate step id "${step.id}" (first at line ${earlier.place.line})`));
  });
  const known = new Set(steps.map((s) => s.id));
  steps.forEach((step, i) => {
    if (step.next !== undefined && step.next !== ESCALATE && !known.has(step.next)) {
      problems.push(problemAt(source, ['flow', 'steps', i, 'next'], `unknown step "${step.next}"; expected a step id of this flow or "${ESCALATE}"`));
    }
  });
  for (const cycle of findCycles(steps)) {
    const at = closingStep(steps, cycle);
    const message = `cycle ${describeCycle(steps, cycle)} never reaches a fix or escalation`;
    problems.push(problemAt(source, ['flow', 'steps', at, 'next'], message));
  }
  return problems;
}

function checkWhen(source: FileOf<'flow'>, names: Names, broken: ReadonlySet<FileKind>): KnowledgeProblem[] {
  if (broken.has('entities')) return [];
  return source.data.flow.steps.flatMap((step, s) =>
    Object.entries(step.when ?? {}).flatMap(([entity, values]) => {
      const path: PathSegment[] = ['flow', 'steps', s, 'when', entity];
      if (!names.entities.has(entity)) {
        return [problemAt(source, path, `unknown entity "${entity}"; expected one of ${[...names.entities.keys()].join(', ') || '(none defined)'}`)];
      }
      const allowed = names.entities.get(entity);
      if (allowed === undefined) return []; // a pattern entity: any value may come out of it
      return values.flatMap((value, i) =>
        allowed.includes(value) ? [] : [problemAt(source, [...path, i], `unknown value "${value}" for entity ${entity}; expected one of ${allowed.join(', ')}`)],
      );
    }),
  );
}
