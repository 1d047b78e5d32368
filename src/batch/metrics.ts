/**
 * The flat metrics of one run, as written to `runs.jsonl` and aggregated in `summary.csv`: the
 * reporters marked `metric` (src/engine/reporters.ts), the pathway and key outcomes. Declared once
 * in `RUN_METRICS`; keys, numeric columns and docs/outputs.md derive from it. Pure: no Node or DOM API.
 */
import { REPORTERS } from '../engine/reporters.ts';
import type { RunSummary } from '../engine/result.ts';
import { ELEMENT_NAMES, ELEMENTS, type ElementId, type ModeId } from '../model/elements.ts';

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
  /** Share of the measurement settings around the run's own that give the same mode. */
  modeRobustness: number;
  /** Share of residents served by any element. */
  servedAny: number;
  meanBelonging: number;
  meanTrust: number;
  projectsCompleted: number;
} & Record<string, unknown>;

/** One per-run metric: its key, labels, unit, how it is read from the run's summary. */
export interface MetricSpec {
  id: string;
  zh: string;
  en: string;
  unit: string;
  how: string;
  /** Numeric metrics are aggregated (mean, quantiles) and screened; the others are categorical. */
  numeric: boolean;
  read(summary: RunSummary): unknown;
}

const fromReporters: MetricSpec[] = REPORTERS.filter((r) => r.metric).map((r) => ({
  id: r.id,
  zh: r.zh,
  en: r.en,
  unit: r.unit,
  how: `${r.how}, at the end of the run`,
  numeric: true,
  read: (s: RunSummary) =>
    r.final === 'strength'
      ? s.final.strength[r.id.slice('strength.'.length) as ElementId]
      : s.final.counts[r.id],
}));

const coverage: MetricSpec[] = ELEMENTS.map((e) => ({
  id: `coverage.${e}`,
  zh: `${ELEMENT_NAMES[e].zh}服务覆盖率`,
  en: `${ELEMENT_NAMES[e].en}: coverage`,
  unit: 'share of residents',
  how: 'residents this element ever served, over all residents',
  numeric: true,
  read: (s: RunSummary) => s.outcomes.coverage[e],
}));

/** Every run metric, in the order written. */
export const RUN_METRICS: readonly MetricSpec[] = [
  ...fromReporters,
  {
    id: 'mode',
    zh: '实践模式',
    en: 'Practice model',
    unit: 'mode id',
    how: 'the pathway\u2019s mode (docs/ODD.md, "Pathway analysis")',
    numeric: false,
    read: (s) => s.pathway.mode,
  },
  {
    id: 'firstMover',
    zh: '先行要素',
    en: 'First mover',
    unit: 'element id or null',
    how: 'the first carrier to roll in',
    numeric: false,
    read: (s) => s.pathway.firstMover,
  },
  {
    id: 'order',
    zh: '卷入顺序',
    en: 'Roll-in order',
    unit: 'element ids',
    how: 'the carriers in the order they rolled in',
    numeric: false,
    read: (s) => [...s.pathway.order],
  },
  {
    id: 'allInvolvedTick',
    zh: '五社全部卷入周',
    en: 'Week all five involved',
    unit: 'week or null',
    how: 'the week by which all five elements had rolled in',
    numeric: true,
    read: (s) => s.pathway.allInvolvedTick,
  },
  {
    id: 'modeRobustness',
    zh: '模式稳健性',
    en: 'Robustness of the mode',
    unit: 'share of settings',
    how: 'share of the measurement settings around the run\u2019s own that give the same mode (pathway.robustness)',
    numeric: true,
    read: (s) => s.pathway.robustness?.share ?? null,
  },
  {
    id: 'servedAny',
    zh: '受益居民比例',
    en: 'Residents served',
    unit: 'share of residents',
    how: 'residents served by any element, over all residents',
    numeric: true,
    read: (s) => s.outcomes.servedAny,
  },
  ...coverage,
  {
    id: 'meanBelonging',
    zh: '平均归属感',
    en: 'Mean belonging',
    unit: '0–1',
    how: 'mean belonging over residents at the end',
    numeric: true,
    read: (s) => s.outcomes.meanBelonging,
  },
  {
    id: 'meanTrust',
    zh: '平均信任',
    en: 'Mean trust',
    unit: '0–1',
    how: 'mean trust over residents at the end',
    numeric: true,
    read: (s) => s.outcomes.meanTrust,
  },
  {
    id: 'projectsCompleted',
    zh: '完成项目数',
    en: 'Projects completed',
    unit: 'projects',
    how: 'projects completed during the run',
    numeric: true,
    read: (s) => s.outcomes.projects.completed,
  },
];

/** Numeric metrics, in output order (a metric is missing for runs where it is null). */
export const NUMERIC_METRICS: readonly string[] = RUN_METRICS.filter((m) => m.numeric).map((m) => m.id);
export type NumericMetric = string;

/** Metric keys in the order they are written. */
export const METRIC_KEYS: readonly string[] = RUN_METRICS.map((m) => m.id);

/** The flat metrics of a run's summary. */
export function runMetrics(summary: RunSummary): RunMetrics {
  const out: Record<string, unknown> = {};
  for (const m of RUN_METRICS) out[m.id] = m.read(summary);
  return out as RunMetrics;
}

/** A metric's numeric value, or null when it has none (`allInvolvedTick` of a run that never got there). */
export function numericMetric(m: RunMetrics, key: NumericMetric): number | null {
  const v = (m as unknown as Record<string, unknown>)[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
