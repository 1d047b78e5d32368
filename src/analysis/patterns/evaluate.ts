import type { RunSummary } from '../../engine/result.ts';
import { type Scenario, validateScenario } from '../../model/scenario.ts';
import { meanInterval, wilson } from '../intervals.ts';
import { runScenario } from '../summary.ts';
import type { Pattern, PatternResult } from './types.ts';

/** One scenario run of the battery; runs with the same scenario and seed are shared between patterns. */
export interface BatteryRun {
  key: string;
  scenario: Scenario;
}

export interface BatteryPlan {
  runs: BatteryRun[];
  /** Per pattern: the run key of each arm for each seed, or why it cannot run. */
  arms: Map<string, { keys: Record<string, string>[] } | { error: string }>;
  seeds: number[];
}

/** The seeds of a battery of `n` seeds: 1 … n, the same for every pattern (runs are paired across arms). */
export function batterySeeds(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k + 1);
}

/**
 * Validates every arm and lists the distinct runs (scenario × seed) the battery needs.
 * `residentsScale` shrinks every community (at least 300 residents), for quick checks only: the
 * battery's verdicts are for the sizes it declares.
 */
export function planRuns(patterns: readonly Pattern[], seedCount: number, residentsScale = 1): BatteryPlan {
  const seeds = batterySeeds(seedCount);
  const runs = new Map<string, BatteryRun>();
  const arms: BatteryPlan['arms'] = new Map();
  for (const p of patterns) {
    const problems: string[] = [];
    const valid: Record<string, Scenario> = {};
    for (const [arm, file] of Object.entries(p.arms)) {
      const v = validateScenario({ id: p.id, ...file, seed: 1 });
      if (v.ok) valid[arm] = v.scenario;
      else {
        const knockouts =
          'knockouts' in file ? ' (this build has no knock-outs: scenario field `knockouts`)' : '';
        problems.push(`arm ${arm}: ${v.errors.join('; ')}${knockouts}`);
      }
    }
    if (problems.length) {
      arms.set(p.id, { error: problems.join(' | ') });
      continue;
    }
    const keys = seeds.map((seed) => {
      const bySeed: Record<string, string> = {};
      for (const [arm, scenario] of Object.entries(valid)) {
        const residents = Math.max(300, Math.round(scenario.residents * residentsScale));
        const s = { ...scenario, id: 'pattern', seed, residents };
        const key = JSON.stringify(s);
        if (!runs.has(key)) runs.set(key, { key, scenario: s });
        bySeed[arm] = key;
      }
      return bySeed;
    });
    arms.set(p.id, { keys });
  }
  return { runs: [...runs.values()], arms, seeds };
}

const tidy = (x: number | null) => (x === null ? null : Math.round(x * 1e4) / 1e4);

/** Judges every pattern from the summaries of the plan's runs (a run that failed is an Error). */
export function evaluate(
  patterns: readonly Pattern[],
  plan: BatteryPlan,
  results: ReadonlyMap<string, RunSummary | Error>,
): PatternResult[] {
  return patterns.map((p) => {
    const head = {
      id: p.id,
      title: p.title,
      source: p.source,
      expected: p.expected,
      unit: p.unit,
      seeds: plan.seeds.length,
    };
    const fail = (error: string): PatternResult => ({
      ...head,
      measured: null,
      low: null,
      high: null,
      n: 0,
      pass: false,
      error,
    });
    const arms = plan.arms.get(p.id);
    if (!arms) return fail('not planned');
    if ('error' in arms) return fail(arms.error);
    const trials: boolean[] = [];
    const values: number[] = [];
    for (const bySeed of arms.keys) {
      const runs: Record<string, RunSummary> = {};
      for (const [arm, key] of Object.entries(bySeed)) {
        const r = results.get(key);
        if (!r) return fail(`run of arm ${arm} missing`);
        if (r instanceof Error) return fail(`arm ${arm} failed: ${r.message}`);
        runs[arm] = r;
      }
      const m = p.measure(runs);
      if (Array.isArray(m)) trials.push(...m);
      else if (m !== null && Number.isFinite(m)) values.push(m);
    }
    if (p.judge.kind === 'share') {
      const w = wilson(trials.filter(Boolean).length, trials.length);
      const pass = w.share !== null && w.share >= p.judge.atLeast;
      return { ...head, measured: tidy(w.share), low: tidy(w.low), high: tidy(w.high), n: w.n, pass };
    }
    const { above, below, wholeInterval } = p.judge;
    const m = meanInterval(values);
    const lo = wholeInterval ? m.low : m.mean;
    const hi = wholeInterval ? m.high : m.mean;
    const pass =
      lo !== null &&
      hi !== null &&
      (above === undefined || lo >= above) &&
      (below === undefined || hi <= below);
    return { ...head, measured: tidy(m.mean), low: tidy(m.low), high: tidy(m.high), n: values.length, pass };
  });
}

/** Runs the plan in this thread (for a few seeds and for tests); `onRun` after each run. */
export function runInProcess(
  plan: BatteryPlan,
  onRun?: (done: number) => void,
): Map<string, RunSummary | Error> {
  const out = new Map<string, RunSummary | Error>();
  for (const r of plan.runs) {
    try {
      out.set(r.key, runScenario(r.scenario).summary);
    } catch (e) {
      out.set(r.key, e instanceof Error ? e : new Error(String(e)));
    }
    onRun?.(out.size);
  }
  return out;
}
