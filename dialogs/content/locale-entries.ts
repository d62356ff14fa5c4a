// The entries a locale's files hold, keyed like the English ones (english-entries.ts), each with the hash it records
// and where it is; the same entry in two files of a locale is a problem.
import { createFirstSeen, placeText } from './catalog';
import { localeFilesOf, localeProblemAt, type ValidLocaleFile } from './check-locale-file';
import type { KnowledgeProblem, PathSegment } from './problems';

export interface LocaleEntry {
  readonly key: string;
  /** The `en:` it records (absent: an entity with synonyms only). */
  readonly en?: string;
  readonly source: ValidLocaleFile;
  readonly path: readonly PathSegment[];
}

export interface LocaleIndex {
  readonly entries: ReadonlyMap<string, LocaleEntry>;
  readonly problems: readonly KnowledgeProblem[];
}

export function indexLocale(files: readonly ValidLocaleFile[]): LocaleIndex {
  const entries = new Map<string, LocaleEntry>();
  const problems: KnowledgeProblem[] = [];
  const seen = createFirstSeen();
  const add = (source: ValidLocaleFile, key: string, path: PathSegment[], en: string | undefined) => {
    const earlier = seen.claim(key, { file: source.file, line: source.locator.lineAt(path) });
    if (earlier) problems.push(localeProblemAt(source, path, `translated twice (first at ${placeText(earlier.place)})`));
    else entries.set(key, { key, source, path, ...(en !== undefined && { en }) });
  };
  for (const source of localeFilesOf(files, 'replies')) {
    for (const [id, r] of Object.entries(source.data.replies)) add(source, `reply:${id}`, ['replies', id], r.en);
  }
  for (const source of localeFilesOf(files, 'intents')) {
    for (const [name, intent] of Object.entries(source.data.intents ?? {})) add(source, `intent:${name}`, ['intents', name], intent.en);
  }
  for (const source of localeFilesOf(files, 'flow')) {
    const { flow } = source.data;
    add(source, `flow:${flow.id}`, ['flow'], flow.en);
    if (flow.diagnose) add(source, `diagnose:${flow.id}`, ['flow', 'diagnose'], flow.diagnose.en);
    for (const [id, step] of Object.entries(flow.steps ?? {})) add(source, `step:${flow.id}/${id}`, ['flow', 'steps', id], step.en);
  }
  for (const source of localeFilesOf(files, 'entities')) {
    for (const [name, entity] of Object.entries(source.data.entities)) add(source, `entity:${name}`, ['entities', name], entity.en);
  }
  for (const source of localeFilesOf(files, 'contacts')) {
    for (const [region, contact] of Object.entries(source.data.contacts)) add(source, `contact:${region}`, ['contacts', region], contact.en);
  }
  return { entries, problems };
}
