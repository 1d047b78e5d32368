/**
 * Sweep plans: the file format (validated strictly, with a JSON Schema), factor checks against the
 * declared parameter ranges, and the resolved plan the sweep runs. Pure: no Node or DOM API; the
 * command line reads files and passes the parsed JSON here.
 *
 * Fixed keys (tools outside the project write plans): `scenario`, `factors`, `design`, `samples`,
 * `replicates`, `seed`. Keys added here: `$schema`, `id`, `description`, `levels`.
 */
import { z } from 'zod';
import { ELEMENTS } from '../model/elements.ts';
import { issueLine, type Lang } from '../model/messages.ts';
import { type NumberSpec, numberSpec } from '../model/parameters.ts';
import { applySet, SETTABLE_PATHS } from '../model/parse.ts';
import {
  closest,
  type Scenario,
  type ScenarioFile,
  scenarioSchema,
  validateScenario,
} from '../model/scenario.ts';
import { type PlanMessageId, planMessage } from './planMessages.ts';
import { MAX_SEED } from './seeds.ts';

export const DESIGNS = ['grid', 'random', 'lhs', 'morris'] as const;
export type DesignId = (typeof DESIGNS)[number];

/** Most runs one plan may ask for (a guard against a typo such as 1e9 samples). */
export const MAX_RUNS = 10_000_000;
/** Most values (points × factors) a design may hold in memory. */
export const MAX_DESIGN_VALUES = 20_000_000;
/** Default number of values a `{min, max}` factor takes in a grid. */
export const DEFAULT_GRID_LEVELS = 5;
/** Default number of grid levels (p) in a Morris design. */
export const DEFAULT_MORRIS_LEVELS = 4;

/** A factor as written in a plan: a list of values, or a numeric range. */
export type FactorFile = unknown[] | { min: number; max: number };

/** A plan as written in a file. */
export interface PlanFile {
  $schema?: string;
  id?: string;
  description?: string;
  /** A scenario file's path, relative to the plan file, or an inline scenario. */
  scenario: string | ScenarioFile;
  /** Scenario field (dotted path) → list of values or `{min, max}`. */
  factors: Record<string, FactorFile>;
  design: DesignId;
  /** Design points (random, lhs) or trajectories (morris). */
  samples?: number;
  /** Runs per design point, each with its own derived seed (default 1). */
  replicates?: number;
  /** The master seed. */
  seed: number;
  /** grid: values per `{min, max}` factor (default 5); morris: grid levels p (even, default 4). */
  levels?: number;
}

/** A factor after validation. */
export type Factor =
  | { path: string; kind: 'list'; values: unknown[] }
  | { path: string; kind: 'range'; min: number; max: number; integer: boolean; spec: NumberSpec };

/** A validated plan, with its base scenario resolved and every default filled in. */
export interface ResolvedPlan {
  id?: string;
  description?: string;
  scenario: Scenario;
  factors: Factor[];
  design: DesignId;
  /** null for a grid. */
  samples: number | null;
  replicates: number;
  seed: number;
  /** Values per range factor (grid) or grid levels (morris); null for random and lhs. */
  levels: number | null;
  /** True when runs must be validated as whole scenarios (a factor couples to other fields). */
  validateRuns: boolean;
}

/** The plan's own keys, with their messages in `lang`. */
function makePlanShape(lang: Lang) {
  const m = (id: PlanMessageId, params?: Record<string, string | number>) => planMessage(id, lang, params);
  const whole = () => z.number({ error: m('wholeNumber') }).int({ error: m('wholeNumber') });
  return {
    $schema: z.string({ error: m('notText') }).optional(),
    id: z
      .string({ error: m('notText') })
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, { error: m('idPattern') })
      .optional()
      .describe('A short name for the sweep'),
    description: z
      .string({ error: m('notText') })
      .max(4000, { error: m('textTooLong', { max: 4000 }) })
      .optional(),
    design: z
      .enum(DESIGNS, {
        error: (iss) =>
          iss.input === undefined
            ? m('designRequired', { list: DESIGNS.join(', ') })
            : m('oneOf', { list: DESIGNS.join(', ') }),
      })
      .describe('grid (full factorial), random, lhs (Latin hypercube) or morris (elementary effects)'),
    samples: whole()
      .min(1, { error: m('atLeast', { min: 1 }) })
      .max(MAX_RUNS, { error: m('atMost', { max: MAX_RUNS }) })
      .optional()
      .describe('Design points (random, lhs) or trajectories (morris); not used by grid'),
    replicates: whole()
      .min(1, { error: m('atLeast', { min: 1 }) })
      .max(100_000, { error: m('atMost', { max: 100000 }) })
      .optional()
      .describe('Runs per design point, each with its own derived seed. Default 1'),
    seed: z
      .number({
        error: (iss) => (iss.input === undefined ? m('seedRequired') : m('notNumber')),
      })
      .int({ error: m('wholeNumber') })
      .min(0, { error: m('between', { min: 0, max: MAX_SEED }) })
      .max(MAX_SEED, { error: m('between', { min: 0, max: MAX_SEED }) })
      .describe('The master seed; each run’s seed is derived from it, its design point and replicate'),
    levels: whole()
      .min(2, { error: m('atLeast', { min: 2 }) })
      .max(1000, { error: m('atMost', { max: 1000 }) })
      .optional()
      .describe(
        `grid: values taken by each {min, max} factor (default ${DEFAULT_GRID_LEVELS}); ` +
          `morris: grid levels p, an even number (default ${DEFAULT_MORRIS_LEVELS})`,
      ),
  };
}

const planShape = makePlanShape('en');

/** The structural check, per language; factors and the scenario are checked in `resolvePlan`. */
function makePlanCheck(lang: Lang) {
  return z.strictObject(
    {
      ...makePlanShape(lang),
      scenario: z.unknown(),
      factors: z.record(z.string(), z.unknown(), {
        error: (iss) => planMessage(iss.input === undefined ? 'factorsRequired' : 'factorsNotObject', lang),
      }),
    },
    {
      error: (iss) => (iss.code === 'invalid_type' ? planMessage('planNotObject', lang) : undefined),
    },
  );
}

const planChecks = new Map<Lang, ReturnType<typeof makePlanCheck>>();
function planCheck(lang: Lang): ReturnType<typeof makePlanCheck> {
  let check = planChecks.get(lang);
  if (!check) {
    check = makePlanCheck(lang);
    planChecks.set(lang, check);
  }
  return check;
}

const rangeSchema = z
  .strictObject({ min: z.number(), max: z.number() })
  .describe('A numeric range; values are spread over it by the design');
const listSchema = z.array(z.unknown()).min(1).describe('The values the factor takes');

/** The plan schema as documented (for the JSON Schema). */
export const planSchema = z
  .strictObject({
    ...planShape,
    scenario: z
      .union([
        z.string().min(1).describe('Path of a scenario file, relative to the plan file'),
        scenarioSchema,
      ])
      .describe('The base scenario: a file path relative to the plan, or an inline scenario'),
    factors: z
      .record(z.string(), z.union([listSchema, rangeSchema]))
      .describe('Scenario field (dotted path, as for `wushe run --set`) → list of values or {min, max}'),
  })
  .describe('A wushe sweep plan');

/** The plan JSON Schema (draft 2020-12), for editors. */
export function planJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(planSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  return {
    $schema: $schema ?? 'https://json-schema.org/draft/2020-12/schema',
    title: 'wushe sweep plan',
    description:
      'A plan for `wushe sweep`: a base scenario, factors, a design, replicates and a master seed. ' +
      'Unknown keys are errors.',
    ...rest,
  };
}

export type PlanShapeResult =
  | {
      ok: true;
      plan: Omit<PlanFile, 'scenario' | 'factors'> & { scenario: unknown; factors: Record<string, unknown> };
    }
  | { ok: false; errors: string[] };

/** Checks a parsed plan's structure: known keys, types, ranges of the plan's own numbers. */
export function checkPlanShape(input: unknown, options: { lang?: Lang } = {}): PlanShapeResult {
  const lang = options.lang ?? 'en';
  const parsed = planCheck(lang).safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.flatMap((i) => formatIssue(i, lang)) };
  const p = parsed.data;
  const errors: string[] = [];
  if (p.scenario === undefined)
    errors.push(issueLine('scenario', planMessage('scenarioRequired', lang), lang));
  else if (typeof p.scenario !== 'string' && !isObject(p.scenario))
    errors.push(issueLine('scenario', planMessage('scenarioKind', lang), lang));
  else if (p.scenario === '') errors.push(issueLine('scenario', planMessage('scenarioEmpty', lang), lang));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, plan: p as never };
}

function formatIssue(issue: z.core.$ZodIssue, lang: Lang): string[] {
  const path = issue.path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${String(p)}`))
    .join('');
  if (issue.code === 'unrecognized_keys') {
    const known = [...Object.keys(planShape), 'scenario', 'factors'];
    return issue.keys.map((k) => {
      const hint = closest(k, known);
      return issueLine(k, planMessage('unknownKey', lang, hint ? { hint } : {}), lang);
    });
  }
  // `scenario` takes anything; its only problem here is being missing
  if (path === 'scenario') return [issueLine(path, planMessage('scenarioRequired', lang), lang)];
  return [issueLine(path || '(plan)', issue.message, lang)];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Paths a factor may not take, and why. */
const NOT_FACTORS: Record<string, PlanMessageId> = {
  seed: 'notFactorSeed',
  id: 'notFactorId',
};

/** Paths whose values must be checked together with other fields (interventions must fall before `ticks`). */
const COUPLED = new Set(['ticks', 'interventions']);
/** Paths that can be set on a resolved scenario directly (numbers and the strategy). */
function direct(path: string): boolean {
  return (numberSpec(path) !== undefined && !COUPLED.has(path)) || path === 'strategy';
}

/** `factors["path"]`, the way plan messages name a factor. */
export function factorLabel(path: string): string {
  return `factors[${JSON.stringify(path)}]`;
}

/** A scenario file with one path set (for checking a factor value against the base scenario). */
function withValue(base: ScenarioFile, path: string, value: unknown): Record<string, unknown> {
  const file = structuredClone(base) as unknown as Record<string, unknown>;
  // applySet reads JSON text; JSON.stringify keeps the value's type
  const error = applySet(file, `${path}=${JSON.stringify(value)}`);
  if (error) throw new Error(error);
  return file;
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/**
 * Checks the plan's factors against the base scenario and the declared parameter ranges, and fills
 * in the defaults. `base` is the validated base scenario (read from the plan's path, or inline).
 * Errors are lines `key: message`, naming the factor as `factors["path"]`.
 */
export function resolvePlan(
  plan: Omit<PlanFile, 'scenario' | 'factors'> & { factors: Record<string, unknown> },
  base: Scenario,
  options: { lang?: Lang } = {},
): { ok: true; plan: ResolvedPlan } | { ok: false; errors: string[] } {
  const lang = options.lang ?? 'en';
  const m = (id: PlanMessageId, params?: Record<string, string | number>) => planMessage(id, lang, params);
  const line = (path: string, text: string) => issueLine(path, text, lang);
  const errors: string[] = [];
  const design = plan.design;
  const baseFile = scenarioFile(base);
  const factors: Factor[] = [];

  for (const [path, raw] of Object.entries(plan.factors)) {
    const label = factorLabel(path);
    if (NOT_FACTORS[path]) {
      errors.push(line(label, m(NOT_FACTORS[path])));
      continue;
    }
    if (!SETTABLE_PATHS.includes(path)) {
      const hint = closest(path, SETTABLE_PATHS) ?? closestByTail(path);
      errors.push(line(label, m('unknownField', hint ? { hint } : {})));
      continue;
    }
    const spec = numberSpec(path);
    if (Array.isArray(raw)) {
      if (raw.length === 0) {
        errors.push(line(label, m('listEmpty')));
        continue;
      }
      const seen = new Set<string>();
      let bad = false;
      raw.forEach((value, i) => {
        const where = `${label}[${i}]`;
        const key = JSON.stringify(value);
        if (seen.has(key)) {
          errors.push(line(where, m('listedTwice', { value: show(value) })));
          bad = true;
          return;
        }
        seen.add(key);
        if (spec) {
          if (typeof value !== 'number' || !Number.isFinite(value)) {
            errors.push(line(where, m('notNumberUnit', { unit: spec.unit })));
            bad = true;
            return;
          }
          if (value < spec.min || value > spec.max) {
            errors.push(line(where, m('outsideRange', { value, ...rangeParams(spec) })));
            bad = true;
            return;
          }
          if (spec.integer && !Number.isInteger(value)) {
            errors.push(line(where, m('notWholeUnit', { value, unit: spec.unit })));
            bad = true;
            return;
          }
        }
        const check = validateScenario(withValue(baseFile, path, value), { lang });
        if (!check.ok) {
          bad = true;
          for (const e of check.errors) errors.push(line(where, line(show(value), e)));
        }
      });
      if (!bad) factors.push({ path, kind: 'list', values: [...raw] });
      continue;
    }
    if (isObject(raw)) {
      const keys = Object.keys(raw);
      const unknown = keys.filter((k) => k !== 'min' && k !== 'max');
      if (unknown.length > 0) {
        for (const k of unknown) {
          const hint = closest(k, ['min', 'max']);
          errors.push(line(`${label}.${k}`, m('rangeUnknownKey', hint ? { hint } : {})));
        }
        continue;
      }
      if (!spec) {
        errors.push(line(label, m('rangeNeedsNumber', { path })));
        continue;
      }
      const { min, max } = raw as { min: unknown; max: unknown };
      let bad = false;
      for (const [name, v] of [
        ['min', min],
        ['max', max],
      ] as const) {
        if (v === undefined) {
          errors.push(line(`${label}.${name}`, m('required')));
          bad = true;
        } else if (typeof v !== 'number' || !Number.isFinite(v)) {
          errors.push(line(`${label}.${name}`, m('notNumberUnit', { unit: spec.unit })));
          bad = true;
        } else if (v < spec.min || v > spec.max) {
          errors.push(line(`${label}.${name}`, m('outsideRange', { value: v, ...rangeParams(spec) })));
          bad = true;
        }
      }
      if (bad) continue;
      if (!((min as number) < (max as number))) {
        errors.push(line(label, m('minNotLess', { min: String(min), max: String(max) })));
        continue;
      }
      factors.push({
        path,
        kind: 'range',
        min: min as number,
        max: max as number,
        integer: !!spec.integer,
        spec,
      });
      continue;
    }
    errors.push(line(label, m('listOrRange')));
  }

  // the design's own requirements
  const n = Object.keys(plan.factors).length;
  if (design === 'grid') {
    if (plan.samples !== undefined) errors.push(line('samples', m('samplesGrid')));
  } else {
    if (plan.samples === undefined)
      errors.push(
        line(
          'samples',
          m(design === 'morris' ? 'samplesRequiredMorris' : 'samplesRequiredPoints', { design }),
        ),
      );
    if (n === 0) errors.push(line('factors', m('needsFactor', { design })));
    if (design !== 'morris' && plan.levels !== undefined)
      errors.push(line('levels', m('levelsNotUsed', { design })));
  }
  if (design === 'morris') {
    if (plan.samples !== undefined && plan.samples < 2) errors.push(line('samples', m('morrisSamples')));
    if (plan.levels !== undefined && plan.levels % 2 !== 0)
      errors.push(line('levels', m('levelsEven', { levels: plan.levels })));
    for (const f of factors) if (f.kind === 'list') errors.push(line(factorLabel(f.path), m('morrisRange')));
  }
  if (errors.length > 0) return { ok: false, errors };

  const replicates = plan.replicates ?? 1;
  const levels =
    design === 'grid'
      ? (plan.levels ?? DEFAULT_GRID_LEVELS)
      : design === 'morris'
        ? (plan.levels ?? DEFAULT_MORRIS_LEVELS)
        : null;
  const resolved: ResolvedPlan = {
    ...(plan.id !== undefined ? { id: plan.id } : {}),
    ...(plan.description !== undefined ? { description: plan.description } : {}),
    scenario: base,
    factors,
    design,
    samples: design === 'grid' ? null : (plan.samples as number),
    replicates,
    seed: plan.seed,
    levels,
    validateRuns: factors.some((f) => !direct(f.path)),
  };
  const points = pointCount(resolved);
  // the design is held in memory as one value per point and factor
  if (points * factors.length > MAX_DESIGN_VALUES)
    return {
      ok: false,
      errors: [
        m('tooManyValues', {
          points: points.toLocaleString('en'),
          factors: factors.length,
          values: (points * factors.length).toLocaleString('en'),
          max: MAX_DESIGN_VALUES.toLocaleString('en'),
        }),
      ],
    };
  if (points * replicates > MAX_RUNS)
    return {
      ok: false,
      errors: [
        m('tooManyRuns', {
          points: points.toLocaleString('en'),
          replicates,
          runs: (points * replicates).toLocaleString('en'),
          max: MAX_RUNS.toLocaleString('en'),
        }),
      ],
    };
  return { ok: true, plan: resolved };
}

/** A numeric spec's range as message values: `0 to 1 (strength index 0–1)` in English. */
function rangeParams(spec: NumberSpec): { min: number; max: number; unit: string } {
  return { min: spec.min, max: spec.max, unit: spec.unit };
}

/** A near name for a path whose last part matches a known one (`volunteers` → `initial.volunteers`). */
function closestByTail(path: string): string | undefined {
  const tail = path.split('.').pop() ?? path;
  const matches = SETTABLE_PATHS.filter((p) => p.split('.').pop() === tail);
  if (matches.length === 1) return matches[0];
  if (ELEMENTS.includes(tail as never)) return `initial.${tail}`;
  return undefined;
}

/** Values a range factor takes in a grid: `levels` evenly spaced, rounded for whole-number fields. */
export function gridValues(f: Extract<Factor, { kind: 'range' }>, levels: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < levels; i++) {
    const v = rangeValue(f, i / (levels - 1));
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** The value at unit position `u` ∈ [0, 1] of a range factor. */
export function rangeValue(f: Extract<Factor, { kind: 'range' }>, u: number): number {
  const v = f.min + u * (f.max - f.min);
  if (f.integer) return Math.min(f.max, Math.max(f.min, Math.round(v)));
  return Math.min(f.max, Math.max(f.min, Number(v.toPrecision(8))));
}

/** Number of design points of a resolved plan. */
export function pointCount(plan: ResolvedPlan): number {
  switch (plan.design) {
    case 'grid':
      return plan.factors.reduce(
        (n, f) => n * (f.kind === 'list' ? f.values.length : gridValues(f, plan.levels!).length),
        1,
      );
    case 'random':
    case 'lhs':
      return plan.samples!;
    case 'morris':
      return plan.samples! * (plan.factors.length + 1);
  }
}

/** A scenario in the form of a file (no `$schema`), e.g. for the resolved plan. */
export function scenarioFile(s: Scenario | ScenarioFile): ScenarioFile {
  const { $schema: _s, ...rest } = s as ScenarioFile;
  return rest as ScenarioFile;
}

/** The resolved plan as a plan file that `wushe sweep` accepts again (inline scenario, defaults filled). */
export function planToFile(plan: ResolvedPlan): PlanFile {
  const factors: Record<string, FactorFile> = {};
  for (const f of plan.factors) factors[f.path] = f.kind === 'list' ? f.values : { min: f.min, max: f.max };
  return {
    ...(plan.id !== undefined ? { id: plan.id } : {}),
    ...(plan.description !== undefined ? { description: plan.description } : {}),
    scenario: scenarioFile(plan.scenario),
    factors,
    design: plan.design,
    ...(plan.samples !== null ? { samples: plan.samples } : {}),
    replicates: plan.replicates,
    seed: plan.seed,
    ...(plan.levels !== null ? { levels: plan.levels } : {}),
  };
}
