/**
 * Scenario discovery's boxes: which box of a peeling trajectory to keep (a density or coverage
 * target, or a step the user names), the quasi-p value of each input a box restricts, and further
 * boxes by covering — the cases inside the boxes already found are set aside and PRIM runs again
 * on the rest (Friedman & Fisher 1999; Bryant & Lempert 2010). Pure: no Node or DOM API.
 */
import jstat from 'jstat';
import {
  boxStep,
  DEFAULT_PRIM,
  describeBox,
  type InternalLimit,
  type Limit,
  type PrimData,
  type PrimOptions,
  peelingTrajectory,
  rowsIn,
  type Step,
  wholeBox,
} from './prim.ts';

const jStat = jstat.jStat ?? jstat;

/** How the box of a trajectory is chosen. */
export type Selection =
  /** The box with the most coverage among those with at least this density. */
  | { density: number }
  /** The box with the highest density among those with at least this coverage. */
  | { coverage: number }
  /** This step of the first box's trajectory (later boxes: density ≥ `density`). */
  | { step: number; density: number };

export interface DiscoverOptions extends PrimOptions {
  selection: Selection;
  /** Most boxes to find by covering (default 1). */
  boxes: number;
  /** Lift restrictions whose quasi-p value is above this, the weakest first (default: keep all). */
  maxP?: number;
}

export const DEFAULT_DENSITY = 0.8;

export interface FoundBox extends Step {
  /** 1-based. */
  box: number;
  /** The whole trajectory this box was chosen from. */
  trajectory: Step[];
  /** Whether the chosen box meets the selection's target (else it is the closest box). */
  met: boolean;
  /** Restricted input → quasi-p value (one-sided binomial test). */
  quasiP: Record<string, number>;
  /** Cases and cases of interest the search started from (what earlier boxes left). */
  remaining: { cases: number; positives: number };
  /** Inputs whose restriction was lifted (`maxP`), in the order lifted; the figures are the lifted box's. */
  lifted: string[];
}

export interface Discovery {
  cases: number;
  positives: number;
  /** The box holding every case: each numeric input's observed range, the categories that occur. */
  whole: Limit[];
  boxes: FoundBox[];
  /** Why covering stopped before `boxes` boxes, if it did. */
  stopped?: string;
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p), through the regularised incomplete beta function
 * (I_p(k, n − k + 1)), which keeps its precision in the far tail where 1 − cdf would not.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n || p <= 0) return 0;
  if (p >= 1) return 1;
  return jStat.beta.cdf(p, k, n - k + 1);
}

/**
 * Quasi-p value of each restricted input (as in the EMA Workbench, after Bryant & Lempert 2010):
 * with that input's restriction lifted the box holds Tj cases, Hj of interest; the p value is the
 * chance that T cases drawn at the lifted box's density p = Hj/Tj hold at least the box's H cases
 * of interest. A large value says the restriction adds little.
 */
export function quasiP(
  data: PrimData,
  rows: Int32Array,
  box: readonly InternalLimit[],
  whole: readonly InternalLimit[],
  step: Step,
): Record<string, number> {
  const out: Record<string, number> = {};
  data.dims.forEach((d, j) => {
    if (!step.restricted.includes(d.name)) return;
    const lifted = rowsIn(
      data,
      box.map((l, k) => (k === j ? whole[k] : l)),
      rows,
    );
    let h = 0;
    for (const i of lifted) h += data.y[i];
    out[d.name] = binomialUpperTail(step.positives, step.cases, lifted.length > 0 ? h / lifted.length : 0);
  });
  return out;
}

/**
 * Lifts, one at a time, the restriction with the largest quasi-p value while it is above `maxP`
 * (recomputing the box and its quasi-p values after each): restrictions that add little to the
 * density are dropped for a simpler box, the simpler box scenario discovery prefers (Bryant & Lempert 2010).
 */
export function liftRestrictions(
  data: PrimData,
  rows: Int32Array,
  box: readonly InternalLimit[],
  whole: readonly InternalLimit[],
  step: Step,
  maxP: number,
): { box: InternalLimit[]; step: Step; quasiP: Record<string, number>; lifted: string[] } {
  let cur = [...box];
  let s = step;
  let p = quasiP(data, rows, cur, whole, s);
  const lifted: string[] = [];
  for (;;) {
    let worst: string | undefined;
    for (const [name, v] of Object.entries(p))
      if (v > maxP && (worst === undefined || v > p[worst])) worst = name;
    if (worst === undefined) break;
    const j = data.dims.findIndex((d) => d.name === worst);
    cur = cur.map((l, k) => (k === j ? whole[k] : l));
    lifted.push(worst);
    s = boxStep(data, cur, rowsIn(data, cur, rows), whole, step.step, step.action);
    p = quasiP(data, rows, cur, whole, s);
  }
  return { box: cur, step: s, quasiP: p, lifted };
}

function better(a: Step, b: Step, key: 'coverage' | 'density'): boolean {
  const other = key === 'coverage' ? 'density' : 'coverage';
  if (a[key] !== b[key]) return a[key] > b[key];
  if (a.restricted.length !== b.restricted.length) return a.restricted.length < b.restricted.length;
  return a[other] > b[other];
}

/** The chosen step of a trajectory, and whether it meets the target. */
export function chooseStep(steps: readonly Step[], selection: Selection): { step: Step; met: boolean } {
  if ('step' in selection) {
    const step = steps[Math.min(Math.max(0, selection.step), steps.length - 1)];
    return { step, met: steps[selection.step] !== undefined };
  }
  const [target, key, fallback] =
    'coverage' in selection
      ? (['coverage', 'density', 'coverage'] as const)
      : (['density', 'coverage', 'density'] as const);
  const threshold = 'coverage' in selection ? selection.coverage : selection.density;
  const ok = steps.filter((s) => s[target] >= threshold);
  const pool = ok.length > 0 ? ok : steps;
  const by = ok.length > 0 ? key : fallback;
  let best = pool[0];
  for (const s of pool) if (better(s, best, by)) best = s;
  return { step: best, met: ok.length > 0 };
}

/** Finds up to `options.boxes` boxes by PRIM with covering. */
export function discover(data: PrimData, options: Partial<DiscoverOptions> = {}): Discovery {
  const opts: DiscoverOptions = {
    ...DEFAULT_PRIM,
    selection: { density: DEFAULT_DENSITY },
    boxes: 1,
    ...options,
  };
  const n = data.y.length;
  const whole = wholeBox(data);
  let rows = Int32Array.from(data.y.keys());
  let total = 0;
  for (const v of data.y) total += v;
  const found: FoundBox[] = [];
  let stopped: string | undefined;
  for (let b = 1; b <= opts.boxes; b++) {
    let left = 0;
    for (const i of rows) left += data.y[i];
    if (left === 0) {
      if (b > 1) stopped = 'no cases of interest are left outside the boxes found';
      else stopped = 'no case meets the outcome';
      break;
    }
    const trajectory = peelingTrajectory(data, rows, whole, opts);
    // a later box: --step gives way to the density target, and a coverage target is a share of
    // the cases of interest the earlier boxes left
    const sel = opts.selection;
    const selection: Selection =
      b === 1
        ? sel
        : 'step' in sel
          ? { density: sel.density }
          : 'coverage' in sel
            ? { coverage: (sel.coverage * left) / total }
            : sel;
    const { step, met } = chooseStep(trajectory.steps, selection);
    if (b > 1 && !met) {
      stopped = `box ${b} would not meet the target (${'coverage' in sel ? `coverage ≥ ${sel.coverage} of the cases of interest left` : `density ≥ ${(selection as { density: number }).density}`})`;
      break;
    }
    const chosen =
      opts.maxP === undefined
        ? {
            box: trajectory.boxes[step.step],
            step,
            quasiP: quasiP(data, rows, trajectory.boxes[step.step], whole, step),
            lifted: [],
          }
        : liftRestrictions(data, rows, trajectory.boxes[step.step], whole, step, opts.maxP);
    const box = chosen.box;
    found.push({
      ...chosen.step,
      box: b,
      trajectory: trajectory.steps,
      met,
      quasiP: chosen.quasiP,
      remaining: { cases: rows.length, positives: left },
      lifted: chosen.lifted,
    });
    if (chosen.step.restricted.length === 0) {
      if (b < opts.boxes) stopped = `box ${b} is every case left (no restriction needed)`;
      break;
    }
    const inBox = new Set(rowsIn(data, box, rows));
    rows = rows.filter((i) => !inBox.has(i));
    if (rows.length === 0) break;
  }
  return {
    cases: n,
    positives: total,
    whole: describeBox(data, whole, whole).limits,
    boxes: found,
    ...(stopped ? { stopped } : {}),
  };
}
