// A language's reading of text for the NLU: its normaliser, the shared Unicode tokenizer, and natural's stemmer for it.
// English (no LanguageSpec) is read exactly as before languages existed.
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers';
import type { LanguageSpec } from '../types';
import { createNormalizer, normalizeText, type Normalizer } from './normalize';
import { stemmerFor } from './stemmers';

// One tokenizer for every language: split on anything that is not a letter or digit in any script. natural's
// per-language aggressive tokenizers drop digits ("iOS 17") or keep apostrophes and hyphens inside words.
const tokenizer = new RegexpTokenizer({ pattern: /[^\p{L}\p{N}]+/u });
const STEM_CACHE_LIMIT = 50_000;
const MAX_SYMBOLS = 8;

export interface Analyzer {
  /** The language code (`en` for the built-in reading). */
  readonly language: string;
  readonly normalize: Normalizer;
  /** Words of already-normalised text. */
  tokenizeNormalized(normalized: string): string[];
  /** Normalise then tokenise. */
  tokenize(text: string): string[];
  /** Words of a message for the features; a message of symbols only (👍, ?!) keeps its symbols, so it is never empty. */
  tokenizeMessage(text: string): string[];
  /** The stem of one normalised word, memoised (the same few thousand words recur). */
  stem(word: string): string;
}

function createAnalyzer(language: string, normalize: Normalizer, stemmerName: string): Analyzer {
  const stemmer = stemmerFor(stemmerName);
  const cache = new Map<string, string>();
  const tokenizeNormalized = (normalized: string) => (normalized.length === 0 ? [] : tokenizer.tokenize(normalized));
  const tokenize = (text: string) => tokenizeNormalized(normalize(text));
  return {
    language,
    normalize,
    tokenizeNormalized,
    tokenize,
    tokenizeMessage(text) {
      const words = tokenize(text);
      return words.length > 0 ? words : [...text].filter((ch) => /\S/u.test(ch)).slice(0, MAX_SYMBOLS);
    },
    stem(word) {
      let stemmed = cache.get(word);
      if (stemmed === undefined) {
        stemmed = /^\p{N}+$/u.test(word) ? word : stemmer.stem(word);
        if (cache.size < STEM_CACHE_LIMIT) cache.set(word, stemmed);
      }
      return stemmed;
    },
  };
}

/** The built-in English reading (Porter stemmer, English contractions and shorthand). */
export const ENGLISH_ANALYZER: Analyzer = createAnalyzer('en', normalizeText, 'en');

const analyzers = new Map<string, Analyzer>();

/** The analyzer for a knowledge base's language; the same spec gets the same (cached) analyzer. */
export function analyzerFor(spec: LanguageSpec | undefined): Analyzer {
  if (!spec || (spec.code === 'en' && spec.stemmer === 'en' && !spec.fold && !spec.shorthand)) return ENGLISH_ANALYZER;
  const key = JSON.stringify([spec.code, spec.stemmer, spec.fold ?? {}, spec.shorthand ?? {}]);
  let analyzer = analyzers.get(key);
  if (!analyzer) {
    const normalize = createNormalizer({ english: spec.code === 'en', fold: spec.fold, shorthand: spec.shorthand });
    analyzer = createAnalyzer(spec.code, normalize, spec.stemmer);
    analyzers.set(key, analyzer);
  }
  return analyzer;
}
