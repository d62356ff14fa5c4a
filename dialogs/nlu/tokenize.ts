// Tokenising and stemming in the built-in English reading (analyzer.ts has every language's). Stop words are kept:
// "where are you from" must not vanish.
import { ENGLISH_ANALYZER } from './analyzer';

/** Words of already-normalised text. */
export const tokenizeNormalized = (normalized: string): string[] => ENGLISH_ANALYZER.tokenizeNormalized(normalized);

/** Normalise then tokenise. */
export const tokenize = (text: string): string[] => ENGLISH_ANALYZER.tokenize(text);

/** Words of a message for the features; a message of symbols only (👍, ?!) keeps its symbols, so it never becomes empty. */
export const tokenizeMessage = (text: string): string[] => ENGLISH_ANALYZER.tokenizeMessage(text);

/** Porter stem of one lower-case word, memoised. */
export const stem = (word: string): string => ENGLISH_ANALYZER.stem(word);
