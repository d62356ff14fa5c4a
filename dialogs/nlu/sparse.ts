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
