/**
 * A resolved plan turned into runs: the design points, the run list (run = point × replicates +
 * replicate), each run's derived seed and scenario, and shards. Pure: no Node or DOM API.
 */
import type { Scenario } from '../model/scenario.ts';
import { validateScenario } from '../model/scenario.ts';
import { designRandom, latinHypercube, type MorrisDesign, morrisDesign, randomDesign } from './designs.ts';
import { type Factor, gridValues, type ResolvedPlan, rangeValue, scenarioFile } from './plan.ts';
import { deriveSeed } from './seeds.ts';

export interface Shard {
  /** 0 … count − 1 */
  index: number;
  count: number;
}

/** One run of a sweep: which design point and replicate, its seed and factor values. */
export interface RunSpec {
  run: number;
  point: number;
  replicate: number;
  seed: number;
  /** Factor path → value, in the plan's factor order. */
  factors: Record<string, unknown>;
}

export interface Sweep {
  plan: ResolvedPlan;
  points: number;
  runs: number;
  /** The factor values of design point `p`, in factor order. */
  values(p: number): unknown[];
  /** The Morris design (trajectories, steps), for a morris plan. */
  morris?: MorrisDesign;
}

/** The value a factor takes at unit position u ∈ [0, 1) (lists: one of `k` equal strata). */
function unitValue(f: Factor, u: number): unknown {
  if (f.kind === 'range') return rangeValue(f, u);
  return f.values[Math.min(f.values.length - 1, Math.floor(u * f.values.length))];
}

/** Lays out the design of a resolved plan. */
export function createSweep(plan: ResolvedPlan): Sweep {
  const k = plan.factors.length;
  if (plan.design === 'grid') {
    const axes = plan.factors.map((f) => (f.kind === 'list' ? f.values : gridValues(f, plan.levels!)));
    const points = axes.reduce((n, a) => n * a.length, 1);
    return {
      plan,
      points,
      runs: points * plan.replicates,
      values(p) {
        // first factor varies slowest, like nested loops in the plan's order
        const out = new Array<unknown>(k);
        let rest = p;
        for (let j = k - 1; j >= 0; j--) {
          const n = axes[j].length;
          out[j] = axes[j][rest % n];
          rest = Math.floor(rest / n);
        }
        return out;
      },
    };
  }
  const random = designRandom(plan.seed, plan.design);
  const n = plan.samples!;
  let unit: number[][];
  let morris: MorrisDesign | undefined;
  if (plan.design === 'random') unit = randomDesign(n, k, random);
  else if (plan.design === 'lhs') unit = latinHypercube(n, k, random);
  else {
    morris = morrisDesign(n, k, plan.levels!, random);
    unit = morris.points;
  }
  return {
    plan,
    points: unit.length,
    runs: unit.length * plan.replicates,
    values: (p) => plan.factors.map((f, j) => unitValue(f, unit[p][j])),
    ...(morris ? { morris } : {}),
  };
}

/** The run with index `run`: its design point, replicate, seed and factor values. */
export function runSpec(sweep: Sweep, run: number): RunSpec {
  const r = sweep.plan.replicates;
  const point = Math.floor(run / r);
  const replicate = run % r;
  const values = sweep.values(point);
  const factors: Record<string, unknown> = {};
  sweep.plan.factors.forEach((f, j) => {
    factors[f.path] = values[j];
  });
  return { run, point, replicate, seed: deriveSeed(sweep.plan.seed, point, replicate), factors };
}

/** Sets a dotted path inside an object, creating objects on the way. */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const key of keys.slice(0, -1)) {
    if (typeof o[key] !== 'object' || o[key] === null || Array.isArray(o[key])) o[key] = {};
    o = o[key] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]] = structuredClone(value);
}

/**
 * The scenario of a run: the base scenario with the run's factor values and seed. Numbers and the
 * strategy (checked when the plan was resolved) are set directly; other fields go through full
 * validation, and an invalid combination throws an Error naming the problems.
 */
export function scenarioForRun(plan: ResolvedPlan, spec: Pick<RunSpec, 'factors' | 'seed'>): Scenario {
  if (!plan.validateRuns) {
    const s = structuredClone(plan.scenario) as unknown as Record<string, unknown>;
    for (const [path, value] of Object.entries(spec.factors)) setPath(s, path, value);
    s.seed = spec.seed;
    return s as unknown as Scenario;
  }
  const file = structuredClone(scenarioFile(plan.scenario)) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(spec.factors)) setPath(file, path, value);
  file.seed = spec.seed;
  const checked = validateScenario(file);
  if (!checked.ok) throw new Error(`invalid scenario: ${checked.errors.join('; ')}`);
  return checked.scenario;
}

/**
 * Problems with design points whose factor values do not fit together (only when a factor couples
 * to other fields, such as `ticks` with the interventions' weeks). At most `limit` lines.
 */
export function checkPoints(sweep: Sweep, limit = 10): string[] {
  if (!sweep.plan.validateRuns) return [];
  const problems: string[] = [];
  let count = 0;
  for (let p = 0; p < sweep.points; p++) {
    const spec = runSpec(sweep, p * sweep.plan.replicates);
    try {
      scenarioForRun(sweep.plan, spec);
    } catch (e) {
      count++;
      if (problems.length < limit)
        problems.push(`design point ${p} ${JSON.stringify(spec.factors)}: ${(e as Error).message}`);
    }
  }
  if (count > problems.length) problems.push(`… and ${count - problems.length} more design points`);
  return problems;
}

/** Parses `i/n` (0 ≤ i < n). */
export function parseShard(text: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index >= count)
    return undefined;
  return { index, count };
}

/** Whether a run belongs to a shard: runs are dealt round-robin, so every shard gets a similar mix. */
export function inShard(run: number, shard: Shard | undefined): boolean {
  return !shard || run % shard.count === shard.index;
}

/** Number of runs in a shard. */
export function shardSize(runs: number, shard: Shard | undefined): number {
  if (!shard) return runs;
  return Math.max(0, Math.ceil((runs - shard.index) / shard.count));
}
