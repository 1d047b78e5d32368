import { ALL_NUMBERS } from '../model/parameters.ts';
import { applySet } from '../model/parse.ts';
import { type Scenario, validateScenario } from '../model/scenario.ts';
import { type CrossValidationRow, crossValidate } from './crossValidation.ts';
import {
  isMeasurement,
  MEASUREMENT_PATHS,
  type MeasurementPath,
  measurementFrom,
  thresholdsFrom,
} from './measurement.ts';
import { coarseStart, nelderMead } from './nelderMead.ts';
import { type Indicator, type Respondent, type SurveySummary, summaryOf, surveyOnce } from './survey.ts';
import { type FitRow, fitRows, identification, indicatorValue, objective, type Targets } from './targets.ts';

export type { CrossValidationRow } from './crossValidation.ts';
export {
  type FitRow,
  fitRows,
  INDICATOR_NAMES,
  indicatorValue,
  objective,
  type Targets,
  validateTargets,
} from './targets.ts';

/**
 * Calibration of a scenario to survey targets (docs/validation.md, "Method"): per stage a coarse
 * coordinate search then Nelder–Mead over the stage's free parameters scaled to [0, 1], minimising
 * Σ weight·((simulated − observed)/tolerance)² over the targets not held out, where the simulated
 * value is the mean over `replicates` seeds of the virtual survey (the same seeds at every
 * evaluation: common random numbers). `evaluations` is the budget of the whole fit, counted in
 * evaluations that run the communities (each costs `replicates` surveys): every stage that moves a
 * model parameter gets the remaining budget in proportion to its number of parameters, and what a
 * stage does not use passes on. Stages that move only the measurement model re-score cached
 * respondents (milliseconds each) and are capped at `RESCORE_EVALUATIONS` per parameter instead;
 * the one simulation they may need is charged to the budget. Changing only the measurement model (`measurement.*`, or `parameters.survey.*`)
 * re-scores the same respondents without re-running the communities. After the fit, each published
 * improvement figure is left out in turn and predicted from a refit of the measurement model to the
 * others (cross-validation on the fitted simulations).
 */

/** Runs the virtual survey of `scenario` for each seed: respondents per seed, in seed order. */
export type SurveyRunner = (
  scenario: Scenario,
  seeds: readonly number[],
  respondents: number,
) => Promise<Respondent[][]>;

/** Runs the replicates one after another in this thread. */
export const runLocally: SurveyRunner = async (scenario, seeds, respondents) =>
  seeds.map((seed) => surveyOnce(scenario, seed, respondents).respondents);

export interface TraceRow {
  evaluation: number;
  stage: number;
  objective: number;
  /** Whether this evaluation ran the communities (false: re-scored cached respondents). */
  simulated: boolean;
  values: Record<string, number>;
  indicators: Record<string, number>;
}

export interface StagePlan {
  stage: number;
  parameters: string[];
  /** Whether changing this stage's parameters re-runs the communities. */
  simulates: boolean;
}

export interface CalibrateOptions {
  run?: SurveyRunner;
  onEvaluation?: (row: TraceRow) => void;
  /** Called as each stage starts, with its evaluations (a share of the budget if it simulates). */
  onStage?: (plan: StagePlan, budget: number) => void;
  /** Evaluations per cross-validation fold (default 60; 0 skips cross-validation). */
  crossValidation?: number;
}

export interface CalibrationResult {
  /** Every free parameter's fitted value (model `parameters.*` and `measurement.*`). */
  values: Record<string, number>;
  /** The scenario values to write: model parameters and the survey thresholds the measurement model gives. */
  scenarioValues: Record<string, number>;
  objective: number;
  fit: FitRow[];
  summary: SurveySummary;
  trace: TraceRow[];
  stages: StagePlan[];
  budget: number;
  identification: ReturnType<typeof identification>;
  heldOut: { rows: FitRow[]; meanAbsoluteError: number | null; maxAbsoluteError: number | null };
  crossValidation: CrossValidationRow[];
}

/** Evaluations per parameter of a stage that only re-scores respondents. */
export const RESCORE_EVALUATIONS = 150;

/** Re-scorings per evaluation when the measurement model is profiled out of a simulating stage. */
export const PROFILE_EVALUATIONS = 40;

const isThreshold = (path: string) => path.startsWith('parameters.survey.') || isMeasurement(path);

/** The scenario assignments for a set of values: measurement parameters become the eleven thresholds. */
export function scenarioValuesOf(values: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [path, v] of Object.entries(values)) if (!isMeasurement(path)) out[path] = v;
  if (MEASUREMENT_PATHS.some((p) => p in values)) {
    const t = thresholdsFrom(values as Record<MeasurementPath, number>);
    for (const [name, v] of Object.entries(t)) {
      // a line may climb past a threshold's declared range; the threshold stops at its edge
      const spec = ALL_NUMBERS.find((n) => n.path === `parameters.survey.${name}`);
      out[`parameters.survey.${name}`] = spec ? clampTo(v, spec.min, spec.max) : v;
    }
  }
  return out;
}

/** The eleven survey thresholds a set of values gives (measurement model, or as set). */
function thresholdsOf(values: Record<string, number>): Record<Indicator, number> {
  const out = {} as Record<Indicator, number>;
  for (const [path, v] of Object.entries(scenarioValuesOf(values)))
    if (path.startsWith('parameters.survey.')) out[path.slice('parameters.survey.'.length) as Indicator] = v;
  return out;
}

/** Sets dotted `path=value` assignments (model or measurement) on a copy of a scenario file and validates it. */
export function withValues(file: Record<string, unknown>, values: Record<string, number>): Scenario {
  const copy = structuredClone(file);
  for (const [path, v] of Object.entries(scenarioValuesOf(values))) {
    const error = applySet(copy, `${path}=${v}`);
    if (error) throw new Error(error);
  }
  const r = validateScenario(copy);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

export async function calibrate(
  file: Record<string, unknown>,
  targets: Targets,
  options: CalibrateOptions = {},
): Promise<CalibrationResult> {
  const run = options.run ?? runLocally;
  const seeds = Array.from({ length: targets.replicates }, (_, k) => targets.seed + k);
  const base = withValues(file, {});
  const values: Record<string, number> = {};
  if (targets.parameters.some((p) => isMeasurement(p.path))) {
    Object.assign(values, measurementFrom(base.parameters.survey as Record<Indicator, number>));
  }
  for (const p of targets.parameters) {
    values[p.path] = clampTo(isMeasurement(p.path) ? values[p.path] : read(base, p.path), p.min, p.max);
  }
  const cache = new Map<string, Respondent[][]>();
  const trace: TraceRow[] = [];

  const respondentsAt = async (v: Record<string, number>, scenario: Scenario) => {
    const key = JSON.stringify(Object.entries(v).filter(([p]) => !isThreshold(p)));
    let rows = cache.get(key);
    const simulated = rows === undefined;
    if (!rows) {
      rows = await run(scenario, seeds, targets.respondents);
      // keep the most recent simulations (the best point is among them)
      if (cache.size >= 64) cache.delete(cache.keys().next().value as string);
      cache.set(key, rows);
    }
    return { rows, simulated };
  };

  const stages = stagePlans(targets);
  const simulations = () => trace.reduce((n, t) => n + (t.simulated ? 1 : 0), 0);
  for (const [s, plan] of stages.entries()) {
    const remaining = targets.evaluations - simulations();
    const later = stages.slice(s).reduce((n, p) => n + (p.simulates ? p.parameters.length : 0), 0);
    const budget = plan.simulates
      ? Math.floor((remaining * plan.parameters.length) / later)
      : RESCORE_EVALUATIONS * plan.parameters.length;
    // a simulating stage left without budget is skipped: the budget is a hard limit
    if (budget < 1) continue;
    options.onStage?.(plan, budget);
    const specs = plan.parameters.map((path) => targets.parameters.find((p) => p.path === path)!);
    const toValues = (x: number[]) => {
      const v = { ...values };
      specs.forEach((p, i) => {
        const value = p.min + x[i] * (p.max - p.min);
        v[p.path] = ALL_NUMBERS.find((n) => n.path === p.path)?.integer ? Math.round(value) : value;
      });
      return v;
    };
    const start = specs.map((p) => (p.max > p.min ? (values[p.path] - p.min) / (p.max - p.min) : 0));
    // a stage that re-runs the communities but does not move the free parameters that only re-score
    // (the measurement model, survey thresholds) refits them at every evaluation on the new
    // respondents (profiles them out), so the two are not fitted against each other's stale values
    const measurement = targets.parameters.filter((p) => isThreshold(p.path));
    const profile = plan.simulates && measurement.length > 0 && !plan.parameters.some(isThreshold);
    const profiled = new Map<string, Record<string, number>>();
    const evaluate = async (x: number[]) => {
      let v = toValues(x);
      const scenario = withValues(file, v);
      const { rows, simulated } = await respondentsAt(v, scenario);
      let summary = summaryOf(rows, seeds, scenario.parameters.survey as Record<Indicator, number>);
      if (profile) {
        const at = (y: number[]) => {
          const w = { ...v };
          measurement.forEach((p, i) => {
            w[p.path] = p.min + y[i] * (p.max - p.min);
          });
          return w;
        };
        // the thresholds not being profiled stay the scenario's
        const fixed = scenario.parameters.survey as Record<Indicator, number>;
        const scored = (w: Record<string, number>) =>
          summaryOf(rows, seeds, { ...fixed, ...thresholdsOf(w) });
        const start = measurement.map((p) => (p.max > p.min ? (v[p.path] - p.min) / (p.max - p.min) : 0));
        const best = await nelderMead((y) => objective(scored(at(y)), targets), start, {
          maxEvaluations: PROFILE_EVALUATIONS,
          step: 0.05,
        });
        v = at(best.x);
        summary = scored(v);
        profiled.set(JSON.stringify(x), Object.fromEntries(measurement.map((p) => [p.path, v[p.path]])));
      }
      const value = objective(summary, targets);
      const row: TraceRow = {
        evaluation: trace.length + 1,
        stage: plan.stage,
        objective: value,
        simulated,
        values: Object.fromEntries(
          [...specs, ...(profile ? measurement : [])].map((p) => [p.path, v[p.path]]),
        ),
        indicators: Object.fromEntries(
          targets.indicators.map((t) => [t.name, indicatorValue(summary, t.name)]),
        ),
      };
      trace.push(row);
      options.onEvaluation?.(row);
      return value;
    };
    const coarse = await coarseStart(evaluate, start, 5, Math.max(1, budget - (specs.length + 1)));
    const left = budget - coarse.evaluations;
    const result =
      left > 0
        ? await nelderMead(evaluate, coarse.x, { maxEvaluations: left })
        : { x: coarse.x, evaluations: 0 };
    Object.assign(values, toValues(result.x), profiled.get(JSON.stringify(result.x)) ?? {});
  }

  const final = withValues(file, values);
  const { rows } = await respondentsAt(values, final);
  const summary = summaryOf(rows, seeds, final.parameters.survey as Record<Indicator, number>);
  const fit = fitRows(summary, targets);
  const held = fit.filter((f) => f.holdout && f.gap !== null && f.min === null && f.max === null);
  const errors = held.map((f) => Math.abs(f.gap as number));
  const crossValidation =
    (options.crossValidation ?? 60) > 0
      ? await crossValidate(rows, seeds, values, targets, options.crossValidation ?? 60)
      : [];
  return {
    values,
    scenarioValues: scenarioValuesOf(values),
    objective: objective(summary, targets),
    fit,
    summary,
    trace,
    stages,
    budget: targets.evaluations,
    identification: identification(targets),
    heldOut: {
      rows: held,
      meanAbsoluteError: errors.length ? errors.reduce((a, b) => a + b, 0) / errors.length : null,
      maxAbsoluteError: errors.length ? Math.max(...errors) : null,
    },
    crossValidation,
  };
}

/** The stages of a fit: each one's parameters and whether moving them re-runs the communities. */
export function stagePlans(targets: Targets): StagePlan[] {
  const stagePaths = targets.stages ?? [targets.parameters.map((p) => p.path)];
  return stagePaths.map((paths, s) => ({
    stage: s + 1,
    parameters: paths,
    simulates: paths.some((p) => !isThreshold(p)),
  }));
}

function read(s: Scenario, path: string): number {
  let o: unknown = s;
  for (const k of path.split('.')) o = (o as Record<string, unknown>)[k];
  return o as number;
}

function clampTo(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}
