/**
 * The wushe library: everything the `wushe` command line does, as functions. Run a scenario,
 * validate and edit scenarios, read the parameters and their specs, analyse the linkage pathway,
 * run the virtual survey and calibrate against survey targets, build and aggregate batches
 * (sweeps, Morris screening, the strength landscape) and drive a pool of workers. Free of Node
 * APIs, so the same module runs in a browser; the Node worker pool is in `wushe/node`.
 *
 * ```ts
 * import { parseScenario, runScenario } from 'wushe';
 * const v = parseScenario(text);
 * if (v.ok) console.log(runScenario(v.scenario).summary.pathway.mode);
 * ```
 *
 * @module wushe
 */

// analysis: pathway, virtual survey, regression, calibration
export {
  type CalibrationResult,
  type CrossValidationRow,
  calibrate,
  type FitRow,
  fitRows,
  INDICATOR_NAMES,
  runLocally,
  type SurveyRunner,
  type Targets,
  type TraceRow,
  validateTargets,
} from './analysis/calibrate.ts';
export { modeShares, wilson } from './analysis/intervals.ts';
export { LINKAGE_MECHANISMS, withoutLinkage } from './analysis/knockout.ts';
export { MEASUREMENT_PATHS, type MeasurementPath, thresholdsFrom } from './analysis/measurement.ts';
export { analysePathway, type PathwaySettings, pathwayFromWeeks, rollInWeeks } from './analysis/pathway.ts';
export {
  battery,
  evaluate,
  type Pattern,
  type PatternResult,
  PRESET_IDS,
  type Presets,
  planRuns,
  runInProcess,
} from './analysis/patterns/index.ts';
// programmes: many communities coupled through shared resources (docs/programme.md)
export { PROGRAMME_METRICS, type ProgrammeMetrics, replicateMetrics } from './analysis/programmeMetrics.ts';
export { runProgrammeReplicate } from './analysis/programmeReplicate.ts';
export { surveyProgramme } from './analysis/programmeSurvey.ts';
export { HUBEI_2020 } from './analysis/published.ts';
export { type FixedEffectsFit, fixedEffectsOls } from './analysis/regression.ts';
export { type RunOptions, type RunOutput, runScenario, runSummary } from './analysis/summary.ts';
export {
  INDICATORS,
  type Indicator,
  type Interval,
  type Respondent,
  report as surveyReport,
  type SurveyReport,
  type SurveySummary,
  sampleRespondents,
  summarise as summariseSurveys,
  surveyOnce,
} from './analysis/survey.ts';
// batch experiments
export {
  SENSITIVITY_OUTPUTS,
  type SensitivityRow,
  sensitivity,
  sensitivityCsv,
  summaryCsv,
} from './batch/aggregate.ts';
export {
  aggregateLandscape,
  type LandscapeCell,
  type LandscapeOptions,
  type LandscapePoint,
  landscapePoints,
} from './batch/landscape.ts';
export { type LandscapeSvgOptions, landscapeSvg } from './batch/landscapeSvg.ts';
export {
  type LoadedPlan,
  type LoadPlanOptions,
  type LoadPlanResult,
  loadPlanText,
  loadPlanValue,
  looksLikeScenario,
} from './batch/loadPlan.ts';
export { METRIC_KEYS, type RunMetrics, runMetrics } from './batch/metrics.ts';
export {
  checkPlanShape,
  DESIGNS,
  type DesignId,
  type PlanFile,
  planJsonSchema,
  type ResolvedPlan,
  resolvePlan,
} from './batch/plan.ts';
export { PLAN_MESSAGES, type PlanMessageId, planMessage } from './batch/planMessages.ts';
export {
  type CommunitySummary,
  type Interval as ProgrammeInterval,
  type ProgrammeFacts,
  type ProgrammeResult,
  type ProgrammeRunOptions,
  pairedDifferences,
  replicateSeeds,
  runProgrammeInProcess,
  summariseProgramme,
} from './batch/programme.ts';
export { parseRecord, type RunRecord, recordLine } from './batch/records.ts';
export {
  type RunSweepOptions,
  runSweep,
  type SweepResult,
  type SweepRunner,
  sweepTasks,
} from './batch/runSweep.ts';
export { deriveSeed } from './batch/seeds.ts';
export type { SvgHost } from './batch/svgHost.ts';
export { createSweep, type RunSpec, runSpec, type Sweep, scenarioForRun } from './batch/sweep.ts';
export {
  isSweepInfo,
  PLAN_FILE,
  parseRunsText,
  RUNS_FILE,
  runsText,
  SUMMARY_FILE,
  SWEEP_FILE,
  SWEEP_FILES,
  type SweepInfo,
  sweepInfo,
} from './batch/sweepFolder.ts';
// workers (the Node adapter is in `wushe/node`)
export { type RunOutcome, type RunTask, runTask } from './batch/task.ts';
export type {
  CommunityRow,
  DistrictLedger,
  DistrictSeries,
  ReplicateResult,
} from './engine/districtTypes.ts';
// running scenarios
export { REPORTERS, type Reporter, SERIES_COLUMNS } from './engine/reporters.ts';
export type { Flow, LinkageEvent, Outcomes, Pathway, RunRecording, RunSummary } from './engine/result.ts';
export { Simulation } from './engine/run.ts';
// scenarios
export {
  ELEMENT_NAMES,
  ELEMENTS,
  type ElementId,
  MODES,
  type ModeId,
  STRATEGIES,
  type StrategyId,
} from './model/elements.ts';
export { ensembleMembers } from './model/ensemble.ts';
export { INTERVENTION_TYPES, type Intervention } from './model/interventions.ts';
export { type JsonSchema, scenarioJsonSchema } from './model/jsonSchema.ts';
export {
  KNOCKOUT_IDS,
  MECHANISMS,
  type Mechanism,
  PROCESSES,
  type Process,
} from './model/mechanisms.ts';
export { LANGS, type Lang, MESSAGES, type MessageId, message } from './model/messages.ts';
export {
  ALL_NUMBERS,
  defaultParameters,
  INITIAL_FIELDS,
  type NumberSpec,
  numberSpec,
  PARAMETERS,
  type ParameterGroup,
  type ParameterSpec,
  type Parameters,
  SCENARIO_FIELDS,
} from './model/parameters.ts';
// parameters and their specs
export { parameterTableMarkdown } from './model/parameterTable.ts';
export { applySet, parseScenario, SETTABLE_PATHS } from './model/parse.ts';
export {
  PROGRAMME_SETTABLE_PATHS,
  type ProgrammeFile,
  type ProgrammeSpec,
  type ProgrammeValidation,
  parseProgramme,
  programmeJsonSchema,
} from './model/programme.ts';
export { type Programme, resolveProgramme } from './model/programmeCommunities.ts';
export { ALLOCATION_RULES, INSTRUMENTS, PROGRAMME_NUMBERS } from './model/programmeParameters.ts';
export {
  type Scenario,
  type ScenarioFile,
  type ValidationResult,
  validateScenario,
} from './model/scenario.ts';
export { type WorkerApi, workerApi } from './worker/api.ts';
export { type BrowserWorker, browserWorkerHandle } from './worker/browserAdapter.ts';
export { type Job, type PoolOptions, type RemoteApi, type WorkerHandle, WorkerPool } from './worker/pool.ts';
