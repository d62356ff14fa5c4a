// Small statistics for the benchmark: percentiles, medians and rounding, so every number is computed one way.

/** The q-quantile (0..1) of already sorted values (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function median(values: readonly number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Rounds to `digits` decimals (numbers in results.json stay readable). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface LatencySummary {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p99: number;
}

/** Mean, p50 and p99 in the unit given (ms by convention). */
export function summarize(values: readonly number[], digits = 2): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, mean: round(mean(sorted), digits), p50: round(quantile(sorted, 0.5), digits), p99: round(quantile(sorted, 0.99), digits) };
}

export const MB = 1024 * 1024;
export const toMb = (bytes: number): number => round(bytes / MB, 1);
