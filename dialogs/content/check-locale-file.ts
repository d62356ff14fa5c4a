// One translation file on its own (knowledge/locales/<lang>/…): its kind from its name, YAML syntax, its strict schema.
import { kindOfFile } from './kinds';
import type { Locator } from './locate';
import { LOCALE_SCHEMAS, type LocaleData, type LocaleKind } from './locale-schema';
import { parseYaml } from './parse-yaml';
import { formatPath, type KnowledgeProblem, type PathSegment } from './problems';
import { issuesToProblems } from './schema-problems';

export type ValidLocaleFile = {
  readonly [K in LocaleKind]: {
    readonly file: string;
    readonly kind: K;
    readonly data: LocaleData[K];
    readonly locator: Locator;
  };
}[LocaleKind];

export type LocaleFileOf<K extends LocaleKind> = Extract<ValidLocaleFile, { readonly kind: K }>;

export type LocaleFileCheck =
  | { readonly ok: true; readonly valid: ValidLocaleFile }
  | { readonly ok: false; readonly problems: readonly KnowledgeProblem[] };

const isLocaleKind = (kind: string | undefined): kind is LocaleKind => kind !== undefined && Object.hasOwn(LOCALE_SCHEMAS, kind);

export function checkLocaleFile(file: string, text: string): LocaleFileCheck {
  const kind = kindOfFile(file);
  if (!isLocaleKind(kind)) {
    const why = kind === 'helpdesk' ? 'help-desk hours are not words: they stay in the source knowledge only' : `unknown file kind in a locale; expected one of ${Object.keys(LOCALE_SCHEMAS).map((k) => `${k}`).join(', ')} files (bot.yaml, smalltalk.yaml, intents.yaml, flow.yaml, entities.yaml, escalation.yaml, language.yaml)`;
    return { ok: false, problems: [{ file, line: 1, path: '(root)', message: why }] };
  }
  const parsed = parseYaml(file, text);
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };
  if (parsed.data === null || parsed.data === undefined) return { ok: false, problems: [{ file, line: 1, path: '(root)', message: 'empty file' }] };
  const result = LOCALE_SCHEMAS[kind].safeParse(parsed.data, { reportInput: true });
  if (!result.success) return { ok: false, problems: issuesToProblems(file, parsed.locator, result.error.issues) };
  // As in check-file.ts: the discriminant and the data come from the same schema entry.
  return { ok: true, valid: { file, kind, data: result.data, locator: parsed.locator } as ValidLocaleFile };
}

export function localeFilesOf<K extends LocaleKind>(files: readonly ValidLocaleFile[], kind: K): LocaleFileOf<K>[] {
  return files.filter((f): f is LocaleFileOf<K> => f.kind === kind);
}

/** A problem at `path` in a valid translation file. */
export function localeProblemAt(source: ValidLocaleFile, path: readonly PathSegment[], message: string): KnowledgeProblem {
  return { file: source.file, line: source.locator.lineAt(path), path: formatPath(path), message };
}
