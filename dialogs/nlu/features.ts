// TF-IDF features: stemmed word uni/bi-grams and character n-grams within word boundaries (for typos),
// sublinear term frequency, each block l2-normalised and weighted so the whole vector has unit length.
import { EMPTY_VECTOR, type SparseVector, toSparse } from './sparse';
import { ENGLISH_ANALYZER } from './analyzer';

export interface FeatureOptions {
  /** Longest word n-gram (1 or 2). */
  readonly wordNgrams: number;
  /** Character n-gram lengths [min, max] inside "<word>", or null for none. */
  readonly charNgrams: readonly [number, number] | null;
  /** Share of the vector's squared length given to character n-grams (0–1). */
  readonly charWeight: number;
  /** Terms seen in fewer training messages are dropped (keeps the model small on large data). */
  readonly minDf: number;
  /**
   * Unknown terms still count towards the vector's length (with the IDF of a term seen once), so a message made mostly
   * of words the model never saw gets a short vector and a low confidence instead of being rescaled into a confident one.
   */
  readonly unknownInNorm: boolean;
}

export interface FeatureModel {
  readonly options: FeatureOptions;
  /** Word terms first (indices < wordCount), then character n-grams. */
  readonly terms: readonly string[];
  readonly wordCount: number;
  readonly idf: Float32Array;
  /** IDF given to terms outside the vocabulary (a term seen in one training message). */
  readonly unknownIdf: number;
}

/** Word-block and char-block terms of one tokenised message. */
export function extractTerms(
  words: readonly string[],
  surface: readonly string[],
  options: FeatureOptions,
  stem: (word: string) => string = ENGLISH_ANALYZER.stem,
): { words: string[]; chars: string[] } {
  const stems = words.map((w) => stem(w));
  const wordTerms = stems.map((s) => `w:${s}`);
  if (options.wordNgrams >= 2) {
    for (let i = 0; i + 1 < stems.length; i++) wordTerms.push(`b:${stems[i]} ${stems[i + 1]}`);
  }
  const chars: string[] = [];
  if (options.charNgrams) {
    const [min, max] = options.charNgrams;
    // Within word boundaries: n-grams spanning two words were measured (CLINC150) to add size and time, not accuracy.
    for (const word of surface) {
      const padded = `<${word}>`;
      for (let n = min; n <= max; n++) {
        for (let i = 0; i + n <= padded.length; i++) chars.push(padded.slice(i, i + n));
      }
    }
  }
  return { words: wordTerms, chars };
}

/** Learns the vocabulary and inverse document frequencies from the training messages' terms. */
export function fitFeatures(docs: readonly { words: string[]; chars: string[] }[], options: FeatureOptions): FeatureModel {
  const wordDf = new Map<string, number>();
  const charDf = new Map<string, number>();
  for (const doc of docs) {
    for (const t of new Set(doc.words)) wordDf.set(t, (wordDf.get(t) ?? 0) + 1);
    for (const t of new Set(doc.chars)) charDf.set(t, (charDf.get(t) ?? 0) + 1);
  }
  const keep = (df: Map<string, number>) => [...df.entries()].filter(([, n]) => n >= options.minDf).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const words = keep(wordDf);
  const chars = keep(charDf);
  const all = [...words, ...chars];
  const idf = new Float32Array(all.length);
  all.forEach(([, df], i) => (idf[i] = Math.log((1 + docs.length) / (1 + df)) + 1));
  return { options, terms: all.map(([t]) => t), wordCount: words.length, idf, unknownIdf: Math.log((1 + docs.length) / 2) + 1 };
}

export type Vectorizer = (terms: { words: string[]; chars: string[] }) => SparseVector;

/** Turns terms into a unit-length TF-IDF vector; unknown terms are ignored. */
export function createVectorizer(model: FeatureModel): Vectorizer {
  const index = new Map<string, number>();
  model.terms.forEach((t, i) => index.set(t, i));
  const charShare = model.options.charNgrams ? model.options.charWeight : 0;
  const unknownInNorm = model.options.unknownInNorm;
  const block = (terms: string[], weight: number, out: Map<number, number>) => {
    const counts = new Map<number, number>();
    const unknown = new Map<string, number>();
    for (const t of terms) {
      const i = index.get(t);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
      else if (unknownInNorm) unknown.set(t, (unknown.get(t) ?? 0) + 1);
    }
    let sum = 0;
    for (const [i, c] of counts) {
      const v = (1 + Math.log(c)) * (model.idf[i] as number);
      counts.set(i, v);
      sum += v * v;
    }
    let unknownSum = 0;
    for (const c of unknown.values()) unknownSum += ((1 + Math.log(c)) * model.unknownIdf) ** 2;
    if (sum === 0) return 0;
    sum += unknownSum;
    const scale = Math.sqrt(weight / sum);
    for (const [i, v] of counts) out.set(i, v * scale);
    return weight;
  };
  return (terms) => {
    const out = new Map<number, number>();
    const used = block(terms.words, 1 - charShare, out) + block(terms.chars, charShare, out);
    if (used === 0) return EMPTY_VECTOR;
    // When one block is empty, the other carries the whole length (unless unknown terms are meant to shorten it).
    if (used < 1 && !unknownInNorm) for (const [i, v] of out) out.set(i, v / Math.sqrt(used));
    return toSparse(out);
  };
}
