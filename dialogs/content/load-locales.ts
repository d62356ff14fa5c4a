// The translations under <root>/locales/<lang>/: each file checked on its own, each locale against the English, and
// each locale built into a Knowledge of its own (once the English is valid).
import type { Knowledge } from '../types';
import { createHash } from 'node:crypto';
import type { ValidFile } from './check-file';
import { checkLocaleFile, localeFilesOf, type ValidLocaleFile } from './check-locale-file';
import { checkLocaleIntents } from './check-locale-intents';
import { checkLocaleShape } from './check-locale-shape';
import { translationStatus } from './check-locale-status';
import { englishEntries } from './english-entries';
import { localeOfFile } from './kinds';
import { indexLocale } from './locale-entries';
import { localizeKnowledge } from './localize';
import type { KnowledgeProblem } from './problems';
import type { KnowledgeFile } from './read-dir';

export interface LoadedLocales {
  readonly languages: Readonly<Record<string, Knowledge>>;
  readonly problems: readonly KnowledgeProblem[];
  readonly warnings: readonly KnowledgeProblem[];
}

/** `english`: the built source knowledge, or undefined when it has problems (then locale files are checked alone). */
export function loadLocales(files: readonly KnowledgeFile[], source: readonly ValidFile[], english: Knowledge | undefined): LoadedLocales {
  const byLang = new Map<string, KnowledgeFile[]>();
  for (const f of files) {
    const lang = localeOfFile(f.path) as string;
    byLang.set(lang, [...(byLang.get(lang) ?? []), f]);
  }
  const problems: KnowledgeProblem[] = [];
  const warnings: KnowledgeProblem[] = [];
  const languages: Record<string, Knowledge> = {};
  const entries = english ? englishEntries(source) : [];
  for (const [lang, group] of byLang) {
    const valid: ValidLocaleFile[] = [];
    for (const f of group) {
      const checked = checkLocaleFile(f.path, f.text);
      if (checked.ok) valid.push(checked.valid);
      else problems.push(...checked.problems);
    }
    if (!english) continue;
    const index = indexLocale(valid);
    const shape = checkLocaleShape(lang, valid, source);
    const own = [...index.problems, ...shape.problems, ...checkLocaleIntents(valid, source)];
    problems.push(...own);
    warnings.push(...shape.warnings);
    const [language] = localeFilesOf(valid, 'language');
    const spoken = language?.data.language.spoken ?? true;
    warnings.push(...translationStatus(entries, index, { lang, spoken }));
    if (language && spoken && !language.data.language.answers) {
      warnings.push({ file: language.file, line: language.locator.lineAt(['language']), path: 'language.answers', message: 'no answers: yes/no is read the English way in this language' });
    }
    if (language && !spoken && !index.entries.has('reply:language_unsupported')) {
      warnings.push({ file: language.file, line: 1, path: 'language', message: 'a locale the bot does not speak is there for `language_unsupported` (bot.yaml): it has none' });
    }
    if (own.length === 0 && valid.length === group.length) languages[lang] = localizeKnowledge(english, valid, localeHash(english.hash, group));
  }
  return { languages, problems, warnings };
}

/** The locale's own hash: the English it falls back to, and its files (paths and contents). */
function localeHash(englishHash: string, files: readonly KnowledgeFile[]): string {
  const hash = createHash('sha256').update(englishHash).update('\0');
  for (const f of files) hash.update(f.path).update('\0').update(f.text).update('\0');
  return hash.digest('hex');
}
