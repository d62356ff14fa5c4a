// Text normalisation before tokenising: unicode, case, quotes, compounds (wi-fi → wifi), contractions, shorthand.
import { COMPOUNDS, CONTRACTION_SUFFIXES, CONTRACTIONS, SHORTHAND } from './lexicon';

const COMBINING_MARKS = /\p{M}+/gu;
const QUOTES = /[\u2018\u2019\u201b\u2032\u00b4`]/g;
const WORDS = /[\p{L}\p{N}']+/gu;
const NON_WORD = /[^\p{L}\p{N}']+/gu;

/** Lower-cased, accent-free text with contractions expanded and shorthand spelled out; words separated by one space. */
export function normalizeText(text: string): string {
  let out = text.normalize('NFKC').toLowerCase().normalize('NFKD').replace(COMBINING_MARKS, '');
  out = out.replace(QUOTES, "'");
  for (const [pattern, replacement] of COMPOUNDS) out = out.replace(pattern, replacement);
  out = out.replace(WORDS, expandWord);
  for (const [pattern, replacement] of CONTRACTION_SUFFIXES) out = out.replace(pattern, replacement);
  // Apostrophes left over are quotes, not part of a word.
  return out.replace(NON_WORD, ' ').replace(/'/g, '').replace(/\s+/g, ' ').trim();
}

function expandWord(word: string): string {
  const trimmed = word.replace(/^'+|'+$/g, '');
  return CONTRACTIONS[trimmed] ?? SHORTHAND[trimmed] ?? trimmed;
}
