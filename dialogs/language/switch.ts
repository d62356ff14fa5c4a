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

/** The message without the words of `phrase` (compared plainly), as typed: accents and case kept for the NLU. */
function without(text: string, phrase: string): string {
  const parts = text.split(/([^\p{L}\p{N}]+)/u);
  const wanted = phrase.split(' ');
  const words = parts.map((p, i) => (i % 2 === 0 ? plain(p) : null));
  for (let i = 0; i < parts.length; i += 2) {
    if (wanted.every((w, j) => words[i + 2 * j] === w)) {
      return [...parts.slice(0, i), ...parts.slice(i + 2 * wanted.length - 1)].join('').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').trim();
    }
  }
  return text;
}

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
    return found ? { language: found.language, rest: without(text, found.phrase) } : undefined;
  };
}
