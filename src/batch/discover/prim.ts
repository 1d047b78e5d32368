/**
 * PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999, "Bump hunting in
 * high-dimensional data"), for a binary outcome as scenario discovery uses it (Bryant & Lempert
 * 2010): starting from the box holding every case, peel off a small slice of the box at a time —
 * the lowest or highest `alpha` share of one numeric input, or one category of a categorical
 * input — choosing each time the peel that raises the share of cases of interest inside the box
 * most per case removed (or lowers it least: peeling is patient and goes on, as Friedman & Fisher's
 * does, until every case left is of interest or the next box would hold less than `minMass` of the
 * cases). Each box on the way is a step of the peeling trajectory, with its coverage (share of all
 * cases of interest inside it), density (share of its cases that are of interest) and mass (share
 * of all cases inside it). Optional pasting then widens the last box again while that raises its
 * density. Pure and deterministic: no Node or DOM API, no randomness.
 */

/** The values of one input for every case: numbers, or codes into `categories`. */
export type DimData =
  | { name: string; kind: 'numeric'; x: Float64Array }
  | { name: string; kind: 'categorical'; categories: readonly string[]; x: Int32Array };

export interface PrimData {
  dims: DimData[];
  /** 1 for a case of interest (the outcome holds), else 0. */
  y: Uint8Array;
}

/** A box's limit on one input: an interval (inclusive) or the categories kept. */
export type Limit = { kind: 'numeric'; min: number; max: number } | { kind: 'categorical'; keep: string[] };

export interface PrimOptions {
  /** Share of the box's cases a numeric peel removes (default 0.05). */
  alpha: number;
  /** Smallest share of all cases a box may hold (default 0.05). */
  minMass: number;
  /** Widen the last box while that raises its density (default false). */
  paste: boolean;
  /** Share of the box's cases a paste adds (default: alpha). */
  pasteAlpha?: number;
}

export const DEFAULT_PRIM: PrimOptions = { alpha: 0.05, minMass: 0.05, paste: false };

/** A box on the trajectory. */
export interface Step {
  step: number;
  action: 'start' | 'peel' | 'paste';
  limits: Limit[];
  /** Cases in the box, and cases of interest among them. */
  cases: number;
  positives: number;
  /** positives ÷ all cases of interest in the data (not only those left by earlier boxes). */
  coverage: number;
  /** positives ÷ cases. */
  density: number;
  /** cases ÷ all cases in the data. */
  mass: number;
  /** Names of the inputs the box restricts (narrower than the whole data's range or categories). */
  restricted: string[];
}

/** Internal limit: an interval, or a 0/1 mask over category codes. */
type L = { min: number; max: number } | { mask: Uint8Array };

function inside(d: DimData, l: L, i: number): boolean {
  if ('mask' in l) return l.mask[d.x[i]] === 1;
  const v = d.x[i];
  return v >= l.min && v <= l.max;
}

/** The box holding every case of the data: each numeric input's range, every category that occurs. */
export function wholeBox(data: PrimData): L[] {
  const n = data.y.length;
  return data.dims.map((d) => {
    if (d.kind === 'categorical') {
      const mask = new Uint8Array(d.categories.length);
      for (let i = 0; i < n; i++) mask[d.x[i]] = 1;
      return { mask };
    }
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      min = Math.min(min, d.x[i]);
      max = Math.max(max, d.x[i]);
    }
    return { min, max };
  });
}

/** Rows of `rows` inside the box. */
export function rowsIn(data: PrimData, box: readonly L[], rows: Int32Array): Int32Array {
  const out: number[] = [];
  for (const i of rows) if (data.dims.every((d, j) => inside(d, box[j], i))) out.push(i);
  return Int32Array.from(out);
}

function positives(data: PrimData, rows: Int32Array): number {
  let h = 0;
  for (const i of rows) h += data.y[i];
  return h;
}

/** Quantile of sorted values (linear interpolation between order statistics, R's type 7). */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
}

/** The last value of sorted values that passes the test (one always does where it is called). */
function lastWhere(v: Float64Array, test: (x: number) => boolean): number {
  for (let i = v.length - 1; i >= 0; i--) if (test(v[i])) return v[i];
  return v[0];
}

/** A candidate move: input `j` takes `limit`; the box's cases are then those of `pool` inside it. */
interface Move {
  j: number;
  limit: L;
  pool: Int32Array;
}

/** Cases of the move's pool inside its new limit, and cases of interest among them. */
function count(data: PrimData, m: Move): { n: number; h: number } {
  const d = data.dims[m.j];
  let n = 0;
  let h = 0;
  for (const i of m.pool)
    if (inside(d, m.limit, i)) {
      n++;
      h += data.y[i];
    }
  return { n, h };
}

function apply(data: PrimData, box: readonly L[], m: Move): { box: L[]; rows: Int32Array } {
  const d = data.dims[m.j];
  return {
    box: box.map((b, k) => (k === m.j ? m.limit : b)),
    rows: m.pool.filter((i) => inside(d, m.limit, i)),
  };
}

/** The moves one peel can make from `box` holding `rows` (each changing one limit). */
function peels(data: PrimData, box: readonly L[], rows: Int32Array, alpha: number): Move[] {
  const out: Move[] = [];
  data.dims.forEach((d, j) => {
    const l = box[j];
    if ('mask' in l) {
      const count = new Int32Array(l.mask.length);
      for (const i of rows) count[d.x[i]]++;
      const present = [...count.keys()].filter((c) => count[c] > 0);
      if (present.length < 2) return;
      for (const c of present) {
        const mask = Uint8Array.from(l.mask);
        mask[c] = 0;
        out.push({ j, limit: { mask }, pool: rows });
      }
      return;
    }
    const v = Float64Array.from(rows, (i) => d.x[i]).sort();
    if (v.length === 0 || v[0] === v[v.length - 1]) return;
    // lower: cut below the alpha quantile, or at least the lowest value
    const qLo = quantile(v, alpha);
    const min = qLo > v[0] ? v.find((x) => x >= qLo)! : v.find((x) => x > v[0])!;
    out.push({ j, limit: { min, max: l.max }, pool: rows });
    const qHi = quantile(v, 1 - alpha);
    const top = v[v.length - 1];
    const max = qHi < top ? lastWhere(v, (x) => x <= qHi) : lastWhere(v, (x) => x < top);
    out.push({ j, limit: { min: l.min, max }, pool: rows });
  });
  return out;
}

/** The moves one paste can make from `box`: one limit widened by about alpha × its cases. */
function pastes(data: PrimData, box: readonly L[], rows: Int32Array, cases: number, alpha: number): Move[] {
  const out: Move[] = [];
  const take = Math.max(1, Math.ceil(alpha * cases));
  data.dims.forEach((d, j) => {
    const l = box[j];
    // the cases inside every other limit
    const others = Int32Array.from(
      [...rows].filter((i) => data.dims.every((e, k) => k === j || inside(e, box[k], i))),
    );
    if ('mask' in l) {
      const present = new Set<number>();
      for (const i of others) if (l.mask[d.x[i]] === 0) present.add(d.x[i]);
      for (const c of [...present].sort((a, b) => a - b)) {
        const mask = Uint8Array.from(l.mask);
        mask[c] = 1;
        out.push({ j, limit: { mask }, pool: others });
      }
      return;
    }
    const below = Float64Array.from([...others].filter((i) => d.x[i] < l.min).map((i) => d.x[i])).sort();
    if (below.length > 0)
      out.push({ j, limit: { min: below[Math.max(0, below.length - take)], max: l.max }, pool: others });
    const above = Float64Array.from([...others].filter((i) => d.x[i] > l.max).map((i) => d.x[i])).sort();
    if (above.length > 0)
      out.push({ j, limit: { min: l.min, max: above[Math.min(above.length, take) - 1] }, pool: others });
  });
  return out;
}

/** The public form of a box's limits, and the inputs it restricts relative to `whole`. */
export function describeBox(data: PrimData, box: readonly L[], whole: readonly L[]) {
  const limits: Limit[] = [];
  const restricted: string[] = [];
  data.dims.forEach((d, j) => {
    const l = box[j];
    const w = whole[j];
    if ('mask' in l && 'mask' in w && d.kind === 'categorical') {
      limits.push({ kind: 'categorical', keep: d.categories.filter((_, c) => l.mask[c] === 1) });
      if (w.mask.some((on, c) => on === 1 && l.mask[c] === 0)) restricted.push(d.name);
    } else if (!('mask' in l) && !('mask' in w)) {
      limits.push({ kind: 'numeric', min: l.min, max: l.max });
      if (l.min > w.min || l.max < w.max) restricted.push(d.name);
    }
  });
  return { limits, restricted };
}

/** The step record of a box holding the cases `cur`. */
export function boxStep(
  data: PrimData,
  box: readonly L[],
  cur: Int32Array,
  whole: readonly L[],
  step: number,
  action: Step['action'],
): Step {
  let totalPositives = 0;
  for (const v of data.y) totalPositives += v;
  const h = positives(data, cur);
  return {
    step,
    action,
    ...describeBox(data, box, whole),
    cases: cur.length,
    positives: h,
    coverage: totalPositives > 0 ? h / totalPositives : 0,
    density: cur.length > 0 ? h / cur.length : 0,
    mass: cur.length / data.y.length,
  };
}

export interface Trajectory {
  steps: Step[];
  /** The internal boxes of the steps (for covering and significance). */
  boxes: L[][];
}

/**
 * The peeling (and pasting) trajectory over the cases `rows` of the data, starting from `whole`.
 * Coverage and mass are relative to all cases of the data.
 */
export function peelingTrajectory(
  data: PrimData,
  rows: Int32Array,
  whole: readonly L[],
  options: PrimOptions,
): Trajectory {
  const steps: Step[] = [];
  const boxes: L[][] = [];
  const record = (box: L[], cur: Int32Array, action: Step['action']) => {
    boxes.push(box);
    steps.push(boxStep(data, box, cur, whole, steps.length, action));
  };
  const total = data.y.length;

  let box = [...whole];
  let cur = rowsIn(data, box, rows);
  record(box, cur, 'start');
  const minCases = options.minMass * total;
  for (;;) {
    const n0 = cur.length;
    const h0 = positives(data, cur);
    if (n0 === 0 || h0 === n0) break;
    let best: { move: Move; n: number; score: number } | undefined;
    for (const move of peels(data, box, cur, options.alpha)) {
      const { n, h } = count(data, move);
      if (n === 0 || n >= n0 || n < minCases) continue;
      // the rise in density per case removed (Friedman & Fisher 1999)
      const score = (h / n - h0 / n0) / (n0 - n);
      if (!best || score > best.score || (score === best.score && n > best.n)) best = { move, n, score };
    }
    if (!best) break;
    ({ box, rows: cur } = apply(data, box, best.move));
    record(box, cur, 'peel');
  }
  if (options.paste) {
    for (;;) {
      const n0 = cur.length;
      const d0 = n0 > 0 ? positives(data, cur) / n0 : 0;
      let best: { move: Move; density: number } | undefined;
      for (const move of pastes(data, box, rows, n0, options.pasteAlpha ?? options.alpha)) {
        const { n, h } = count(data, move);
        const density = h / n;
        if (!best || density > best.density) best = { move, density };
      }
      if (!best || best.density <= d0) break;
      ({ box, rows: cur } = apply(data, box, best.move));
      record(box, cur, 'paste');
    }
  }
  return { steps, boxes };
}

export type InternalLimit = L;
