/**
 * `runSweep(plan, options)`: runs a sweep plan (or one shard of it) and returns its records and
 * aggregates — what `wushe sweep` does, as a function. Runs go to `options.runner` (a WorkerPool,
 * e.g. `createNodePool(n)` in Node or a pool of browser workers); without one they run one after
 * another in this thread. The results do not depend on the runner or on the order runs finish in.
 * Pure: no Node or DOM API.
 */
import type { Scenario } from '../model/scenario.ts';
import { type SensitivityRow, sensitivity, sensitivityCsv, summaryCsv } from './aggregate.ts';
import { type LoadPlanOptions, loadPlanValue } from './loadPlan.ts';
import type { PlanFile, ResolvedPlan } from './plan.ts';
import type { RunRecord } from './records.ts';
import {
  createSweep,
  type RunSpec,
  runSpec,
  type Shard,
  type Sweep,
  scenarioForRun,
  shardSize,
} from './sweep.ts';
import { type RunOutcome, type RunTask, runTask } from './task.ts';

/** Something that runs tasks and reports each outcome as it finishes: a `WorkerPool` fits. */
export interface SweepRunner {
  run(tasks: Iterable<RunTask>, onOutcome: (o: RunOutcome) => void): Promise<void>;
}

export interface RunSweepOptions {
  /** Where runs go (default: in this thread, one after another). */
  runner?: SweepRunner;
  /** Run only this shard of the runs (round-robin: run % count === index). */
  shard?: Shard;
  /** Runs already done elsewhere (e.g. a stopped sweep's runs.jsonl): not run again. */
  skip?: ReadonlySet<number>;
  /** Called for each finished run, in completion order (e.g. to append it to runs.jsonl). */
  onRecord?: (record: RunRecord) => void;
  /**
   * Keep the records and aggregate them (default true). `false` for a sweep too large to hold in
   * memory: records only go to `onRecord`, and the result has no records or aggregates.
   */
  keepRecords?: boolean;
  /** For a plan file that names its scenario by path: see {@link LoadPlanOptions}. */
  readScenario?: LoadPlanOptions['readScenario'];
}

export interface SweepResult {
  plan: ResolvedPlan;
  sweep: Sweep;
  /** The runs this call made, sorted by run; a failed run has `error` instead of `metrics`. */
  records: RunRecord[];
  /** `summary.csv` of these records (unless `keepRecords` was false). */
  summaryCsv?: string;
  /** Morris screening of a complete Morris sweep (all runs, no shard, nothing skipped). */
  sensitivity?: SensitivityRow[];
  sensitivityCsv?: string;
}

/** A plan as written (`factors` an object) or already resolved (`factors` a list). */
function isResolved(plan: PlanFile | ResolvedPlan): plan is ResolvedPlan {
  return Array.isArray(plan.factors);
}

/** The tasks of a sweep's remaining runs; a run whose scenario cannot be made is reported at once. */
export function* sweepTasks(
  sweep: Sweep,
  options: { shard?: Shard; skip?: ReadonlySet<number> },
  specs: Map<number, RunSpec>,
  onRecord: (r: RunRecord) => void,
): Generator<RunTask> {
  const { shard, skip } = options;
  const step = shard?.count ?? 1;
  for (let run = shard?.index ?? 0; run < sweep.runs; run += step) {
    if (skip?.has(run)) continue;
    const spec = runSpec(sweep, run);
    let scenario: Scenario;
    try {
      scenario = scenarioForRun(sweep.plan, spec);
    } catch (e) {
      onRecord({ ...spec, error: (e as Error).message });
      continue;
    }
    specs.set(run, spec);
    yield { id: run, scenario };
  }
}

/**
 * Runs a sweep. `plan` is a plan as written (checked and resolved here; an invalid plan throws an
 * Error listing its problems) or a resolved plan.
 */
export async function runSweep(
  plan: PlanFile | ResolvedPlan,
  options: RunSweepOptions = {},
): Promise<SweepResult> {
  let sweep: Sweep;
  if (isResolved(plan)) sweep = createSweep(plan);
  else {
    const loaded = loadPlanValue(plan, { readScenario: options.readScenario });
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    sweep = loaded.sweep;
  }
  const keep = options.keepRecords !== false;
  const records: RunRecord[] = [];
  const record = (r: RunRecord) => {
    if (keep) records.push(r);
    options.onRecord?.(r);
  };
  const specs = new Map<number, RunSpec>();
  const tasks = sweepTasks(sweep, options, specs, record);
  const onOutcome = (o: RunOutcome) => {
    const spec = specs.get(o.id)!;
    specs.delete(o.id);
    record(o.metrics ? { ...spec, metrics: o.metrics } : { ...spec, error: o.error });
  };
  if (options.runner) await options.runner.run(tasks, onOutcome);
  else for (const task of tasks) onOutcome(runTask(task));

  if (!keep) return { plan: sweep.plan, sweep, records };
  records.sort((a, b) => a.run - b.run);
  const complete =
    !options.shard && (options.skip?.size ?? 0) === 0 && records.length === shardSize(sweep.runs, undefined);
  const rows = sweep.morris && complete ? sensitivity(sweep, records) : undefined;
  return {
    plan: sweep.plan,
    sweep,
    records,
    summaryCsv: summaryCsv(sweep, records),
    ...(rows ? { sensitivity: rows, sensitivityCsv: sensitivityCsv(rows) } : {}),
  };
}
