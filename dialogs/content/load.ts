// The loader: knowledge files → { ok, knowledge, languages } or every problem at once. Never throws on bad content.
// Files under `<root>/locales/<lang>/` are translations of the rest (the source, English): each locale becomes a full
// Knowledge of its own with the same ids; what a locale lacks or has let go stale is a warning, not a problem.
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import type { Knowledge } from '../types';
import { buildKnowledge } from './build';
import { checkFile, type ValidFile } from './check-file';
import { crossCheck } from './cross-check';
import { localeOfFile, type FileKind } from './kinds';
import { loadLocales } from './load-locales';
import { comparePaths, sortProblems, type KnowledgeProblem } from './problems';
import { readKnowledgeDir, type KnowledgeFile } from './read-dir';

export type LoadResult =
  | {
    readonly ok: true;
    /** The source knowledge (English). */
    readonly knowledge: Knowledge;
    readonly files: readonly string[];
    /** Each locale's knowledge by language code (`es`, `de`; a notice-only locale too), same ids as `knowledge`. */
    readonly languages: Readonly<Record<string, Knowledge>>;
    /** Translations missing, stale, or of ids the English no longer has: the English is used meanwhile. */
    readonly warnings: readonly KnowledgeProblem[];
  }
  | { readonly ok: false; readonly problems: readonly KnowledgeProblem[] };

export interface ParseOptions {
  /** The knowledge directory as shown in problems about missing files; defaults to the first path segment of the files. */
  readonly root?: string;
}

/** Reads every *.yaml under `dir` (recursively; see `comparePaths` for the order) and validates it as a whole. */
export function loadKnowledge(dir: string): LoadResult {
  const read = readKnowledgeDir(dir);
  // Nothing readable at all (no such directory): that one problem says it all.
  if (read.files.length === 0 && read.problems.length > 0) return { ok: false, problems: read.problems };
  const result = parseKnowledge(read.files, { root: basename(resolve(dir)) });
  if (read.problems.length === 0) return result;
  return { ok: false, problems: sortProblems([...read.problems, ...(result.ok ? [] : result.problems)]) };
}

/** The same without disk access: `path` is shown in problems and sources as given. */
export function parseKnowledge(files: readonly KnowledgeFile[], options: ParseOptions = {}): LoadResult {
  const sorted = [...files].sort((a, b) => comparePaths(a.path, b.path));
  const root = options.root ?? topDir(sorted[0]?.path);
  const source = sorted.filter((f) => localeOfFile(f.path) === undefined);
  const valid: ValidFile[] = [];
  const broken = new Set<FileKind>();
  const problems: KnowledgeProblem[] = [];
  for (const { path, text } of source) {
    const checked = checkFile(path, text);
    if (checked.ok) valid.push(checked.valid);
    else {
      problems.push(...checked.problems);
      if (checked.kind) broken.add(checked.kind);
    }
  }
  problems.push(...crossCheck(valid, { broken, root }));
  const english = problems.length === 0 ? buildKnowledge(valid, hashFiles(source)) : undefined;
  const locales = loadLocales(sorted.filter((f) => localeOfFile(f.path) !== undefined), valid, english);
  problems.push(...locales.problems);
  if (problems.length > 0 || !english) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, knowledge: english, files: sorted.map((f) => f.path), languages: locales.languages, warnings: sortProblems(locales.warnings) };
}

function topDir(path: string | undefined): string {
  return path?.includes('/') ? path.split('/')[0] : '.';
}

/** sha256 over paths and contents, so a renamed file changes the hash too. */
export function hashFiles(files: readonly KnowledgeFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.path).update('\0').update(file.text).update('\0');
  return hash.digest('hex');
}
