// Cross-checks of a translation's shape against the English. What the English no longer has (a choice value, option
// id, entity value or a link the English dropped) is a warning: the translation's extra is not used, and an English
// edit never stops the bot over a locale. Its own mistakes are problems: regular expressions that do not compile, a
// language.yaml missing or naming another language.
import { filesOf } from './catalog';
import type { ValidFile } from './check-file';
import { localeFilesOf, localeProblemAt, type ValidLocaleFile } from './check-locale-file';
import { regexError } from './check-entities';
import type { KnowledgeProblem, PathSegment } from './problems';

interface EnglishShape {
  readonly choices: ReadonlyMap<string, readonly string[]>;
  readonly replyLinks: ReadonlyMap<string, number>;
  readonly stepLinks: ReadonlyMap<string, number>;
  readonly options: ReadonlyMap<string, readonly string[]>;
  readonly entities: ReadonlyMap<string, readonly string[] | undefined>;
  readonly contactLinks: ReadonlyMap<string, number>;
}

function englishShape(files: readonly ValidFile[]): EnglishShape {
  const replies = filesOf(files, 'replies').flatMap((f) => Object.entries(f.data.replies));
  const flows = filesOf(files, 'flow').map((f) => f.data.flow);
  return {
    choices: new Map(replies.map(([id, r]) => [id, (r.choices ?? []).map((c) => c.value)])),
    replyLinks: new Map(replies.map(([id, r]) => [id, r.links?.length ?? 0])),
    stepLinks: new Map(flows.flatMap((flow) => flow.steps.map((s) => [`${flow.id}/${s.id}`, s.links?.length ?? 0] as const))),
    options: new Map(flows.map((flow) => [flow.id, (flow.diagnose?.options ?? []).map((o) => o.id)])),
    entities: new Map(filesOf(files, 'entities').flatMap((f) => Object.entries(f.data.entities).map(([n, e]) => [n, e.values ? Object.keys(e.values) : undefined] as const))),
    contactLinks: new Map(filesOf(files, 'contacts').flatMap((f) => f.data.contacts.map((c) => [c.region, c.links?.length ?? 0] as const))),
  };
}

export interface LocaleShape {
  /** The locale's own mistakes: the bot does not start. */
  readonly problems: readonly KnowledgeProblem[];
  /** What the English no longer has: not used, said so. */
  readonly warnings: readonly KnowledgeProblem[];
}

export function checkLocaleShape(lang: string, files: readonly ValidLocaleFile[], english: readonly ValidFile[]): LocaleShape {
  const en = englishShape(english);
  const problems: KnowledgeProblem[] = [];
  const warnings: KnowledgeProblem[] = [];
  const at = (source: ValidLocaleFile, path: PathSegment[], message: string) => warnings.push(localeProblemAt(source, path, `${message} (not used)`));
  const links = (source: ValidLocaleFile, path: PathSegment[], count: number, max: number | undefined) => {
    if (max !== undefined && count > max) at(source, [...path, 'links'], `${count} links, but the English has ${max}: give the English links' titles in their order`);
  };
  for (const source of localeFilesOf(files, 'replies')) {
    for (const [id, r] of Object.entries(source.data.replies)) {
      const values = en.choices.get(id);
      for (const value of Object.keys(r.choices ?? {})) {
        if (values && !values.includes(value)) at(source, ['replies', id, 'choices', value], `no choice with value "${value}" in the English reply; expected one of ${values.join(', ') || '(none)'}`);
      }
      links(source, ['replies', id], r.links?.length ?? 0, en.replyLinks.get(id));
    }
  }
  for (const source of localeFilesOf(files, 'flow')) {
    const { flow } = source.data;
    const ids = en.options.get(flow.id);
    for (const option of Object.keys(flow.diagnose?.options ?? {})) {
      if (ids && !ids.includes(option)) at(source, ['flow', 'diagnose', 'options', option], `no option "${option}" in the English diagnostic question; expected one of ${ids.join(', ')}`);
    }
    for (const [id, step] of Object.entries(flow.steps ?? {})) links(source, ['flow', 'steps', id], step.links?.length ?? 0, en.stepLinks.get(`${flow.id}/${id}`));
  }
  for (const source of localeFilesOf(files, 'entities')) {
    for (const [name, entity] of Object.entries(source.data.entities)) {
      if (!en.entities.has(name)) {
        at(source, ['entities', name], `no English entity "${name}": a locale adds words to the English entities, it does not define new ones`);
        continue;
      }
      const values = en.entities.get(name);
      for (const [part, map] of [['values', entity.values], ['labels', entity.labels]] as const) {
        for (const value of Object.keys(map ?? {})) {
          if (!values?.includes(value)) at(source, ['entities', name, part, value], `no value "${value}" in the English entity; expected one of ${values?.join(', ') ?? '(a pattern entity has no values)'}`);
        }
      }
      (entity.patterns ?? []).forEach((p, i) => {
        const error = regexError(p);
        if (error) problems.push(localeProblemAt(source, ['entities', name, 'patterns', i], `invalid regular expression: ${error}`));
      });
    }
  }
  for (const source of localeFilesOf(files, 'contacts')) {
    for (const [region, c] of Object.entries(source.data.contacts)) links(source, ['contacts', region], c.links?.length ?? 0, en.contactLinks.get(region));
  }
  return { problems: [...problems, ...checkLanguageFile(lang, files)], warnings };
}

/** Exactly one language.yaml, naming the folder's language, with answer patterns that compile. */
function checkLanguageFile(lang: string, files: readonly ValidLocaleFile[]): KnowledgeProblem[] {
  const found = localeFilesOf(files, 'language');
  const problems: KnowledgeProblem[] = [];
  if (found.length === 0) {
    const dir = files[0]?.file.split('/').slice(0, 3).join('/') ?? `locales/${lang}`;
    return [{ file: `${dir}/language.yaml`, line: 1, path: 'language', message: `missing file: language.yaml (code: ${lang}, its answers and switch phrases)` }];
  }
  found.slice(1).forEach((source) => problems.push(localeProblemAt(source, ['language'], `a second language.yaml in locale ${lang} (first at ${found[0].file})`)));
  const [source] = found;
  const { language } = source.data;
  if (language.code !== lang) problems.push(localeProblemAt(source, ['language', 'code'], `code "${language.code}" in the folder of locale "${lang}"`));
  (language.answers ?? []).forEach((rule, i) => (rule.patterns ?? []).forEach((p, j) => {
    const error = regexError(p);
    if (error) problems.push(localeProblemAt(source, ['language', 'answers', i, 'patterns', j], `invalid regular expression: ${error}`));
  }));
  return problems;
}
