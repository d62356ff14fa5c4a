// Stratified data splits (held-out slice for early stopping, k folds for cross-validation), seeded and reproducible.
import { createRandom, shuffleInPlace } from './random';

function byLabel(labels: readonly string[], seed: number): number[][] {
  const groups = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const group = groups.get(label) ?? [];
    group.push(i);
    groups.set(label, group);
  });
  const random = createRandom(seed);
  return [...groups.keys()].sort().map((label) => shuffleInPlace(groups.get(label) as number[], random));
}

/**
 * Holds out about `share` of each label's examples. A label keeps at least two examples for fitting,
 * so a label with fewer than three examples contributes nothing to the held-out slice.
 */
export function stratifiedSplit(labels: readonly string[], share: number, seed: number): { fit: number[]; heldOut: number[] } {
  const fit: number[] = [];
  const heldOut: number[] = [];
  for (const group of byLabel(labels, seed)) {
    const n = group.length < 3 ? 0 : Math.max(1, Math.min(group.length - 2, Math.round(group.length * share)));
    heldOut.push(...group.slice(0, n));
    fit.push(...group.slice(n));
  }
  return { fit: fit.sort((a, b) => a - b), heldOut: heldOut.sort((a, b) => a - b) };
}

/** Assigns each example to one of `k` folds, dealing each label's examples round-robin so every fold sees every label. */
export function stratifiedFolds(labels: readonly string[], k: number, seed: number): number[] {
  const fold = new Array<number>(labels.length).fill(0);
  let offset = 0;
  for (const group of byLabel(labels, seed)) {
    group.forEach((i, position) => (fold[i] = (position + offset) % k));
    // Rotating the start keeps fold sizes even when many labels have fewer than k examples.
    offset = (offset + group.length) % k;
  }
  return fold;
}
