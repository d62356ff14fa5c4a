// The web chat page's own words (its title, the embed launcher's label, the close button) per spoken language: from
// knowledge (language.yaml `page:`), the source's where a locale has none, and this table's English last (knowledge
// without a language.yaml, as in tests). Web Chat's own words (send box, "Send") follow its `locale` prop.
import { languageOfLocale, type Knowledge } from '../../dialogs';

export interface PageWords {
  /** The page's title; absent: the bot's name (BOT_NAME) alone. */
  readonly title?: string;
  readonly launcher: string;
  readonly close: string;
}

const LAST_RESORT: PageWords = { launcher: 'Open the chat', close: 'Close chat' };

export interface WebLanguages {
  /** The source language's code (`en`). */
  readonly source: string;
  /** Spoken language code → its page words. */
  readonly words: Readonly<Record<string, PageWords>>;
}

export function webLanguages(source: Knowledge, languages: Readonly<Record<string, Knowledge>> = {}): WebLanguages {
  const code = (k: Knowledge) => k.language?.code ?? 'en';
  const base: PageWords = { ...LAST_RESORT, ...source.language?.page };
  const words: Record<string, PageWords> = { [code(source)]: base };
  for (const k of Object.values(languages)) if (k.language?.spoken !== false) words[code(k)] = { ...base, ...k.language?.page };
  return { source: code(source), words };
}

/** A BCP-47 tag we accept from a page or a host site (`es`, `es-MX`, `zh-Hant-TW`), else undefined. */
export function cleanLocale(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/.test(value) ? value : undefined;
}

/** The page's language: the locale asked for when the bot speaks it, else the first spoken one the browser accepts. */
export function pageLanguage(web: WebLanguages, locale: string | undefined, accepts: (codes: string[]) => string | false): string {
  const asked = languageOfLocale(locale);
  if (asked !== undefined && Object.hasOwn(web.words, asked)) return asked;
  const accepted = accepts(Object.keys(web.words));
  return typeof accepted === 'string' ? accepted : web.source;
}
