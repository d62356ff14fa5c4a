// One knowledge file on its own: its kind from its name, YAML syntax, then the strict schema of that kind.
import { kindOfFile, knownFileNames, type FileKind } from './kinds';
import type { Locator } from './locate';
import { parseYaml } from './parse-yaml';
import { formatPath, type KnowledgeProblem, type PathSegment } from './problems';
import { SCHEMAS, type KindData } from './schema';
import { issuesToProblems } from './schema-problems';

/** A file that passed its schema: typed data, plus a way to point problems at its lines. */
export type ValidFile = {
  readonly [K in FileKind]: {
    readonly file: string;
    readonly kind: K;
    readonly data: KindData[K];
    readonly locator: Locator;
  };
}[FileKind];

export type FileCheck =
  | { readonly ok: true; readonly valid: ValidFile }
  | { readonly ok: false; readonly kind?: FileKind; readonly problems: readonly KnowledgeProblem[] };

export function checkFile(file: string, text: string): FileCheck {
  const kind = kindOfFile(file);
  if (!kind) {
    return { ok: false, problems: [{ file, line: 1, path: '(root)', message: `unknown file kind; expected one of ${knownFileNames()}` }] };
  }
  const parsed = parseYaml(file, text);
  if (parsed.problems.length > 0) return { ok: false, kind, problems: parsed.problems };
  if (parsed.data === null || parsed.data === undefined) {
    // Every kind's top-level key is the kind's own name (`replies:`, `intents:`, `flow:`, …).
    return { ok: false, kind, problems: [{ file, line: 1, path: '(root)', message: `empty file; expected \`${kind}:\`` }] };
  }
  const result = SCHEMAS[kind].safeParse(parsed.data, { reportInput: true });
  if (!result.success) return { ok: false, kind, problems: issuesToProblems(file, parsed.locator, result.error.issues) };
  // The discriminant and the data come from the same SCHEMAS entry; TypeScript cannot correlate them by itself.
  return { ok: true, valid: { file, kind, data: result.data, locator: parsed.locator } as ValidFile };
}

/** A problem at `path` in a valid file. */
export function problemAt(source: ValidFile, path: readonly PathSegment[], message: string): KnowledgeProblem {
  return { file: source.file, line: source.locator.lineAt(path), path: formatPath(path), message };
}
