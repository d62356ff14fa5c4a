// Spelling tolerance against the training vocabulary: an unknown word is replaced by the nearest known word
// (Damerau-Levenshtein ≤ 1, or ≤ 2 for long words; ties broken by Jaro-Winkler, then frequency).
// Candidates come from a symmetric-delete index (as in SymSpell), so correcting costs microseconds, not a vocabulary scan.
import { DamerauLevenshteinDistance, JaroWinklerDistance } from 'natural/lib/natural/distance';

/** Words shorter than this are left alone: "teh" → "the" is covered by the shorthand table, "cat" → "car" is a guess. */
const MIN_LENGTH = 4;
const LONG_WORD = 8;
/** Longer tokens are no typo of a real word, and their delete sets grow as n³ (a 1,000-letter token took 7.7 s): left alone. */
const MAX_LENGTH = 24;
const CACHE_LIMIT = 20_000;

export type Speller = (word: string) => string;

function deletes(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function lexicographicLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return false;
}

/** `vocabulary`: known words, most frequent first (the order breaks ties). */
export function createSpeller(vocabulary: readonly string[]): Speller {
  const rank = new Map<string, number>();
  const index = new Map<string, string[]>();
  const add = (key: string, word: string) => {
    const list = index.get(key);
    if (list) list.push(word);
    else index.set(key, [word]);
  };
  vocabulary.forEach((word, i) => {
    if (rank.has(word)) return;
    rank.set(word, i);
    if (word.length < MIN_LENGTH - 1 || word.length > MAX_LENGTH || /\d/.test(word)) return;
    const keys = new Set([word, ...deletes(word)]);
    // Long words get two levels of deletes, so a long query missing two letters still finds them.
    if (word.length >= LONG_WORD) for (const d of deletes(word)) for (const dd of deletes(d)) keys.add(dd);
    for (const key of keys) add(key, word);
  });
  const cache = new Map<string, string>();

  const best = (word: string, keys: Iterable<string>, maxDistance: number): string | undefined => {
    const seen = new Set<string>();
    let found: string | undefined;
    let foundScore = [Infinity, 0, Infinity];
    for (const key of keys) {
      for (const candidate of index.get(key) ?? []) {
        // Each candidate once, and only if its length allows the distance: natural's distance is the costly part.
        if (seen.has(candidate) || Math.abs(candidate.length - word.length) > maxDistance) continue;
        seen.add(candidate);
        const distance = DamerauLevenshteinDistance(word, candidate, { restricted: true });
        if (distance > maxDistance) continue;
        const score = [distance, -JaroWinklerDistance(word, candidate), rank.get(candidate) as number];
        if (lexicographicLess(score, foundScore)) [found, foundScore] = [candidate, score];
      }
    }
    return found;
  };

  // Distance 1 first; the wider (and costlier) distance-2 search only for long words that found nothing closer.
  const correct = (word: string): string => {
    const near = best(word, [word, ...deletes(word)], 1);
    if (near !== undefined || word.length < LONG_WORD) return near ?? word;
    const keys = new Set<string>([word]);
    for (const d of deletes(word)) {
      keys.add(d);
      for (const dd of deletes(d)) keys.add(dd);
    }
    return best(word, keys, 2) ?? word;
  };

  return (word) => {
    if (rank.has(word) || word.length < MIN_LENGTH || word.length > MAX_LENGTH || /\d/.test(word)) return word;
    let corrected = cache.get(word);
    if (corrected === undefined) {
      corrected = correct(word);
      if (cache.size < CACHE_LIMIT) cache.set(word, corrected);
    }
    return corrected;
  };
}
