// Knowledge problems: one plain value per thing wrong in the YAML, printed as `file:line  path  message`.

/** One segment of a path into a YAML document: a map key or a list index. */
export type PathSegment = string | number;

export interface KnowledgeProblem {
  /** Relative to the knowledge directory's parent, e.g. `knowledge/bot.yaml`. */
  readonly file: string;
  /** 1-based line of the offending key or value (the nearest existing parent when a key is missing). */
  readonly line: number;
  /** Dotted path into the document, e.g. `replies.welcome.chek` or `flow.steps[2].next`; `(root)` for the whole file. */
  readonly path: string;
  readonly message: string;
}

/** `replies.welcome.text`, `flow.steps[2].next`; an empty path is `(root)`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  }
  return out === '' ? '(root)' : out;
}

/** The one-line form printed by `npm run validate` and at start-up. */
export function formatProblem(problem: KnowledgeProblem): string {
  return `${problem.file}:${problem.line}  ${problem.path}  ${problem.message}`;
}

/**
 * The order files are read and reported in: in each folder its files first, then its subfolders, each by name.
 * So `knowledge/smalltalk.yaml` comes before `knowledge/packs/…`, and "(first at …)" points at the global file.
 */
export function comparePaths(a: string, b: string): number {
  const as = a.split('/');
  const bs = b.split('/');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    if (as[i] === bs[i]) continue;
    const aIsFile = i === as.length - 1;
    const bIsFile = i === bs.length - 1;
    if (aIsFile !== bIsFile) return aIsFile ? -1 : 1;
    return as[i] < bs[i] ? -1 : 1;
  }
  return as.length - bs.length;
}

/** Files in reading order, then by line; problems on the same line keep the order they were found in. */
export function sortProblems(problems: readonly KnowledgeProblem[]): KnowledgeProblem[] {
  return [...problems].sort((a, b) => comparePaths(a.file, b.file) || a.line - b.line);
}
