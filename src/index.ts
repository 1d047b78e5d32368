/**
 * The wushe library: run scenarios in-process, validate them, and run batches (sweeps, Morris
 * screening, the strength landscape). Pure TypeScript with no Node API; Node worker pools are in
 * src/worker/node.ts.
 */

export { sensitivity, summaryCsv } from './batch/aggregate.ts';
// batch experiments
export {
  aggregateLandscape,
  type LandscapeCell,
  type LandscapeOptions,
  type LandscapePoint,
  landscapePoints,
} from './batch/landscape.ts';
export { type RunMetrics, runMetrics } from './batch/metrics.ts';
export {
  checkPlanShape,
  type PlanFile,
  planJsonSchema,
  type ResolvedPlan,
  resolvePlan,
} from './batch/plan.ts';
export { deriveSeed } from './batch/seeds.ts';
export { createSweep, type RunSpec, runSpec, type Sweep, scenarioForRun } from './batch/sweep.ts';
export type { RunSummary } from './engine/result.ts';
export { runScenario, Simulation } from './engine/run.ts';
export { ELEMENTS, type ElementId, MODES, type ModeId } from './model/elements.ts';
export { scenarioJsonSchema } from './model/jsonSchema.ts';
export { parseScenario } from './model/parse.ts';
export { type Scenario, type ScenarioFile, validateScenario } from './model/scenario.ts';
export { type RunOutcome, type RunTask, type WorkerApi, workerApi } from './worker/api.ts';
export { type WorkerHandle, WorkerPool } from './worker/pool.ts';
