import { z } from 'zod';
import { ELEMENTS, type ElementId, STRATEGIES, type StrategyId } from './elements.ts';
import { type Intervention, type InterventionInput, interventionSchema } from './interventions.ts';
import { KNOCKOUT_IDS } from './mechanisms.ts';
import {
  ALL_NUMBERS,
  defaultParameters,
  type NumberSpec,
  PARAMETERS,
  type Parameters,
} from './parameters.ts';

export interface Text {
  zh: string;
  en: string;
}

/** A scenario as written in a file: every field the model reads, parameters optional. */
export interface ScenarioFile {
  $schema?: string;
  id: string;
  title?: Text;
  description?: Text;
  seed: number;
  ticks: number;
  residents: number;
  initial: Record<ElementId, number>;
  strategy: StrategyId;
  parameters?: { [G in keyof Parameters]?: Partial<Parameters[G]> };
  interventions?: InterventionInput[];
  ensemble?: Ensemble;
  /** Mechanism and process ids switched off for this run (src/model/mechanisms.ts). */
  knockouts?: string[];
}

/** Many heterogeneous communities sharing parameters and interventions (e.g. the Hubei study's 32). */
export interface Ensemble {
  communities: number;
  /** Community sizes, drawn log-uniformly between min and max. */
  residents: { min: number; max: number };
  /** Starting strengths, drawn uniformly between min and max; elements not named keep `initial`. */
  initial?: Partial<Record<ElementId, { min: number; max: number }>>;
}

/** A validated scenario with every parameter filled in. */
export interface Scenario extends Omit<ScenarioFile, 'parameters' | 'interventions' | 'knockouts'> {
  parameters: Parameters;
  interventions: Intervention[];
  knockouts: string[];
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

const text = z.strictObject({ zh: z.string().max(2000), en: z.string().max(2000) });

function parametersSchema() {
  const groups: Record<string, Record<string, z.ZodType>> = {};
  for (const spec of PARAMETERS) {
    groups[spec.group] ??= {};
    groups[spec.group][spec.key] = numberSchema(spec).optional();
  }
  const shape: Record<string, z.ZodType> = {};
  for (const [g, keys] of Object.entries(groups)) shape[g] = z.strictObject(keys).optional();
  return z.strictObject(shape);
}

const field = (path: string) => numberSchema(ALL_NUMBERS.find((s) => s.path === path)!);

const range = (spec: NumberSpec) =>
  z
    .strictObject({ min: numberSchema(spec), max: numberSchema(spec) })
    .refine((r) => r.min <= r.max, { error: 'min must not be above max' });

const ensembleSchema = z
  .strictObject({
    communities: z.number().int().min(1).max(1000).describe('Number of communities'),
    residents: range(ALL_NUMBERS.find((s) => s.path === 'residents')!).describe(
      'Community sizes (log-uniform)',
    ),
    initial: z
      .strictObject(
        Object.fromEntries(
          ELEMENTS.map((e) => [e, range(ALL_NUMBERS.find((s) => s.path === `initial.${e}`)!).optional()]),
        ),
      )
      .optional()
      .describe('Ranges of starting strengths (uniform)'),
  })
  .describe('Many heterogeneous communities, for the virtual survey');

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z
      .string({
        error: (iss) =>
          iss.input === undefined
            ? 'is required (a short name such as "my-community")'
            : 'must be text, e.g. "my-community"',
      })
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, {
        error: 'must be letters, digits, "-", "_" or "." (at most 80)',
      }),
    title: text.optional(),
    description: text.optional(),
    seed: field('seed'),
    ticks: field('ticks'),
    residents: field('residents'),
    initial: z.strictObject(
      Object.fromEntries(ELEMENTS.map((e) => [e, field(`initial.${e}`)])) as Record<ElementId, z.ZodNumber>,
    ),
    strategy: z.enum(STRATEGIES, { error: `must be one of ${STRATEGIES.join(', ')}` }),
    parameters: parametersSchema().optional(),
    interventions: z.array(interventionSchema).max(10000).optional(),
    ensemble: ensembleSchema.optional(),
    knockouts: z
      .array(z.string({ error: 'must be a mechanism id (text)' }))
      .max(KNOCKOUT_IDS.length)
      .optional()
      .describe(`Mechanisms switched off for this run (knock-outs): any of ${KNOCKOUT_IDS.join(', ')}`),
  })
  .superRefine((s, ctx) => {
    s.knockouts?.forEach((id, i) => {
      if (KNOCKOUT_IDS.includes(id)) return;
      const hint = closest(id, KNOCKOUT_IDS);
      ctx.addIssue({
        code: 'custom',
        path: ['knockouts', i],
        message: `unknown mechanism "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}; see \`wushe schema\` for the ids`,
      });
    });
    s.interventions?.forEach((iv, i) => {
      if (iv.tick >= s.ticks)
        ctx.addIssue({
          code: 'custom',
          path: ['interventions', i, 'tick'],
          message: `week ${iv.tick} is not before the end of the run (ticks = ${s.ticks})`,
        });
    });
  });

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** Validates a parsed JSON value; every problem is reported as `path: message`. */
export function validateScenario(input: unknown): ValidationResult {
  const parsed = scenarioSchema.safeParse(input, {
    error: (iss) => (iss.input === undefined && iss.code !== 'unrecognized_keys' ? 'is required' : undefined),
  });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(formatIssue) };
  return { ok: true, scenario: resolveScenario(parsed.data as ScenarioFile) };
}

/** Fills defaults into a valid scenario file. */
export function resolveScenario(file: ScenarioFile): Scenario {
  const parameters = defaultParameters();
  for (const [group, values] of Object.entries(file.parameters ?? {})) {
    Object.assign((parameters as unknown as Record<string, object>)[group], values);
  }
  const { parameters: _p, interventions, knockouts, ...rest } = file;
  const timeline = [...((interventions ?? []) as Intervention[])].sort((a, b) => a.tick - b.tick);
  return { ...rest, parameters, interventions: timeline, knockouts: [...new Set(knockouts ?? [])] };
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${String(p)}`))
    .join('');
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(issue.path);
    return issue.keys
      .map((k) => {
        const hint = closest(k, known);
        const where = path ? `${path}.${k}` : k;
        return `${where}: unknown key${hint ? ` (did you mean "${hint}"?)` : ''}`;
      })
      .join('\n');
  }
  if (issue.code === 'invalid_union' && 'note' in issue) return `${path}: unknown intervention type`;
  return `${path || '(scenario)'}: ${issue.message}`;
}

/** Keys allowed at a path in the scenario, for "did you mean" hints. */
function knownKeysAt(path: PropertyKey[]): string[] {
  let shape: z.ZodType = scenarioSchema as unknown as z.ZodType;
  for (const p of path) {
    const def = unwrap(shape);
    if (def instanceof z.ZodObject) shape = def.shape[String(p)];
    else if (def instanceof z.ZodArray) shape = def.element as z.ZodType;
    else return [];
    if (!shape) return [];
  }
  const def = unwrap(shape);
  if (def instanceof z.ZodObject) return Object.keys(def.shape);
  // interventions: the keys of every intervention type
  if (def instanceof z.ZodDiscriminatedUnion) {
    return [...new Set(def.options.flatMap((o) => (o instanceof z.ZodObject ? Object.keys(o.shape) : [])))];
  }
  return [];
}

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  while (cur instanceof z.ZodOptional || cur instanceof z.ZodDefault) cur = cur.unwrap() as z.ZodType;
  if (cur instanceof z.ZodPipe) return unwrap(cur.in as z.ZodType);
  return cur;
}

/** The known name nearest to `word` by edit distance, if it is close enough to be a typo. */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  // a typo is at most a third of the word (at least one edit), and never the whole word
  let bestD = Math.min(Math.max(1, Math.floor(word.length / 3)), word.length - 1) + 1;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
