/**
 * Aggregates of a sweep: per design point, mean, standard deviation and 95% confidence interval of
 * every numeric metric, the share of each mode (with its 95% Wilson interval) and of each first mover
 * (`summary.csv`); for a Morris
 * design, μ*, μ and σ of the elementary effects per factor and output (`sensitivity.csv`).
 * Records are taken in run order, so the figures never depend on the order runs finished in.
 * Pure: no Node or DOM API.
 */
import { wilson } from '../analysis/intervals.ts';
import { CARRIER_ELEMENTS, MODES } from '../model/elements.ts';
import { csvText } from './csv.ts';
import { elementaryEffects } from './designs.ts';
import { NUMERIC_METRICS, numericMetric } from './metrics.ts';
import type { RunRecord } from './records.ts';
import { describe, tidy } from './stats.ts';
import type { Sweep } from './sweep.ts';

/** Records grouped by design point, each group in run order. */
export function groupByPoint(records: readonly RunRecord[]): Map<number, RunRecord[]> {
  const sorted = [...records].sort((a, b) => a.run - b.run);
  const groups = new Map<number, RunRecord[]>();
  for (const r of sorted) {
    const g = groups.get(r.point);
    if (g) g.push(r);
    else groups.set(r.point, [r]);
  }
  return new Map([...groups.entries()].sort((a, b) => a[0] - b[0]));
}

const STATS = ['mean', 'sd', 'ci95_low', 'ci95_high'] as const;

/** Column names of `summary.csv` after the factor columns. */
export function summaryColumns(): string[] {
  return [
    'n',
    'failed',
    ...NUMERIC_METRICS.flatMap((m) => STATS.map((s) => `${m}.${s}`)),
    'allInvolved.share',
    ...MODES.flatMap((m) => [`mode.${m}.share`, `mode.${m}.wilson95_low`, `mode.${m}.wilson95_high`]),
    ...CARRIER_ELEMENTS.map((e) => `firstMover.${e}.share`),
    'firstMover.none.share',
  ];
}

function t(x: number | null): number | null {
  return x === null ? null : tidy(x);
}

/** The statistics of one design point's runs, in `summaryColumns()` order. */
export function summarisePoint(runs: readonly RunRecord[]): unknown[] {
  const ok = runs.filter((r) => r.metrics);
  const n = ok.length;
  const row: unknown[] = [n, runs.length - n];
  for (const m of NUMERIC_METRICS) {
    const values: number[] = [];
    for (const r of ok) {
      const v = numericMetric(r.metrics!, m);
      if (v !== null) values.push(v);
    }
    const d = describe(values);
    row.push(t(d.mean), t(d.sd), t(d.ciLow), t(d.ciHigh));
  }
  const share = (count: number) => (n === 0 ? null : tidy(count / n));
  row.push(share(ok.filter((r) => r.metrics!.allInvolvedTick !== null).length));
  for (const mode of MODES) {
    const w = wilson(ok.filter((r) => r.metrics!.mode === mode).length, n);
    row.push(share(w.count), t(w.low), t(w.high));
  }
  for (const e of CARRIER_ELEMENTS) row.push(share(ok.filter((r) => r.metrics!.firstMover === e).length));
  row.push(share(ok.filter((r) => r.metrics!.firstMover === null).length));
  return row;
}

/** `summary.csv`: one row per design point that has runs: `point`, the factor values, then the statistics. */
export function summaryCsv(sweep: Sweep, records: readonly RunRecord[]): string {
  const factors = sweep.plan.factors.map((f) => f.path);
  const rows: unknown[][] = [];
  for (const [point, runs] of groupByPoint(records)) {
    const values = factors.map((f) => runs[0].factors[f]);
    rows.push([point, ...values, ...summarisePoint(runs)]);
  }
  return csvText(['point', ...factors, ...summaryColumns()], rows);
}

/** Outputs screened by Morris: the numeric metrics and the share of runs in each mode. */
export const SENSITIVITY_OUTPUTS: readonly string[] = [...NUMERIC_METRICS, ...MODES.map((m) => `mode.${m}`)];

/** The value of a sensitivity output at a design point: the mean over its successful replicates. */
function pointOutput(runs: readonly RunRecord[], output: string): number | null {
  const ok = runs.filter((r) => r.metrics);
  if (ok.length === 0) return null;
  if (output.startsWith('mode.')) {
    const mode = output.slice(5);
    return ok.filter((r) => r.metrics!.mode === mode).length / ok.length;
  }
  const values = ok
    .map((r) => numericMetric(r.metrics!, output as (typeof NUMERIC_METRICS)[number]))
    .filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export interface SensitivityRow {
  factor: string;
  output: string;
  /** Elementary effects used (steps whose two points both have the output). */
  n: number;
  muStar: number | null;
  mu: number | null;
  sigma: number | null;
}

/**
 * Morris statistics per factor and output. Each design point's output is the mean over its
 * replicates; effects are per full range of the factor (the unit scale of the design).
 */
export function sensitivity(sweep: Sweep, records: readonly RunRecord[]): SensitivityRow[] {
  if (!sweep.morris) throw new Error('sensitivity needs a morris design');
  const groups = groupByPoint(records);
  const rows: SensitivityRow[] = [];
  for (const output of SENSITIVITY_OUTPUTS) {
    const y: (number | null)[] = [];
    for (let p = 0; p < sweep.points; p++) {
      const g = groups.get(p);
      y.push(g ? pointOutput(g, output) : null);
    }
    for (const e of elementaryEffects(sweep.morris, y)) {
      rows.push({
        factor: sweep.plan.factors[e.factor].path,
        output,
        n: e.n,
        muStar: e.muStar === null ? null : tidy(e.muStar),
        mu: e.mu === null ? null : tidy(e.mu),
        sigma: e.sigma === null ? null : tidy(e.sigma),
      });
    }
  }
  return rows;
}

/** `sensitivity.csv`: output, factor, n, mu_star, mu, sigma. */
export function sensitivityCsv(rows: readonly SensitivityRow[]): string {
  return csvText(
    ['output', 'factor', 'n', 'mu_star', 'mu', 'sigma'],
    rows.map((r) => [r.output, r.factor, r.n, r.muStar, r.mu, r.sigma]),
  );
}

/** Outputs shown in the terminal table (all of them are in sensitivity.csv). */
export const HEADLINE_OUTPUTS: readonly string[] = [
  'strength.community',
  'strength.organizations',
  'strength.socialWorkers',
  'strength.volunteers',
  'strength.charity',
  'allInvolvedTick',
  'servedAny',
  ...MODES.map((m) => `mode.${m}`),
];

function fmt(v: number | null): string {
  if (v === null) return '–';
  const a = Math.abs(v);
  if (a !== 0 && (a < 0.001 || a >= 1e5)) return v.toExponential(2);
  return v.toFixed(a >= 100 ? 1 : 3);
}

/** A readable table of μ*, μ and σ: per headline output, factors by decreasing μ*. */
export function sensitivityTable(rows: readonly SensitivityRow[], sweep: Sweep): string {
  const m = sweep.morris!;
  const lines: string[] = [];
  lines.push(
    `Morris screening: ${m.trajectories} trajectories × ${m.factors} factors, ${m.levels} levels, ` +
      `${sweep.plan.replicates} replicate${sweep.plan.replicates === 1 ? '' : 's'} per point`,
  );
  lines.push(
    'μ* = mean |elementary effect| (importance), μ = mean effect (sign), σ = spread (nonlinearity or',
  );
  lines.push('interaction); effects are the change in the output per full range of the factor.');
  lines.push('');
  const table: string[][] = [['output', 'factor', 'μ*', 'μ', 'σ']];
  for (const output of HEADLINE_OUTPUTS) {
    const group = rows
      .filter((r) => r.output === output)
      .sort((a, b) => (b.muStar ?? -1) - (a.muStar ?? -1) || a.factor.localeCompare(b.factor));
    group.forEach((r, i) => {
      table.push([i === 0 ? output : '', r.factor, fmt(r.muStar), fmt(r.mu), fmt(r.sigma)]);
    });
  }
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => [...row[c]].length)));
  for (const row of table) {
    lines.push(
      row
        .map((cell, c) => (c >= 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join('  ')
        .trimEnd(),
    );
  }
  lines.push('');
  lines.push('All outputs are in sensitivity.csv.');
  return `${lines.join('\n')}\n`;
}
