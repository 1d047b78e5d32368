/**
 * Experimental designs on the unit hypercube [0, 1]^k, drawn from a seeded stream: simple random
 * sampling, Latin hypercube sampling, and Morris trajectories (elementary-effects screening; Morris
 * 1991, with the trajectory construction of Campolongo, Cariboni & Saltelli 2007 without the
 * spread-maximising selection). Pure: no Node or DOM API.
 */
import seedrandom from 'seedrandom';

export type Random = () => number;

/** The stream the design of a plan is drawn from (independent of every run's seed stream). */
export function designRandom(seed: number, design: string): Random {
  return seedrandom.alea(`wushe-design:${design}:${seed}`);
}

/** `n` points drawn uniformly on [0, 1]^k. */
export function randomDesign(n: number, k: number, random: Random): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < k; j++) row.push(random());
    out.push(row);
  }
  return out;
}

/** A random permutation of 0…n−1 (Fisher–Yates). */
export function permutation(n: number, random: Random): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/**
 * A Latin hypercube of `n` points on [0, 1]^k: each factor's range is cut into `n` equal strata and
 * every stratum holds exactly one point, at a uniform position inside it.
 */
export function latinHypercube(n: number, k: number, random: Random): number[][] {
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(k));
  for (let j = 0; j < k; j++) {
    const strata = permutation(n, random);
    for (let i = 0; i < n; i++) out[i][j] = (strata[i] + random()) / n;
  }
  return out;
}

/** One step of a Morris trajectory: from point `from` to point `to`, factor `factor` moved by `delta`. */
export interface MorrisStep {
  from: number;
  to: number;
  factor: number;
  /** Signed move of the factor on the unit scale (±Δ). */
  delta: number;
}

export interface MorrisDesign {
  /** Points on the p-level grid of [0, 1]^k, trajectory after trajectory (k + 1 points each). */
  points: number[][];
  steps: MorrisStep[];
  levels: number;
  /** Δ = p / (2 (p − 1)). */
  delta: number;
  trajectories: number;
  factors: number;
}

/** Morris's jump Δ for `levels` (p) grid levels: p / (2 (p − 1)). */
export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

/**
 * `r` Morris trajectories over `k` factors on a `levels`-level grid. Each starts at a random grid
 * point and moves every factor once, in random order, by +Δ or −Δ (staying inside [0, 1]).
 */
export function morrisDesign(r: number, k: number, levels: number, random: Random): MorrisDesign {
  if (levels < 2 || levels % 2 !== 0) throw new RangeError('Morris levels must be an even number ≥ 2');
  const delta = morrisDelta(levels);
  // grid values x with x + Δ ≤ 1: 0, 1/(p−1), …, 1 − Δ
  const starts = Math.round((1 - delta) * (levels - 1)) + 1;
  const grid = (i: number) => i / (levels - 1);
  const points: number[][] = [];
  const steps: MorrisStep[] = [];
  for (let t = 0; t < r; t++) {
    const base = Array.from({ length: k }, () => grid(Math.floor(random() * starts)));
    const up = Array.from({ length: k }, () => random() < 0.5);
    // a factor that moves down starts Δ higher, so every point stays on the grid in [0, 1]
    const x = base.map((b, j) => (up[j] ? b : clean(b + delta)));
    const order = permutation(k, random);
    points.push([...x]);
    for (const j of order) {
      const d = up[j] ? delta : -delta;
      x[j] = clean(x[j] + d);
      steps.push({ from: points.length - 1, to: points.length, factor: j, delta: d });
      points.push([...x]);
    }
  }
  return { points, steps, levels, delta, trajectories: r, factors: k };
}

/** Removes floating-point dust from a grid coordinate (e.g. 0.6666666666666667 + 0.6666666666666666). */
function clean(x: number): number {
  return Math.min(1, Math.max(0, Number(x.toPrecision(12))));
}

export interface ElementaryEffects {
  factor: number;
  /** Number of elementary effects used (steps whose two points both have an output). */
  n: number;
  /** μ*: mean absolute elementary effect. */
  muStar: number | null;
  /** μ: mean elementary effect. */
  mu: number | null;
  /** σ: standard deviation of the elementary effects (n − 1). */
  sigma: number | null;
}

/**
 * Morris statistics of one output: `y[p]` is the output at design point `p` (null if missing, e.g.
 * a failed run). Elementary effects are (y(to) − y(from)) / Δ, on the unit scale of each factor:
 * the change in the output per full range of the factor.
 */
export function elementaryEffects(design: MorrisDesign, y: readonly (number | null)[]): ElementaryEffects[] {
  const effects: number[][] = Array.from({ length: design.factors }, () => []);
  for (const s of design.steps) {
    const a = y[s.from];
    const b = y[s.to];
    if (a === null || b === null || a === undefined || b === undefined) continue;
    effects[s.factor].push((b - a) / s.delta);
  }
  return effects.map((ee, factor) => {
    const n = ee.length;
    if (n === 0) return { factor, n, muStar: null, mu: null, sigma: null };
    let sum = 0;
    let abs = 0;
    for (const e of ee) {
      sum += e;
      abs += Math.abs(e);
    }
    const mu = sum / n;
    let ss = 0;
    for (const e of ee) ss += (e - mu) * (e - mu);
    return { factor, n, muStar: abs / n, mu, sigma: n > 1 ? Math.sqrt(ss / (n - 1)) : null };
  });
}
