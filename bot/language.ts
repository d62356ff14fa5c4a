// The edge's own words (an apology, the rate-limit notice, Slack's "You chose", Teams' private-chat offer) in the
// user's language: the locale's knowledge when the bot has one for it, else the source's.
import { languageOfLocale, type Knowledge } from '../dialogs';

export type KnowledgeByLanguage<K = Knowledge> = Readonly<Record<string, K>>;

/** The knowledge for `language` (a code or a BCP-47 locale such as es-MX), else `source`. */
export function inLanguage<K>(source: K, languages: KnowledgeByLanguage<K> | undefined, language: string | undefined): K {
  const code = languageOfLocale(language);
  return (code !== undefined && languages && Object.hasOwn(languages, code) ? languages[code] : undefined) ?? source;
}
