import { z } from 'zod';
import { ELEMENTS, type ElementId } from '../model/elements.ts';
import { ALL_NUMBERS } from '../model/parameters.ts';
import { closest } from '../model/scenario.ts';
import { isMeasurement, MEASUREMENT_MAX, MEASUREMENT_PATHS } from './measurement.ts';
import { INDICATORS, type Indicator, type SurveySummary } from './survey.ts';

/**
 * A calibration's targets file: the survey indicators to fit (an observed figure with a tolerance,
 * or a min/max range), the ones held out of the fit to test its predictions, the free parameters
 * with their ranges (model parameters `parameters.*`, or the measurement model's `measurement.*`),
 * and optionally stages fitted one after another.
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

const MODEL_PATHS = ALL_NUMBERS.filter((s) => s.path.startsWith('parameters.')).map((s) => s.path);
const FREE_PATHS = [...MODEL_PATHS, ...MEASUREMENT_PATHS];

const indicatorSchema = z
  .strictObject({
    name: z.string(),
    observed: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    tolerance: z.number().positive().default(0.03),
    weight: z.number().min(0).default(1),
    /** Left out of the objective; the fit's prediction of it is reported as out-of-sample error. */
    holdout: z.boolean().default(false),
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
  /** Budget for the whole fit, shared among the stages. */
  evaluations: z.number().int().min(1).max(100000).default(150),
  indicators: z.array(indicatorSchema).min(1),
  parameters: z.array(z.strictObject({ path: z.string(), min: z.number(), max: z.number() })).min(1),
  stages: z.array(z.array(z.string()).min(1)).optional(),
});
export type Targets = z.output<typeof targetsSchema>;
export type Target = Targets['indicators'][number];

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
  if (t.indicators.every((ind) => ind.holdout)) errors.push('indicators: every indicator is held out');
  t.parameters.forEach((p, k) => {
    const spec = ALL_NUMBERS.find((s) => s.path === p.path);
    const [low, high] = isMeasurement(p.path)
      ? [0, MEASUREMENT_MAX[p.path]]
      : spec && MODEL_PATHS.includes(p.path)
        ? [spec.min, spec.max]
        : [Number.NaN, Number.NaN];
    if (Number.isNaN(low)) {
      const hint = closest(p.path, FREE_PATHS);
      errors.push(
        `parameters[${k}].path: not a model or measurement parameter "${p.path}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
      );
    } else if (p.min > p.max) errors.push(`parameters[${k}]: min is above max`);
    else if (p.min < low || p.max > high) {
      errors.push(
        `parameters[${k}]: range ${p.min}–${p.max} is outside ${p.path}'s own range ${low}–${high}`,
      );
    }
  });
  const paths = t.parameters.map((p) => p.path);
  if (paths.some(isMeasurement) && paths.some((p) => p.startsWith('parameters.survey.'))) {
    errors.push(
      'parameters: the measurement model (measurement.*) sets every parameters.survey.* threshold; do not free both',
    );
  }
  const free = new Set(paths);
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
  if (kind === 'coverage') return summary.coverage[key as ElementId].mean;
  if (kind === 'improved') return summary.improved[key as Indicator].mean;
  const r = summary.regression[key as 'belonging' | 'trust'];
  if (field === 'significantShare') return r.significantShare;
  return field === 'p' ? r.p.mean : r.coef.mean;
}

/**
 * A target's contribution to the objective: weight · (miss / tolerance)². A point figure misses by
 * its distance; a range [min, max] with a figure inside it pulls gently toward that figure (a
 * quarter of the distance) and, outside the range, adds the full distance outside to the pull at
 * the edge, so that leaving the range never costs less than staying near its edge.
 */
export function targetTerm(t: Target, v: number): number {
  if (!Number.isFinite(v)) return t.weight * 100;
  const ranged = t.min !== undefined || t.max !== undefined;
  const outside =
    t.min !== undefined && v < t.min ? t.min - v : t.max !== undefined && v > t.max ? v - t.max : 0;
  let miss: number;
  if (t.observed === undefined) miss = outside;
  else if (!ranged) miss = v - t.observed;
  else {
    const edge = outside === 0 ? v : t.min !== undefined && v < t.min ? t.min : (t.max as number);
    miss = Math.abs(edge - t.observed) / 4 + outside;
  }
  return t.weight * (miss / t.tolerance) ** 2;
}

/** Σ over the fitted (not held-out) targets; `leaveOut` names one more to leave out (cross-validation). */
export function objective(summary: SurveySummary, targets: Targets, leaveOut?: string): number {
  let total = 0;
  for (const t of targets.indicators) {
    if (t.holdout || t.name === leaveOut) continue;
    total += targetTerm(t, indicatorValue(summary, t.name));
  }
  return total;
}

export interface FitRow {
  name: string;
  holdout: boolean;
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

export function fitRows(summary: SurveySummary, targets: Targets): FitRow[] {
  return targets.indicators.map((t) => {
    const v = indicatorValue(summary, t.name);
    const [kind, key, field] = t.name.split('.');
    const iv =
      kind === 'coverage'
        ? summary.coverage[key as ElementId]
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
      holdout: t.holdout,
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

/** Counts for the report: free parameters against the figures they are fitted to. */
export function identification(targets: Targets) {
  const fitted = targets.indicators.filter((t) => !t.holdout);
  const point = (t: Target) => t.observed !== undefined && t.min === undefined && t.max === undefined;
  return {
    parameters: targets.parameters.length,
    measurementParameters: targets.parameters.filter((p) => isMeasurement(p.path)).length,
    fittedFigures: fitted.filter(point).length,
    fittedRanges: fitted.filter((t) => !point(t)).length,
    heldOut: targets.indicators.filter((t) => t.holdout).length,
    improvementFigures: targets.indicators.filter((t) => t.name.startsWith('improved.') && point(t)).length,
  };
}
