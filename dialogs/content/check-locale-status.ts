// Translation status of one locale against the English: each entry missing (the English is used), stale (the English
// changed after it was translated) or with no English entry left. Warnings: the bot starts and falls back to English.
import type { EnglishEntry } from './english-entries';
import type { LocaleIndex } from './locale-entries';
import { formatPath, type KnowledgeProblem } from './problems';

const WHAT: Readonly<Record<string, string>> = {
  reply: 'reply', intent: 'intent', flow: 'flow', diagnose: 'diagnostic question of flow', step: 'step', entity: 'entity', contact: 'contact',
};

/** `knowledge/packs/x/flow.yaml` → `knowledge/locales/es/packs/x/flow.yaml`: where a translation of it belongs. */
export function mirrorPath(englishFile: string, lang: string): string {
  const [root, ...rest] = englishFile.split('/');
  return [root, 'locales', lang, ...rest].join('/');
}

export interface StatusOptions {
  readonly lang: string;
  /** A locale that only holds a few notices (language.yaml `spoken: false`): what it lacks is not missing. */
  readonly spoken: boolean;
}

export function translationStatus(english: readonly EnglishEntry[], locale: LocaleIndex, options: StatusOptions): KnowledgeProblem[] {
  const warnings: KnowledgeProblem[] = [];
  const known = new Set(english.map((e) => e.key));
  for (const e of english) {
    const t = locale.entries.get(e.key);
    const origin = `English at ${e.file}:${e.line}`;
    if (!t) {
      if (!options.spoken) continue;
      warnings.push({ file: mirrorPath(e.file, options.lang), line: 1, path: formatPath(e.path), message: `missing translation, the English is used (write it with en: ${e.hash}; ${origin})` });
    } else if (t.en === 'new') {
      warnings.push({ file: t.source.file, line: t.source.locator.lineAt(t.path), path: formatPath(t.path), message: `new translation, not stamped yet (npm run translations -- stamp ${options.lang}; ${origin})` });
    } else if (t.en !== e.hash) {
      const was = t.en === undefined ? 'no en: hash' : `en: ${t.en}`;
      warnings.push({ file: t.source.file, line: t.source.locator.lineAt(t.path), path: formatPath(t.path), message: `stale translation: the English changed since (${was}, now ${e.hash}; ${origin})` });
    }
  }
  for (const t of locale.entries.values()) {
    if (known.has(t.key)) continue;
    const [kind, id] = [t.key.slice(0, t.key.indexOf(':')), t.key.slice(t.key.indexOf(':') + 1)];
    // An entity without labels in English has nothing to translate: synonyms of its own are welcome.
    if (kind === 'entity' && t.en === undefined) continue;
    const what = kind === 'entity' ? 'entity with labels' : WHAT[kind] ?? kind;
    warnings.push({ file: t.source.file, line: t.source.locator.lineAt(t.path), path: formatPath(t.path), message: `no English ${what} "${id}" any more (renamed or removed?): this translation is not used` });
  }
  return warnings;
}
