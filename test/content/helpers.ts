// Test helpers: the minimal valid knowledge as in-memory files under `knowledge/`, and ways to break it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, type KnowledgeFile, type LoadResult } from '../../dialogs';
import { readKnowledgeDir } from '../../dialogs/content/read-dir';

export const MINIMAL_DIR = join(__dirname, 'fixtures', 'minimal');
export const BROKEN_DIR = join(__dirname, 'broken');

/** The minimal set as if it were the real `knowledge/` directory. */
export function minimalFiles(): KnowledgeFile[] {
  return readKnowledgeDir(MINIMAL_DIR).files.map((f) => ({ ...f, path: f.path.replace(/^minimal\//, 'knowledge/') }));
}

/** `files` with `path` replaced (or added) by `text`. */
export function withFile(files: readonly KnowledgeFile[], path: string, text: string): KnowledgeFile[] {
  return [...files.filter((f) => f.path !== path), { path, text }];
}

export function brokenFixture(name: string): string {
  return readFileSync(join(BROKEN_DIR, name), 'utf8');
}

/** The problems of a result as printed by `npm run validate`; empty when it loaded. */
export function problemLines(result: LoadResult): string[] {
  return result.ok ? [] : result.problems.map(formatProblem);
}
