import { z } from 'zod';
import { ELEMENTS, type ElementId, STRATEGIES, type StrategyId } from './elements.ts';
import { type Intervention, type InterventionInput, interventionSchema } from './interventions.ts';
import { KNOCKOUT_IDS } from './mechanisms.ts';
import { issueLine, type Lang, type MessageId, type MessageParams, message } from './messages.ts';
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

/** The schema of a scenario file, its messages in `lang` (built once per language). */
function buildScenarioSchema(lang: Lang) {
  const t = (id: MessageId, params?: MessageParams) => message(id, lang, params);

  function numberSchema(spec: NumberSpec) {
    const range = t('between', { min: spec.min, max: spec.max });
    let s = z
      .number({
        error: (iss) => (iss.input === undefined ? t('required') : t('notNumberUnit', { unit: spec.unit })),
      })
      .min(spec.min, { error: range })
      .max(spec.max, { error: range });
    if (spec.integer) s = s.int({ error: t('wholeNumber') });
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
      .refine((r) => r.min <= r.max, { error: t('minAboveMax') });

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

  return z
    .strictObject({
      $schema: z.string().optional(),
      id: z
        .string({ error: (iss) => (iss.input === undefined ? t('idRequired') : t('idNotText')) })
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, { error: t('idPattern') }),
      title: text.optional(),
      description: text.optional(),
      seed: field('seed'),
      ticks: field('ticks'),
      residents: field('residents'),
      initial: z.strictObject(
        Object.fromEntries(ELEMENTS.map((e) => [e, field(`initial.${e}`)])) as Record<ElementId, z.ZodNumber>,
      ),
      strategy: z.enum(STRATEGIES, { error: t('oneOf', { list: STRATEGIES.join(', ') }) }),
      parameters: parametersSchema().optional(),
      interventions: z.array(interventionSchema).max(10000).optional(),
      ensemble: ensembleSchema.optional(),
      knockouts: z
        .array(z.string({ error: t('mechanismNotText') }))
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
          message: hint ? t('unknownMechanismHint', { id, hint }) : t('unknownMechanism', { id }),
        });
      });
      s.interventions?.forEach((iv, i) => {
        if (iv.tick >= s.ticks)
          ctx.addIssue({
            code: 'custom',
            path: ['interventions', i, 'tick'],
            message: t('weekAfterEnd', { week: iv.tick, ticks: s.ticks }),
          });
      });
    });
}

/** The scenario schema (English messages); its JSON Schema is `wushe schema`. */
export const scenarioSchema = buildScenarioSchema('en');
const schemas: Partial<Record<Lang, typeof scenarioSchema>> = { en: scenarioSchema };

/** One validation problem: where it is (dotted path, `[i]` for list items) and what is wrong. */
export interface ValidationIssue {
  /** e.g. `initial.volunteers` or `interventions[0].tick`; empty for the whole scenario. */
  path: string;
  /** In the language asked for. */
  message: string;
}

export type ValidationResult =
  | { ok: true; scenario: Scenario }
  | {
      ok: false;
      /** One `path: message` line per problem (`path：message` in Chinese). */
      errors: string[];
      /** The same problems with path and message apart (always given by `validateScenario`). */
      issues?: ValidationIssue[];
    };

export interface ValidateOptions {
  /** Language of the messages (default English). */
  lang?: Lang;
}

/** Validates a parsed JSON value; every problem is reported as `path: message`, in `options.lang`. */
export function validateScenario(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const lang: Lang = options.lang === 'zh' ? 'zh' : 'en';
  schemas[lang] ??= buildScenarioSchema(lang);
  const parsed = schemas[lang].safeParse(input, { error: (iss) => fallbackMessage(iss, lang) });
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((i) => describeIssue(i, lang));
    return {
      ok: false,
      issues,
      errors: issues.map((i) => issueLine(i.path || message('wholeScenario', lang), i.message, lang)),
    };
  }
  return { ok: true, scenario: resolveScenario(parsed.data as ScenarioFile) };
}

/**
 * The message of a problem the schema has no wording of its own for (intervention fields, the
 * ensemble's size, the texts): by the kind of problem.
 */
function fallbackMessage(iss: z.core.$ZodRawIssue, lang: Lang): string | undefined {
  const t = (id: MessageId, params?: MessageParams) => message(id, lang, params);
  if (iss.input === undefined && iss.code !== 'unrecognized_keys') return t('required');
  switch (iss.code) {
    case 'invalid_type':
      switch (iss.expected) {
        case 'number':
          return t('notNumber');
        case 'int':
          return t('wholeNumber');
        case 'string':
          return t('notText');
        case 'boolean':
          return t('notBoolean');
        case 'object':
          return t('notObject');
        case 'array':
          return t('notList');
        default:
          return t('invalid');
      }
    case 'too_small': {
      const min = Number(iss.minimum);
      if (iss.origin === 'string') return t('invalid');
      if (iss.origin === 'array') return t('tooFew', { min });
      return t(iss.inclusive === false ? 'above' : 'atLeast', { min });
    }
    case 'too_big': {
      const max = Number(iss.maximum);
      if (iss.origin === 'string') return t('textTooLong', { max });
      if (iss.origin === 'array') return t('tooMany', { max });
      return t(iss.inclusive === false ? 'below' : 'atMost', { max });
    }
    case 'invalid_value':
      return t('oneOf', { list: iss.values.map(String).join(', ') });
    case 'invalid_union':
      return t('unknownIntervention');
    default:
      return t('invalid');
  }
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

function describeIssue(issue: z.core.$ZodIssue, lang: Lang): ValidationIssue[] {
  const path = issue.path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${String(p)}`))
    .join('');
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(issue.path);
    return issue.keys.map((k) => {
      const hint = closest(k, known);
      return {
        path: path ? `${path}.${k}` : k,
        message: hint ? message('unknownKeyHint', lang, { hint }) : message('unknownKey', lang),
      };
    });
  }
  if (issue.code === 'invalid_union' && 'note' in issue)
    return [{ path, message: message('unknownIntervention', lang) }];
  return [{ path, message: issue.message }];
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
