/** Descriptive statistics for sweep aggregates (describe and tQuantile live in src/analysis/stats.ts). Pure. */
import { describe } from '../analysis/stats.ts';

export { type Describe, describe, tQuantile } from '../analysis/stats.ts';

/** Arithmetic mean, or null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Sample standard deviation (n − 1), or null for fewer than two values. */
export function sd(values: readonly number[]): number | null {
  return describe(values).sd;
}

/** A number cut to `digits` significant digits, so that output text is short and stable. */
export function tidy(x: number, digits = 10): number {
  return Number.isFinite(x) ? Number(x.toPrecision(digits)) : x;
}
