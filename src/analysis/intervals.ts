import jstat from 'jstat';
import { MODES, type ModeId } from '../model/elements.ts';

const jStat = jstat.jStat ?? jstat;

/** A share with its interval. */
export interface Share {
  count: number;
  n: number;
  share: number | null;
  low: number | null;
  high: number | null;
}

/**
 * The Wilson score interval of a proportion, k successes in n trials, at normal quantile `z`
 * (1.96: 95%). Unlike the normal approximation it stays within [0, 1] and is sensible for k = 0 or
 * k = n with few trials (Wilson 1927; Brown, Cai & DasGupta 2001).
 */
export function wilson(k: number, n: number, z = 1.96): Share {
  if (n === 0) return { count: k, n, share: null, low: null, high: null };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { count: k, n, share: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The share of runs in each mode with its 95% Wilson interval. */
export function modeShares(modes: readonly ModeId[]): Record<ModeId, Share> {
  return Object.fromEntries(
    MODES.map((m) => [m, wilson(modes.filter((x) => x === m).length, modes.length)]),
  ) as Record<ModeId, Share>;
}

/** Mean of `values` with its 95% Student t interval (null bounds with fewer than two values). */
export function meanInterval(values: readonly number[]): {
  mean: number | null;
  low: number | null;
  high: number | null;
} {
  const n = values.length;
  if (n === 0) return { mean: null, low: null, high: null };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, low: null, high: null };
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) * (v - mean), 0) / (n - 1));
  const half = jStat.studentt.inv(0.975, n - 1) * (sd / Math.sqrt(n));
  return { mean, low: mean - half, high: mean + half };
}
