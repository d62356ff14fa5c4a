// Disk access for the loader: every *.yaml under the knowledge directory, recursively, in a stable sorted order.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { KnowledgeProblem } from './problems';

export interface KnowledgeFile {
  /** Relative to the knowledge directory's parent with `/` separators, e.g. `knowledge/packs/x/flow.yaml`. */
  readonly path: string;
  readonly text: string;
}

export interface DirContents {
  readonly files: readonly KnowledgeFile[];
  readonly problems: readonly KnowledgeProblem[];
}

/** Reads the directory without throwing: unreadable entries and `.yml` files (easy to miss) become problems. */
export function readKnowledgeDir(dir: string): DirContents {
  const root = basename(resolve(dir));
  const files: KnowledgeFile[] = [];
  const problems: KnowledgeProblem[] = [];
  const show = (abs: string): string => [root, ...relative(dir, abs).split(sep)].filter(Boolean).join('/');
  const fail = (abs: string, error: unknown, what: string): void => {
    // Duck-typed: under test runners, fs errors may come from another realm's Error.
    const reason = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : String(error);
    problems.push({ file: show(abs), line: 1, path: '(root)', message: `cannot read ${what} (${reason})` });
  };

  const walk = (abs: string): void => {
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (error) {
      return fail(abs, error, 'the knowledge directory');
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(abs, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.yml')) {
        problems.push({ file: show(full), line: 1, path: '(root)', message: 'knowledge files end in .yaml; rename it' });
      } else if (entry.name.endsWith('.yaml')) {
        try {
          files.push({ path: show(full), text: readFileSync(full, 'utf8') });
        } catch (error) {
          fail(full, error, 'the file');
        }
      }
    }
  };
  walk(dir);
  return { files, problems };
}
