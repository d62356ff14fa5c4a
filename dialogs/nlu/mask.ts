// Masking: the words of entities marked `mask: true` (iOS versions, iPhone models, error codes) are taken out of a
// message before the classifier reads it, in training and when classifying. Which iOS, which iPhone or which code
// says where the user is, not what is wrong: "iPhone 13 on iOS 17.6.1, Finder backup fails" is no update problem, and
// the words around a version ("since the update") still say so when it is one.
import type { EntityDef } from '../types';

export type Masker = (text: string) => string;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The masking of a knowledge base's entities; the identity when none is marked. */
export function createMasker(defs: readonly EntityDef[]): Masker {
  const masked = defs.filter((def) => def.mask === true);
  const phrases = masked.flatMap((def) => Object.entries(def.values ?? {}).flatMap(([value, synonyms]) => [value, ...synonyms]));
  const patterns = masked.flatMap((def) => def.patterns ?? []).map((p) => new RegExp(p, 'giu'));
  if (phrases.length > 0) {
    const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length).map(escape);
    patterns.unshift(new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'giu'));
  }
  if (patterns.length === 0) return (text) => text;
  // NFKC first, as the extractor reads text: "ｉＯＳ １７" is "iOS 17".
  return (text) => patterns.reduce((t, pattern) => t.replace(pattern, ' '), text.normalize('NFKC'));
}
