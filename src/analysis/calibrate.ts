import { z } from 'zod';
import { ELEMENTS } from '../model/elements.ts';
import { ALL_NUMBERS } from '../model/parameters.ts';
import { applySet } from '../model/parse.ts';
import { closest, type Scenario, validateScenario } from '../model/scenario.ts';
import { coarseStart, nelderMead } from './nelderMead.ts';
import {
  INDICATORS,
  type Indicator,
  improvements,
  type Respondent,
  report,
  type SurveySummary,
  summarise,
  surveyOnce,
} from './survey.ts';

/**
 * Calibration of a scenario to survey targets (docs/validation.md, "Method"): a coarse coordinate search then Nelder–Mead
 * over the free parameters scaled to [0, 1], minimising Σ weight·((simulated − observed)/tolerance)² where the
 * simulated value is the mean over `replicates` seeds of the virtual survey (the same seeds at every
 * evaluation: common random numbers). A range target [min, max] counts only its distance outside the
 * range. Stages, if given, are fitted one after another. Changing only `parameters.survey.*` (the
 * response thresholds) re-scores the same respondents without re-running the communities.
 */
export const INDICATOR_NAMES: readonly string[] = [
  ...ELEMENTS.map((e) => `coverage.${e}`),
  ...INDICATORS.map(([name]) => `improved.${name}`),
  ...['belonging', 'trust'].flatMap((k) => [
    `regression.${k}.coef`,
    `regression.${k}.p`,
    `regression.${k}.significantShare`,
  ]),
];

const FREE_PATHS = ALL_NUMBERS.filter((s) => s.path.startsWith('parameters.')).map((s) => s.path);

const indicatorSchema = z
  .strictObject({
    name: z.string(),
    observed: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    tolerance: z.number().positive().default(0.03),
    weight: z.number().min(0).default(1),
  })
  .refine((t) => t.observed !== undefined || t.min !== undefined || t.max !== undefined, {
    error: 'needs "observed" or a "min"/"max" range',
  });

export const targetsSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  respondents: z.number().int().min(1).max(100000).default(618),
  replicates: z.number().int().min(1).max(200).default(4),
  seed: z.number().int().min(0).max(4294967295).default(1),
  evaluations: z.number().int().min(1).max(100000).default(150),
  indicators: z.array(indicatorSchema).min(1),
  parameters: z.array(z.strictObject({ path: z.string(), min: z.number(), max: z.number() })).min(1),
  stages: z.array(z.array(z.string()).min(1)).optional(),
});
export type Targets = z.output<typeof targetsSchema>;

/** Validates a targets file; every problem as `path: message`. */
export function validateTargets(
  input: unknown,
): { ok: true; targets: Targets } | { ok: false; errors: string[] } {
  const parsed = targetsSchema.safeParse(input, {
    error: (iss) => (iss.input === undefined && iss.code !== 'unrecognized_keys' ? 'is required' : undefined),
  });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${i.path.join('.').replace(/\.(\d+)/g, '[$1]')}: ${i.message}`),
    };
  }
  const t = parsed.data;
  const errors: string[] = [];
  t.indicators.forEach((ind, k) => {
    if (!INDICATOR_NAMES.includes(ind.name)) {
      const hint = closest(ind.name, INDICATOR_NAMES);
      errors.push(
        `indicators[${k}].name: unknown indicator "${ind.name}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
      );
    }
  });
  t.parameters.forEach((p, k) => {
    const spec = ALL_NUMBERS.find((s) => s.path === p.path);
    if (!spec || !FREE_PATHS.includes(p.path)) {
      const hint = closest(p.path, FREE_PATHS);
      errors.push(
        `parameters[${k}].path: not a model parameter "${p.path}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
      );
    } else if (p.min > p.max) errors.push(`parameters[${k}]: min is above max`);
    else if (p.min < spec.min || p.max > spec.max) {
      errors.push(
        `parameters[${k}]: range ${p.min}–${p.max} is outside ${p.path}'s own range ${spec.min}–${spec.max}`,
      );
    }
  });
  const free = new Set(t.parameters.map((p) => p.path));
  for (const [k, stage] of (t.stages ?? []).entries()) {
    for (const [j, path] of stage.entries()) {
      if (!free.has(path)) errors.push(`stages[${k}][${j}]: "${path}" is not one of the free parameters`);
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, targets: t };
}

/** An indicator's simulated value in a survey summary. */
export function indicatorValue(summary: SurveySummary, name: string): number {
  const [kind, key, field] = name.split('.');
  if (kind === 'coverage') return summary.coverage[key as (typeof ELEMENTS)[number]].mean;
  if (kind === 'improved') return summary.improved[key as Indicator].mean;
  const r = summary.regression[key as 'belonging' | 'trust'];
  if (field === 'significantShare') return r.significantShare;
  return field === 'p' ? r.p.mean : r.coef.mean;
}

export function objective(summary: SurveySummary, targets: Targets): number {
  let total = 0;
  for (const t of targets.indicators) {
    const v = indicatorValue(summary, t.name);
    if (!Number.isFinite(v)) {
      total += t.weight * 100;
      continue;
    }
    let miss = 0;
    if (t.min !== undefined && v < t.min) miss = t.min - v;
    else if (t.max !== undefined && v > t.max) miss = v - t.max;
    else if (t.observed !== undefined && t.min === undefined && t.max === undefined) miss = v - t.observed;
    else if (t.observed !== undefined) miss = (v - t.observed) / 4; // inside the range: a gentle pull to the figure
    total += t.weight * (miss / t.tolerance) ** 2;
  }
  return total;
}

export interface TraceRow {
  evaluation: number;
  stage: number;
  objective: number;
  values: Record<string, number>;
  indicators: Record<string, number>;
}

export interface FitRow {
  name: string;
  observed: number | null;
  min: number | null;
  max: number | null;
  tolerance: number;
  simulated: number;
  low: number | null;
  high: number | null;
  gap: number | null;
  ok: boolean;
}

export interface CalibrationResult {
  values: Record<string, number>;
  objective: number;
  fit: FitRow[];
  summary: SurveySummary;
  trace: TraceRow[];
}

/** Sets dotted `path=value` assignments on a copy of a scenario file and validates it. */
export function withValues(file: Record<string, unknown>, values: Record<string, number>): Scenario {
  const copy = structuredClone(file);
  for (const [path, v] of Object.entries(values)) {
    const error = applySet(copy, `${path}=${v}`);
    if (error) throw new Error(error);
  }
  const r = validateScenario(copy);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

const isThreshold = (path: string) => path.startsWith('parameters.survey.');

export function calibrate(
  file: Record<string, unknown>,
  targets: Targets,
  onEvaluation?: (row: TraceRow) => void,
): CalibrationResult {
  const seeds = Array.from({ length: targets.replicates }, (_, k) => targets.seed + k);
  const values: Record<string, number> = {};
  const base = withValues(file, {});
  for (const p of targets.parameters) values[p.path] = clampTo(read(base, p.path), p.min, p.max);
  const cache = new Map<string, { rows: Respondent[][]; communities: number }>();
  const trace: TraceRow[] = [];

  const summaryAt = (v: Record<string, number>): SurveySummary => {
    const scenario = withValues(file, v);
    const key = JSON.stringify(Object.entries(v).filter(([p]) => !isThreshold(p)));
    let sims = cache.get(key);
    if (!sims) {
      const rows = seeds.map((seed) => surveyOnce(scenario, seed, targets.respondents).respondents);
      sims = { rows, communities: new Set(rows[0].map((r) => r.community)).size };
      if (cache.size > 32) cache.clear();
      cache.set(key, sims);
    }
    const thresholds = scenario.parameters.survey as Record<Indicator, number>;
    const communities = sims.communities;
    return summarise(
      sims.rows.map((rows, k) =>
        report(
          rows.map((r) => ({ ...r, improved: improvements(r.help, thresholds) })),
          seeds[k],
          communities,
        ),
      ),
    );
  };

  const stages = targets.stages ?? [targets.parameters.map((p) => p.path)];
  stages.forEach((stage, s) => {
    const specs = stage.map((path) => targets.parameters.find((p) => p.path === path)!);
    const toValues = (x: number[]) => {
      const v = { ...values };
      specs.forEach((p, i) => {
        const value = p.min + x[i] * (p.max - p.min);
        v[p.path] = ALL_NUMBERS.find((s) => s.path === p.path)?.integer ? Math.round(value) : value;
      });
      return v;
    };
    const start = specs.map((p) => (p.max > p.min ? (values[p.path] - p.min) / (p.max - p.min) : 0));
    const evaluate = (x: number[]) => {
      const v = toValues(x);
      const summary = summaryAt(v);
      const value = objective(summary, targets);
      const row: TraceRow = {
        evaluation: trace.length + 1,
        stage: s + 1,
        objective: value,
        values: Object.fromEntries(specs.map((p) => [p.path, v[p.path]])),
        indicators: Object.fromEntries(
          targets.indicators.map((t) => [t.name, indicatorValue(summary, t.name)]),
        ),
      };
      trace.push(row);
      onEvaluation?.(row);
      return value;
    };
    const result = nelderMead(evaluate, coarseStart(evaluate, start), {
      maxEvaluations: targets.evaluations,
    });
    Object.assign(values, toValues(result.x));
  });

  const summary = summaryAt(values);
  return { values, objective: objective(summary, targets), fit: fitRows(summary, targets), summary, trace };
}

export function fitRows(summary: SurveySummary, targets: Targets): FitRow[] {
  return targets.indicators.map((t) => {
    const v = indicatorValue(summary, t.name);
    const [kind, key, field] = t.name.split('.');
    const iv =
      kind === 'coverage'
        ? summary.coverage[key as (typeof ELEMENTS)[number]]
        : kind === 'improved'
          ? summary.improved[key as Indicator]
          : field === 'coef'
            ? summary.regression[key as 'belonging' | 'trust'].coef
            : field === 'p'
              ? summary.regression[key as 'belonging' | 'trust'].p
              : null;
    const inRange = (t.min === undefined || v >= t.min) && (t.max === undefined || v <= t.max);
    const near =
      t.observed === undefined ||
      t.min !== undefined ||
      t.max !== undefined ||
      Math.abs(v - t.observed) <= t.tolerance;
    return {
      name: t.name,
      observed: t.observed ?? null,
      min: t.min ?? null,
      max: t.max ?? null,
      tolerance: t.tolerance,
      simulated: v,
      low: iv ? iv.low : null,
      high: iv ? iv.high : null,
      gap: t.observed !== undefined ? v - t.observed : null,
      ok: inRange && near,
    };
  });
}

function read(s: Scenario, path: string): number {
  let o: unknown = s;
  for (const k of path.split('.')) o = (o as Record<string, unknown>)[k];
  return o as number;
}

function clampTo(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}
