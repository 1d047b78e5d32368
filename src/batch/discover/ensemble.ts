/**
 * What scenario discovery reads: an ensemble of cases, each with the values of the inputs that
 * were varied and the metrics that came out. A sweep folder is one source (`sweepEnsemble`); any
 * other (a programme ensemble's per-community table) is one more function returning an
 * `Ensemble`. Also the catalogue of metrics the outcome expression may name. Pure: no Node or DOM
 * API.
 */
import { ELEMENTS, MODES } from '../../model/elements.ts';
import { METRIC_KEYS, NUMERIC_METRICS } from '../metrics.ts';
import type { FactorFile } from '../plan.ts';
import type { RunRecord } from '../records.ts';
import type { Catalogue, MetricType } from './outcome.ts';
import type { DimData, PrimData } from './prim.ts';

/** An input dimension: numeric (ordered) or categorical (a set of labels). */
export type InputSpec =
  | { name: string; kind: 'numeric' /** the range the design drew from */; range: [number, number] }
  | { name: string; kind: 'categorical' /** labels in their declared order */; categories: string[] };

export interface EnsembleCase {
  /** e.g. `run 7` */
  id: string;
  /** One value per input: a number for a numeric input, a category label for a categorical one. */
  inputs: (number | string)[];
  metrics: Readonly<Record<string, unknown>>;
}

export interface Ensemble {
  /** What kind of folder was read (`sweep`; `programme` when that reader exists). */
  kind: string;
  inputs: InputSpec[];
  cases: EnsembleCase[];
  /** Cases without metrics (failed runs), left out. */
  failed: number;
}

/** The label of a categorical value: a string as it is, anything else as JSON. */
export function categoryLabel(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
}

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** An input of a sweep plan's factor: a range or a list of numbers is numeric, any other list categorical. */
function factorInput(name: string, f: FactorFile): InputSpec {
  if (!Array.isArray(f)) return { name, kind: 'numeric', range: [f.min, f.max] };
  if (f.length > 0 && f.every(isNumber))
    return { name, kind: 'numeric', range: [Math.min(...f), Math.max(...f)] };
  return { name, kind: 'categorical', categories: [...new Set(f.map(categoryLabel))] };
}

/**
 * The ensemble of a sweep: its plan's factors are the inputs, its runs the cases (failed runs are
 * counted and left out). Throws an Error when a run lacks a factor's value or has one of the
 * wrong kind (a folder edited by hand, or runs of another plan).
 */
export function sweepEnsemble(
  factors: Readonly<Record<string, FactorFile>>,
  records: readonly RunRecord[],
): Ensemble {
  const inputs = Object.entries(factors).map(([name, f]) => factorInput(name, f));
  const cases: EnsembleCase[] = [];
  let failed = 0;
  for (const r of [...records].sort((a, b) => a.run - b.run)) {
    if (!r.metrics) {
      failed++;
      continue;
    }
    const values = inputs.map((input) => {
      if (!Object.hasOwn(r.factors, input.name))
        throw new Error(`run ${r.run} has no value for the factor ${input.name}`);
      const v = r.factors[input.name];
      if (input.kind === 'categorical') return categoryLabel(v);
      if (!isNumber(v))
        throw new Error(`run ${r.run}: factor ${input.name} is ${JSON.stringify(v)}, not a number`);
      return v;
    });
    cases.push({
      id: `run ${r.run}`,
      inputs: values,
      metrics: r.metrics as unknown as Record<string, unknown>,
    });
  }
  return { kind: 'sweep', inputs, cases, failed };
}

/** The metrics of a run record whose types are known (others are inferred from the values). */
export const KNOWN_METRICS: ReadonlyMap<string, MetricType> = new Map<string, MetricType>(
  METRIC_KEYS.map((k): [string, MetricType] => {
    if (k === 'mode') return [k, { type: 'string', nullable: false, values: MODES }];
    if (k === 'firstMover') return [k, { type: 'string', nullable: true, values: ELEMENTS }];
    if (k === 'order') return [k, { type: 'list', nullable: false }];
    const numeric = (NUMERIC_METRICS as readonly string[]).includes(k);
    return [k, { type: numeric ? 'number' : 'string', nullable: k === 'allInvolvedTick' }];
  }),
);

function valueType(v: unknown): MetricType['type'] | undefined {
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  return undefined;
}

/**
 * The metrics the cases have, with their types: the run record's known metrics that occur, and
 * any other key (a metric added later, or a programme's column) typed by its values and taken to
 * be nullable; a key whose values have mixed types is left out.
 */
export function metricCatalogue(cases: readonly EnsembleCase[]): Catalogue {
  const seen = new Map<string, Set<string>>();
  for (const c of cases)
    for (const [k, v] of Object.entries(c.metrics)) {
      const types = seen.get(k) ?? new Set<string>();
      const t = valueType(v);
      if (t) types.add(t);
      seen.set(k, types);
    }
  const out = new Map<string, MetricType>();
  for (const [k, types] of seen) {
    const known = KNOWN_METRICS.get(k);
    if (known) out.set(k, known);
    // an inferred metric may be null in cases not read here (a run that never got there), so
    // `== null` on it is allowed
    else if (types.size === 1) out.set(k, { type: [...types][0] as MetricType['type'], nullable: true });
  }
  return out;
}

/** The PRIM data of an ensemble: its inputs, and 1 for each case whose metrics meet `test`. */
export function primData(
  ensemble: Ensemble,
  test: (metrics: Readonly<Record<string, unknown>>) => boolean,
): PrimData {
  const n = ensemble.cases.length;
  const dims: DimData[] = ensemble.inputs.map((input, j) => {
    if (input.kind === 'numeric')
      return {
        name: input.name,
        kind: 'numeric',
        x: Float64Array.from(ensemble.cases, (c) => c.inputs[j] as number),
      };
    const categories = [...input.categories];
    for (const c of ensemble.cases)
      if (!categories.includes(c.inputs[j] as string)) categories.push(c.inputs[j] as string);
    return {
      name: input.name,
      kind: 'categorical',
      categories,
      x: Int32Array.from(ensemble.cases, (c) => categories.indexOf(c.inputs[j] as string)),
    };
  });
  const y = new Uint8Array(n);
  ensemble.cases.forEach((c, i) => {
    y[i] = test(c.metrics) ? 1 : 0;
  });
  return { dims, y };
}
