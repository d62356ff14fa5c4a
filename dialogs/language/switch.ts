// "English please", "en español", "auf Deutsch": the phrases each language's knowledge gives for asking for it
// (LanguageSpec.switch), matched as whole words in any language's message.
import type { Knowledge } from '../types';

export interface SwitchRequest {
  readonly language: string;
  /** The message without the phrase, for anything else it says ("en español: mi copia falla"). */
  readonly rest: string;
}

export type SwitchReader = (text: string) => SwitchRequest | undefined;

/** Lower case, accents dropped, letters and digits only: how phrases and messages are compared. */
const plain = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A reader over every language's switch phrases; the longest phrase wins ("in english please" over "english"). */
export function createSwitchReader(knowledges: readonly Knowledge[]): SwitchReader {
  const phrases = knowledges
    .flatMap((k) => (k.language?.switch ?? []).map((p) => ({ language: k.language?.code ?? 'en', phrase: plain(p) })))
    .filter((p) => p.phrase !== '')
    .sort((a, b) => b.phrase.length - a.phrase.length)
    .map((p) => ({ ...p, re: new RegExp(`(?:^| )${escape(p.phrase)}(?= |$)`, 'u') }));
  if (phrases.length === 0) return () => undefined;
  return (text) => {
    const said = plain(text);
    const found = phrases.find((p) => p.re.test(said));
    return found ? { language: found.language, rest: said.replace(found.re, ' ').trim() } : undefined;
  };
}
