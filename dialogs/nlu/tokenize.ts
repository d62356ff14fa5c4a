// Tokenising and stemming on natural's submodules. Stop words are kept: "where are you from" must not vanish.
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { normalizeText } from './normalize';

// Split on anything that is not a letter or digit in any script (natural's WordTokenizer knows only Latin and Cyrillic).
const tokenizer = new RegexpTokenizer({ pattern: /[^\p{L}\p{N}]+/u });
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;
const MAX_SYMBOLS = 8;

/** Words of already-normalised text. */
export function tokenizeNormalized(normalized: string): string[] {
  return normalized.length === 0 ? [] : tokenizer.tokenize(normalized);
}

/** Normalise then tokenise. */
export function tokenize(text: string): string[] {
  return tokenizeNormalized(normalizeText(text));
}

/** Words of a message for the features; a message of symbols only (👍, ?!) keeps its symbols, so it never becomes empty. */
export function tokenizeMessage(text: string): string[] {
  const words = tokenize(text);
  return words.length > 0 ? words : [...text].filter((ch) => /\S/u.test(ch)).slice(0, MAX_SYMBOLS);
}

/** Porter stem of one lower-case word, memoised because the same few thousand words recur. */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = /^\p{N}+$/u.test(word) ? word : PorterStemmer.stem(word);
    if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(word, stemmed);
  }
  return stemmed;
}
