/**
 * The strength landscape: two starting strengths (or any two numeric fields) varied over a grid,
 * replicates at every cell, and per cell the share of runs in each practice model, the dominant
 * one, and the mean week by which all five elements were involved. Used by `wushe landscape` and
 * by the web app's landscape view. Pure: no Node or DOM API.
 */
import { wilson } from '../analysis/intervals.ts';
import { MODES, type ModeId } from '../model/elements.ts';
import { numberSpec } from '../model/parameters.ts';
import { applySet, SETTABLE_PATHS } from '../model/parse.ts';
import { closest, type Scenario, type ScenarioFile, validateScenario } from '../model/scenario.ts';
import type { RunMetrics } from './metrics.ts';
import { scenarioFile } from './plan.ts';
import { deriveSeed } from './seeds.ts';

export interface LandscapeOptions {
  /** Dotted path of the field on the x axis, e.g. `initial.volunteers`. */
  x: string;
  /** Dotted path of the field on the y axis. */
  y: string;
  /** Grid values per axis (≥ 2). */
  steps: number;
  /** Runs per cell, each with its own derived seed (≥ 1). */
  replicates: number;
  /** Master seed. */
  seed: number;
}

/** One run of the landscape. */
export interface LandscapePoint {
  /** Run index: ((iy · steps) + ix) · replicates + replicate. */
  index: number;
  ix: number;
  iy: number;
  x: number;
  y: number;
  replicate: number;
  seed: number;
  scenario: Scenario;
}

export interface LandscapeCell {
  ix: number;
  iy: number;
  x: number;
  y: number;
  /** Runs with a result so far. */
  n: number;
  /** Share of those runs in each mode (all 0 while n = 0). */
  share: Record<ModeId, number>;
  /** 95% Wilson interval of each mode's share, [low, high] ([0, 1] while n = 0). */
  interval: Record<ModeId, [number, number]>;
  /** The mode with the largest share (ties go to the first in MODES order); null while n = 0. */
  dominant: ModeId | null;
  /** Mean week by which all five elements were involved, over the runs in which they all were. */
  meanAllInvolvedTick: number | null;
}

/** Most runs one landscape may hold (every run's scenario is kept in memory). */
export const MAX_LANDSCAPE_RUNS = 100_000;

/** Where an axis runs: [0, 1] for a starting strength, the field's declared range otherwise. */
export function axisRange(path: string): { min: number; max: number; integer: boolean } {
  const spec = numberSpec(path);
  if (!spec) throw new Error(landscapePathError(path));
  if (path.startsWith('initial.')) return { min: 0, max: 1, integer: false };
  return { min: spec.min, max: spec.max, integer: !!spec.integer };
}

/** Why a path cannot be a landscape axis (unknown, not numeric, or the seed). */
export function landscapePathError(path: string): string {
  if (path === 'seed') return 'seed: cannot be an axis (each run’s seed is derived from the master seed)';
  if (SETTABLE_PATHS.includes(path) && !numberSpec(path))
    return `${path}: not a numeric field; an axis needs a number`;
  const numeric = SETTABLE_PATHS.filter((p) => numberSpec(p) && p !== 'seed');
  const hint = closest(path, numeric);
  return `${path}: unknown numeric field${hint ? ` (did you mean "${hint}"?)` : ''}; see \`wushe schema\``;
}

/** Checks landscape options; returns problems as lines, empty when fine. */
export function checkLandscapeOptions(opts: LandscapeOptions): string[] {
  const problems: string[] = [];
  for (const [name, path] of [
    ['x', opts.x],
    ['y', opts.y],
  ] as const) {
    if (path === 'seed' || !numberSpec(path)) problems.push(`--${name} ${landscapePathError(path)}`);
  }
  if (opts.x === opts.y) problems.push(`--x and --y are the same field (${opts.x})`);
  if (!Number.isInteger(opts.steps) || opts.steps < 2 || opts.steps > 1000)
    problems.push(`steps: must be a whole number from 2 to 1000 (got ${opts.steps})`);
  if (!Number.isInteger(opts.replicates) || opts.replicates < 1 || opts.replicates > 100000)
    problems.push(`replicates: must be a whole number from 1 to 100000 (got ${opts.replicates})`);
  if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 4294967295)
    problems.push(`seed: must be a whole number from 0 to 4294967295 (got ${opts.seed})`);
  if (problems.length === 0 && opts.steps * opts.steps * opts.replicates > MAX_LANDSCAPE_RUNS)
    problems.push(
      `steps × steps × replicates = ${opts.steps * opts.steps * opts.replicates} runs; at most ${MAX_LANDSCAPE_RUNS} (use \`wushe sweep\` with a grid plan for more)`,
    );
  return problems;
}

/** `steps` values evenly spaced over an axis. */
export function axisValues(path: string, steps: number): number[] {
  const { min, max, integer } = axisRange(path);
  return Array.from({ length: steps }, (_, i) => {
    const v = min + ((max - min) * i) / (steps - 1);
    return integer ? Math.round(v) : Number(v.toPrecision(10));
  });
}

/**
 * Every run of a landscape, in index order (cells row by row from y's first value, replicates
 * innermost). Seeds are derived from the master seed, the cell and the replicate. Throws an Error
 * naming the problem for bad options or a scenario that the axis values make invalid.
 */
export function landscapePoints(base: ScenarioFile | Scenario, opts: LandscapeOptions): LandscapePoint[] {
  const problems = checkLandscapeOptions(opts);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const xs = axisValues(opts.x, opts.steps);
  const ys = axisValues(opts.y, opts.steps);
  const file = scenarioFile(base) as unknown as Record<string, unknown>;
  const points: LandscapePoint[] = [];
  for (let iy = 0; iy < ys.length; iy++) {
    for (let ix = 0; ix < xs.length; ix++) {
      const cell = iy * opts.steps + ix;
      const f = structuredClone(file);
      applySet(f, `${opts.x}=${xs[ix]}`);
      applySet(f, `${opts.y}=${ys[iy]}`);
      const checked = validateScenario(f);
      if (!checked.ok)
        throw new Error(`${opts.x}=${xs[ix]}, ${opts.y}=${ys[iy]}: ${checked.errors.join('; ')}`);
      for (let r = 0; r < opts.replicates; r++) {
        const seed = deriveSeed(opts.seed, cell, r);
        points.push({
          index: cell * opts.replicates + r,
          ix,
          iy,
          x: xs[ix],
          y: ys[iy],
          replicate: r,
          seed,
          // replicates share the cell's scenario objects; only the seed differs
          scenario: { ...checked.scenario, seed },
        });
      }
    }
  }
  return points;
}

function emptyShare(): Record<ModeId, number> {
  return Object.fromEntries(MODES.map((m) => [m, 0])) as Record<ModeId, number>;
}

/**
 * Cells of a landscape from the results so far (`results[i]` belongs to `points[i]`; undefined for
 * a run not finished or failed). Cells come row by row, as in `landscapePoints`.
 */
export function aggregateLandscape(
  points: readonly LandscapePoint[],
  results: readonly (RunMetrics | undefined)[],
): LandscapeCell[] {
  const cells = new Map<string, { cell: LandscapeCell; counts: Record<ModeId, number>; ticks: number[] }>();
  points.forEach((p, i) => {
    const key = `${p.iy}:${p.ix}`;
    let c = cells.get(key);
    if (!c) {
      c = {
        cell: {
          ix: p.ix,
          iy: p.iy,
          x: p.x,
          y: p.y,
          n: 0,
          share: emptyShare(),
          interval: Object.fromEntries(MODES.map((m) => [m, [0, 1]])) as Record<ModeId, [number, number]>,
          dominant: null,
          meanAllInvolvedTick: null,
        },
        counts: emptyShare(),
        ticks: [],
      };
      cells.set(key, c);
    }
    const m = results[i];
    if (!m) return;
    c.cell.n++;
    c.counts[m.mode]++;
    if (m.allInvolvedTick !== null && m.allInvolvedTick !== undefined) c.ticks.push(m.allInvolvedTick);
  });
  const out = [...cells.values()].sort((a, b) => a.cell.iy - b.cell.iy || a.cell.ix - b.cell.ix);
  return out.map(({ cell, counts, ticks }) => {
    if (cell.n > 0) {
      let best: ModeId | null = null;
      for (const m of MODES) {
        cell.share[m] = counts[m] / cell.n;
        const w = wilson(counts[m], cell.n);
        cell.interval[m] = [w.low ?? 0, w.high ?? 1];
        if (best === null || counts[m] > counts[best]) best = m;
      }
      cell.dominant = best;
    }
    if (ticks.length > 0) cell.meanAllInvolvedTick = ticks.reduce((a, b) => a + b, 0) / ticks.length;
    return cell;
  });
}
