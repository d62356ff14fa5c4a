// Sparse vectors: the feature representation of one message (indices into the feature space and their values).

export interface SparseVector {
  readonly idx: Int32Array;
  readonly val: Float32Array;
}

export const EMPTY_VECTOR: SparseVector = { idx: new Int32Array(0), val: new Float32Array(0) };

/** Builds a vector from an index → value map. */
export function toSparse(counts: ReadonlyMap<number, number>): SparseVector {
  const idx = new Int32Array(counts.size);
  const val = new Float32Array(counts.size);
  let i = 0;
  for (const [k, v] of counts) {
    idx[i] = k;
    val[i] = v;
    i++;
  }
  return { idx, val };
}

/** Euclidean length. */
export function norm(vector: SparseVector): number {
  let sum = 0;
  for (let i = 0; i < vector.val.length; i++) sum += (vector.val[i] as number) ** 2;
  return Math.sqrt(sum);
}

/** Cosine similarity of two vectors whose indices are in any order. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const lookup = new Map<number, number>();
  for (let i = 0; i < a.idx.length; i++) lookup.set(a.idx[i] as number, a.val[i] as number);
  let dot = 0;
  for (let i = 0; i < b.idx.length; i++) dot += (lookup.get(b.idx[i] as number) ?? 0) * (b.val[i] as number);
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot / denominator;
}
