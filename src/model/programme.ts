/**
 * A programme file (programmes/*.json): a district of communities sharing a social-work agency
 * pool, a district foundation and their neighbours, a budget spent through instruments, an
 * allocation rule and a horizon of funded weeks plus weeks after. Strictly validated like a
 * scenario: unknown keys are errors, every message names its field path. Pure: no Node or DOM API.
 */
import { z } from 'zod';
import type { NumberSpec } from './parameters.ts';
import { formatIssue } from './programmeIssues.ts';
import { type ProgrammeLang, programmeMessage } from './programmeMessages.ts';
import {
  ALLOCATION_RULES,
  type AllocationRule,
  INSTRUMENTS,
  type InstrumentId,
  PROGRAMME_NUMBERS,
  programmeNumber,
} from './programmeParameters.ts';
import type { Text } from './scenario.ts';
import { closest } from './scenario.ts';

/** A decision variable `wushe programme optimise` may change: a numeric range or a list of values. */
export interface FreeVariable {
  path: string;
  min?: number;
  max?: number;
  values?: (number | string)[];
}

/** The instruments as written (every number optional; defaults from programmeParameters.ts). */
export interface InstrumentsFile {
  socialWork?: { share?: number; costPerFteYear?: number };
  projectGrants?: { share?: number };
  incentives?: { share?: number; costPerVolunteerYear?: number };
  paraTraining?: { share?: number; costPerTrainee?: number };
  fundMatching?: { share?: number; ratio?: number };
}

/** A programme as written in a file. */
export interface ProgrammeFile {
  $schema?: string;
  id: string;
  title?: Text;
  description?: Text;
  seed: number;
  /** The horizon: funded weeks plus the weeks after. */
  weeks: number;
  /** A count drawn from `scenario`'s ensemble distribution, or a list of scenario files (paths relative to the programme file). */
  communities: number | string[];
  /** The scenario whose parameters, shocks and ensemble ranges the communities take (path relative to the programme file). */
  scenario?: string;
  /** Yuan. */
  budget: number;
  fundingWeeks?: number;
  agencies?: number;
  instruments?: InstrumentsFile;
  allocation?: { rule?: AllocationRule; table?: number[]; lotteryShare?: number };
  district?: {
    coordinationOverhead?: number;
    maxOverhead?: number;
    needResponsiveness?: number;
    spillover?: number;
    donationsPerWeek?: number;
  };
  free?: FreeVariable[];
}

/** A validated programme with every default filled in (communities still as written). */
export interface ProgrammeSpec {
  id: string;
  title?: Text;
  description?: Text;
  seed: number;
  weeks: number;
  communities: number | string[];
  scenario?: string;
  budget: number;
  fundingWeeks: number;
  agencies: number;
  instruments: {
    socialWork: { share: number; costPerFteYear: number };
    projectGrants: { share: number };
    incentives: { share: number; costPerVolunteerYear: number };
    paraTraining: { share: number; costPerTrainee: number };
    fundMatching: { share: number; ratio: number };
  };
  allocation: { rule: AllocationRule; table?: number[]; lotteryShare: number };
  district: {
    coordinationOverhead: number;
    maxOverhead: number;
    needResponsiveness: number;
    spillover: number;
    donationsPerWeek: number;
  };
  free: FreeVariable[];
}

function numberSchema(spec: NumberSpec) {
  const range = `must be between ${spec.min} and ${spec.max}`;
  let s = z
    .number({ error: (iss) => (iss.input === undefined ? 'is required' : `must be a number (${spec.unit})`) })
    .min(spec.min, { error: range })
    .max(spec.max, { error: range });
  if (spec.integer) s = s.int({ error: 'must be a whole number' });
  return s.describe(`${spec.label.en} (${spec.unit}). Default ${spec.default}. Source: ${spec.source}`);
}

const num = (path: string) => numberSchema(programmeNumber(path)).default(programmeNumber(path).default);
const required = (path: string) => numberSchema(programmeNumber(path));
const text = z.strictObject({ zh: z.string().max(2000), en: z.string().max(2000) });
const scenarioPath = z
  .string({ error: 'must be the path of a scenario file (text)' })
  .min(1, { error: 'must not be empty' })
  .max(1000);

/** The numeric paths of PROGRAMME_NUMBERS below `prefix`, as a strict object with defaults. */
function group(prefix: string) {
  const shape: Record<string, z.ZodType> = {};
  for (const spec of PROGRAMME_NUMBERS)
    if (spec.path.startsWith(`${prefix}.`) && spec.path.split('.').length === prefix.split('.').length + 1)
      shape[spec.path.slice(prefix.length + 1)] = num(spec.path);
  return z.strictObject(shape).prefault({});
}

const freeVariable = z
  .strictObject({
    path: z.string().describe('A path `--set` accepts, e.g. instruments.socialWork.share'),
    min: z.number().optional(),
    max: z.number().optional(),
    values: z
      .array(z.union([z.number(), z.string()]))
      .min(1)
      .max(1000)
      .optional(),
  })
  .describe('A decision variable `wushe programme optimise` may change');

export const programmeSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z
      .string({
        error: (iss) => (iss.input === undefined ? 'is required' : 'must be text, e.g. "my-district"'),
      })
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, {
        error: 'must be letters, digits, "-", "_" or "." (at most 80)',
      }),
    title: text.optional(),
    description: text.optional(),
    seed: required('seed'),
    weeks: required('weeks'),
    communities: z
      .union([
        z.number().int({ error: 'must be a whole number' }).min(1).max(100_000),
        z.array(scenarioPath).min(1).max(100_000),
      ])
      .describe(
        'A count of communities drawn from the scenario’s ensemble ranges, or a list of scenario files',
      ),
    scenario: scenarioPath
      .optional()
      .describe('Scenario file the drawn communities take their parameters, shocks and ensemble ranges from'),
    budget: required('budget'),
    fundingWeeks: num('fundingWeeks'),
    agencies: num('agencies'),
    instruments: z
      .strictObject(Object.fromEntries(INSTRUMENTS.map((id) => [id, group(`instruments.${id}`)])))
      .prefault({})
      .describe('How the budget is spent: each instrument’s share of the budget and its unit cost'),
    allocation: z
      .strictObject({
        rule: z
          .enum(ALLOCATION_RULES, { error: `must be one of ${ALLOCATION_RULES.join(', ')}` })
          .default('equal'),
        table: z
          .array(z.number().min(0, { error: 'must not be negative' }))
          .max(100_000)
          .optional()
          .describe('Weights per community, in community order (rule "table")'),
        lotteryShare: num('allocation.lotteryShare'),
      })
      .prefault({})
      .describe('How the money is shared between communities'),
    district: group('district').describe('The shared resources coupling the communities every week'),
    free: z.array(freeVariable).max(100).default([]),
  })
  .superRefine((p, ctx) => {
    const instruments = p.instruments as unknown as ProgrammeSpec['instruments'];
    const total = INSTRUMENTS.reduce((s, id) => s + instruments[id].share, 0);
    if (total > 1 + 1e-9)
      ctx.addIssue({
        code: 'custom',
        path: ['instruments'],
        message: `the instruments' shares add up to ${Number(total.toFixed(6))}, more than the whole budget (1)`,
      });
    if (p.fundingWeeks > p.weeks)
      ctx.addIssue({
        code: 'custom',
        path: ['fundingWeeks'],
        message: `${p.fundingWeeks} weeks of funding do not fit in the horizon (weeks = ${p.weeks})`,
      });
    if (typeof p.communities === 'number' && !p.scenario)
      ctx.addIssue({
        code: 'custom',
        path: ['scenario'],
        message:
          'is required when communities is a count (the scenario whose ensemble ranges they are drawn from)',
      });
    const count = typeof p.communities === 'number' ? p.communities : p.communities.length;
    if (p.allocation.rule === 'table') {
      if (!p.allocation.table)
        ctx.addIssue({
          code: 'custom',
          path: ['allocation', 'table'],
          message: 'is required for rule "table"',
        });
      else if (p.allocation.table.length !== count)
        ctx.addIssue({
          code: 'custom',
          path: ['allocation', 'table'],
          message: `has ${p.allocation.table.length} weights for ${count} communities`,
        });
      else if (!p.allocation.table.some((w) => w > 0))
        ctx.addIssue({
          code: 'custom',
          path: ['allocation', 'table'],
          message: 'needs at least one weight above 0',
        });
    }
    p.free.forEach((f, i) => {
      if (PROGRAMME_SETTABLE_PATHS.includes(f.path)) return;
      const hint = closest(f.path, PROGRAMME_SETTABLE_PATHS);
      ctx.addIssue({
        code: 'custom',
        path: ['free', i, 'path'],
        message: `unknown path "${f.path}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
      });
    });
  });

/** Paths `--set` reaches in a programme file (every field). */
export const PROGRAMME_SETTABLE_PATHS: readonly string[] = [
  ...PROGRAMME_NUMBERS.map((s) => s.path),
  'id',
  'communities',
  'scenario',
  'title.zh',
  'title.en',
  'description.zh',
  'description.en',
  'allocation.rule',
  'allocation.table',
  'free',
];

export type ProgrammeValidation = { ok: true; programme: ProgrammeSpec } | { ok: false; errors: string[] };

/**
 * Validates a parsed JSON value (or JSON text) as a programme file; every problem is reported as
 * `path: message`, with a did-you-mean hint for unknown keys. `lang: 'zh'` gives Chinese messages
 * where the catalogue (programmeMessages.ts) has them.
 */
export function parseProgramme(json: unknown, options: { lang?: ProgrammeLang } = {}): ProgrammeValidation {
  const lang = options.lang ?? 'en';
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
    } catch (e) {
      return {
        ok: false,
        errors: [`(programme): ${programmeMessage('invalid-json', lang)}: ${(e as Error).message}`],
      };
    }
  }
  const parsed = programmeSchema.safeParse(value, {
    error: (iss) => (iss.input === undefined && iss.code !== 'unrecognized_keys' ? 'is required' : undefined),
  });
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.flatMap((i) =>
        formatIssue(programmeSchema as unknown as z.ZodType, i, lang),
      ),
    };
  const { $schema: _s, ...spec } = parsed.data as ProgrammeSpec & { $schema?: string };
  return { ok: true, programme: spec as ProgrammeSpec };
}

/** The instruments' budgets in yuan for the whole programme. */
export function instrumentBudgets(p: ProgrammeSpec): Record<InstrumentId, number> {
  return Object.fromEntries(INSTRUMENTS.map((id) => [id, p.budget * p.instruments[id].share])) as Record<
    InstrumentId,
    number
  >;
}

/** The JSON Schema of programme files (programmes/schema.json; `npm run schema` writes it). */
export function programmeJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(programmeSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  return {
    $schema: $schema ?? 'https://json-schema.org/draft/2020-12/schema',
    title: 'wushe programme',
    description:
      'A programme across many communities for the wushe simulator (docs/programme.md). Unknown keys are errors. ' +
      'Run it with `wushe programme run FILE`.',
    ...rest,
  };
}

/**
 * Applies `path=value` (`--set`) to a programme file not yet validated: the value is read as JSON
 * when it parses as JSON (numbers, lists) and as text otherwise. Returns an error message for an
 * unknown path (with a did-you-mean hint) or a malformed assignment.
 */
export function applyProgrammeSet(file: Record<string, unknown>, assignment: string): string | undefined {
  const eq = assignment.indexOf('=');
  if (eq <= 0) return `--set ${assignment}: expected path=value, e.g. instruments.socialWork.share=0.5`;
  const path = assignment.slice(0, eq).trim();
  const raw = assignment.slice(eq + 1).trim();
  if (!PROGRAMME_SETTABLE_PATHS.includes(path)) {
    const hint = closest(path, PROGRAMME_SETTABLE_PATHS);
    return `--set ${path}: unknown path${hint ? ` (did you mean "${hint}"?)` : ''}; see programmes/schema.json for the fields`;
  }
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // a bare word such as `need` is text
  }
  const keys = path.split('.');
  let obj = file;
  for (const k of keys.slice(0, -1)) {
    if (typeof obj[k] !== 'object' || obj[k] === null || Array.isArray(obj[k])) obj[k] = {};
    obj = obj[k] as Record<string, unknown>;
  }
  obj[keys[keys.length - 1]] = value;
  return undefined;
}
