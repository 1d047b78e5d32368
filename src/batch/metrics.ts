/**
 * The flat metrics of one run, as written to `runs.jsonl` and aggregated in `summary.csv`: final
 * strength per element, the pathway (mode, first mover, order, week by which all five were
 * involved) and key outcomes. Pure: no Node or DOM API.
 */
import type { RunSummary } from '../engine/result.ts';
import { ELEMENTS, type ElementId, type ModeId } from '../model/elements.ts';

export type StrengthMetric = `strength.${ElementId}`;
export type CoverageMetric = `coverage.${ElementId}`;

export type RunMetrics = { [K in StrengthMetric]: number } & { [K in CoverageMetric]: number } & {
  mode: ModeId;
  /** The first carrier to roll in, or null if none did. */
  firstMover: ElementId | null;
  /** Carriers in the order they rolled in. */
  order: ElementId[];
  /** Week by which all five elements were involved, or null if they never all were. */
  allInvolvedTick: number | null;
  /** Share of residents served by any element. */
  servedAny: number;
  meanBelonging: number;
  meanTrust: number;
  projectsCompleted: number;
};

/** Numeric metrics, in output order (`allInvolvedTick` is missing for runs where it is null). */
export const NUMERIC_METRICS = [
  ...ELEMENTS.map((e) => `strength.${e}` as const),
  'allInvolvedTick',
  'servedAny',
  ...ELEMENTS.map((e) => `coverage.${e}` as const),
  'meanBelonging',
  'meanTrust',
  'projectsCompleted',
] as const;
export type NumericMetric = (typeof NUMERIC_METRICS)[number];

/** Metric keys in the order they are written. */
export const METRIC_KEYS = [
  ...ELEMENTS.map((e) => `strength.${e}`),
  'mode',
  'firstMover',
  'order',
  'allInvolvedTick',
  'servedAny',
  ...ELEMENTS.map((e) => `coverage.${e}`),
  'meanBelonging',
  'meanTrust',
  'projectsCompleted',
] as const;

/** The flat metrics of a run's summary. */
export function runMetrics(summary: RunSummary): RunMetrics {
  const out: Record<string, unknown> = {};
  for (const e of ELEMENTS) out[`strength.${e}`] = summary.final.strength[e];
  out.mode = summary.pathway.mode;
  out.firstMover = summary.pathway.firstMover;
  out.order = [...summary.pathway.order];
  out.allInvolvedTick = summary.pathway.allInvolvedTick;
  out.servedAny = summary.outcomes.servedAny;
  for (const e of ELEMENTS) out[`coverage.${e}`] = summary.outcomes.coverage[e];
  out.meanBelonging = summary.outcomes.meanBelonging;
  out.meanTrust = summary.outcomes.meanTrust;
  out.projectsCompleted = summary.outcomes.projects.completed;
  return out as RunMetrics;
}

/** A metric's numeric value, or null when it has none (`allInvolvedTick` of a run that never got there). */
export function numericMetric(m: RunMetrics, key: NumericMetric): number | null {
  const v = (m as unknown as Record<string, unknown>)[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
