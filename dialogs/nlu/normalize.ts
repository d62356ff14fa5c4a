// Text normalisation before tokenising: unicode, case, letter folds, quotes, compounds (wi-fi → wifi), contractions
// and shorthand. English is built in; another language brings its folds and shorthand from knowledge (language.yaml).
import { COMPOUNDS, CONTRACTION_SUFFIXES, CONTRACTIONS, PRODUCT_SHORTHAND, SHORTHAND } from './lexicon';

const COMBINING_MARKS = /\p{M}+/gu;
const QUOTES = /[\u2018\u2019\u201b\u2032\u00b4`]/g;
const WORDS = /[\p{L}\p{N}']+/gu;
const NON_WORD = /[^\p{L}\p{N}']+/gu;

export type Normalizer = (text: string) => string;

export interface NormalizerOptions {
  /** English contractions and shorthand (the built-in lexicon); otherwise only `shorthand` and product typos. */
  readonly english: boolean;
  /** Letters replaced before accents are dropped (`ä` → `ae`). */
  readonly fold?: Readonly<Record<string, string>>;
  /** Whole words → their spelling in the examples. */
  readonly shorthand?: Readonly<Record<string, string>>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const own = (table: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

/** Lower case, folds applied, accents dropped: the letters every other step works on. */
function letters(text: string, fold: RegExp | undefined, folds: Readonly<Record<string, string>>): string {
  let out = text.normalize('NFKC').toLowerCase();
  if (fold) out = out.replace(fold, (c) => folds[c] ?? c);
  return out.normalize('NFKD').replace(COMBINING_MARKS, '');
}

/** A normaliser for one language. */
export function createNormalizer(options: NormalizerOptions): Normalizer {
  const folds = options.fold ?? {};
  const fold = Object.keys(folds).length > 0 ? new RegExp(Object.keys(folds).sort((a, b) => b.length - a.length).map(escape).join('|'), 'gu') : undefined;
  // The table's own words go through the same letters, so "tb: también" expands to what the examples read as.
  const shorthand: Record<string, string> = {};
  for (const [from, to] of Object.entries(options.shorthand ?? {})) shorthand[letters(from, fold, folds).trim()] = letters(to, fold, folds).trim();
  const expand = options.english
    ? (w: string) => own(CONTRACTIONS, w) ?? own(SHORTHAND, w) ?? own(PRODUCT_SHORTHAND, w) ?? w
    : (w: string) => own(shorthand, w) ?? own(PRODUCT_SHORTHAND, w) ?? w;
  return (text) => {
    let out = letters(text, fold, folds).replace(QUOTES, "'");
    for (const [pattern, replacement] of COMPOUNDS) out = out.replace(pattern, replacement);
    out = out.replace(WORDS, (word) => expand(word.replace(/^'+|'+$/g, '')));
    if (options.english) for (const [pattern, replacement] of CONTRACTION_SUFFIXES) out = out.replace(pattern, replacement);
    // Apostrophes left over are quotes, not part of a word ("geht's" → "gehts", as people also type it).
    return out.replace(NON_WORD, ' ').replace(/'/g, '').replace(/\s+/g, ' ').trim();
  };
}

/** The built-in English normaliser: lower-cased, accent-free text with contractions and shorthand spelled out. */
export const normalizeText: Normalizer = createNormalizer({ english: true });
