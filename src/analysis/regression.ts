import jstat from 'jstat';

const jStat = jstat.jStat ?? jstat;

export interface FixedEffectsFit {
  coef: number;
  /** Conventional OLS standard error with n − G − 1 degrees of freedom (homoskedastic errors). */
  se: number;
  /** Two-sided p-value of the t statistic coef/se. */
  p: number;
  df: number;
  n: number;
  groups: number;
  /** Cluster-robust (CR1, by group) standard error and p-value with G − 1 degrees of freedom. */
  seCluster: number;
  pCluster: number;
}

/**
 * OLS of y on one regressor x with group fixed effects and no other covariates, by the within
 * transformation: both are demeaned within each group and y~ is regressed on x~. Returns NaN for
 * the coefficient when x does not vary within any group.
 */
export function fixedEffectsOls(
  y: ArrayLike<number>,
  x: ArrayLike<number>,
  group: ArrayLike<number>,
): FixedEffectsFit {
  const n = y.length;
  const sums = new Map<number, { y: number; x: number; n: number }>();
  for (let i = 0; i < n; i++) {
    const g = sums.get(group[i]) ?? { y: 0, x: 0, n: 0 };
    g.y += y[i];
    g.x += x[i];
    g.n += 1;
    sums.set(group[i], g);
  }
  const yt = new Float64Array(n);
  const xt = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = sums.get(group[i])!;
    yt[i] = y[i] - g.y / g.n;
    xt[i] = x[i] - g.x / g.n;
  }
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += xt[i] * xt[i];
    sxy += xt[i] * yt[i];
  }
  const groups = sums.size;
  const df = n - groups - 1;
  const coef = sxy / sxx;
  let sse = 0;
  const score = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const e = yt[i] - coef * xt[i];
    sse += e * e;
    score.set(group[i], (score.get(group[i]) ?? 0) + xt[i] * e);
  }
  const se = Math.sqrt(sse / df / sxx);
  let meat = 0;
  for (const s of score.values()) meat += s * s;
  const correction = (groups / (groups - 1)) * ((n - 1) / (n - 2));
  const seCluster = Math.sqrt((correction * meat) / (sxx * sxx));
  return {
    coef,
    se,
    p: twoSided(coef / se, df),
    df,
    n,
    groups,
    seCluster,
    pCluster: twoSided(coef / seCluster, groups - 1),
  };
}

function twoSided(t: number, df: number): number {
  if (!Number.isFinite(t) || !(df > 0)) return Number.NaN;
  return 2 * (1 - jStat.studentt.cdf(Math.abs(t), df));
}
