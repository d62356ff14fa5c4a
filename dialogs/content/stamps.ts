// What `npm run translations -- stamp <lang>` writes: for each translation marked `en: new` (or, asked to, each stale
// one a translator has brought up to date), the hash of the English it now translates.
import { basename, resolve } from 'node:path';
import { checkFile, type ValidFile } from './check-file';
import { checkLocaleFile, type ValidLocaleFile } from './check-locale-file';
import { englishEntries } from './english-entries';
import { localeOfFile } from './kinds';
import { indexLocale } from './locale-entries';
import type { KnowledgeProblem, PathSegment } from './problems';
import { readKnowledgeDir } from './read-dir';

export interface Stamp {
  readonly file: string;
  /** Where the entry is; its `en` key is set to `hash`. */
  readonly path: readonly PathSegment[];
  readonly hash: string;
  readonly was?: string;
}

export function translationStamps(dir: string, lang: string, options: { readonly stale: boolean }): { readonly stamps: readonly Stamp[]; readonly problems: readonly KnowledgeProblem[] } {
  const { files, problems } = readKnowledgeDir(dir);
  const source: ValidFile[] = [];
  const locale: ValidLocaleFile[] = [];
  const found: KnowledgeProblem[] = [...problems];
  for (const f of files) {
    const of = localeOfFile(f.path);
    if (of !== undefined && of !== lang) continue;
    const checked = of === undefined ? checkFile(f.path, f.text) : checkLocaleFile(f.path, f.text);
    if (!checked.ok) found.push(...checked.problems);
    else if (of === undefined) source.push(checked.valid as ValidFile);
    else locale.push(checked.valid as ValidLocaleFile);
  }
  if (found.length > 0 || locale.length === 0) {
    return { stamps: [], problems: locale.length === 0 && found.length === 0 ? [{ file: `${basename(resolve(dir))}/locales/${lang}`, line: 1, path: '(root)', message: 'no such locale' }] : found };
  }
  const index = indexLocale(locale);
  const stamps = englishEntries(source).flatMap((e): Stamp[] => {
    const t = index.entries.get(e.key);
    if (!t || t.en === e.hash || (t.en !== 'new' && !options.stale)) return [];
    return [{ file: t.source.file, path: t.path, hash: e.hash, ...(t.en !== undefined ? { was: t.en } : {}) }];
  });
  return { stamps, problems: index.problems };
}
