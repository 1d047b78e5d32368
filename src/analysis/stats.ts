/**
 * Descriptive statistics shared by the analyses (survey summaries) and the batch layer (sweep
 * aggregates), which re-exports them. Pure: no Node or DOM API.
 */
import jstat from 'jstat';

const jStat = jstat.jStat ?? jstat;

export interface Describe {
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1); null when n < 2. */
  sd: number | null;
  /** 95% confidence interval of the mean, mean ± t(0.975, n − 1) · sd / √n; null when n < 2. */
  ciLow: number | null;
  ciHigh: number | null;
}

/** Two-sided Student t quantile for a confidence level (0.95 → t(0.975, df)). */
export function tQuantile(df: number, level = 0.95): number {
  return jStat.studentt.inv(1 - (1 - level) / 2, df);
}

/** Mean, sd and 95% confidence interval of the mean, summing in the order given. */
export function describe(values: readonly number[], level = 0.95): Describe {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, ciLow: null, ciHigh: null };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n < 2) return { n, mean, sd: null, ciLow: null, ciHigh: null };
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const sd = Math.sqrt(ss / (n - 1));
  const half = tQuantile(n - 1, level) * (sd / Math.sqrt(n));
  return { n, mean, sd, ciLow: mean - half, ciHigh: mean + half };
}
