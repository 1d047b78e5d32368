/**
 * What a programme is judged by, for one replicate (docs/programme.md, "Metrics"): residents helped
 * and improved, coverage by element, communities reaching full linkage and how soon, the mix of
 * pathways (each community’s own run record, src/analysis/pathway.ts), what remains after the money
 * ends, cost per outcome and equity across communities. Flat names, so intervals over replicates
 * and paired differences treat every metric alike. Pure.
 */

import type { CommunityRow, ReplicateResult, Snapshot } from '../engine/districtTypes.ts';
import { ELEMENTS, MODES } from '../model/elements.ts';

/** The metrics of one replicate, by name (NaN when undefined, e.g. no community reached full linkage). */
export type ProgrammeMetrics = Record<string, number>;

/** Metric names in output order, with a short description (units in brackets). */
export const PROGRAMME_METRICS: readonly { name: string; en: string; zh: string }[] = [
  { name: 'residents', en: 'residents in the programme', zh: '覆盖居民' },
  { name: 'helped', en: 'residents helped (served by any element)', zh: '受助居民' },
  { name: 'improved', en: 'residents improved (any need below its week-0 level)', zh: '改善居民' },
  { name: 'helpedShare', en: 'share of residents helped', zh: '受助比例' },
  { name: 'improvedShare', en: 'share of residents improved', zh: '改善比例' },
  ...ELEMENTS.map((e) => ({
    name: `coverage.${e}`,
    en: `share of residents served by ${e}`,
    zh: `覆盖率：${e}`,
  })),
  {
    name: 'fullLinkage',
    en: 'communities reaching full linkage (all five rolled in)',
    zh: '实现五社联动的社区数',
  },
  {
    name: 'fullLinkageShare',
    en: 'share of communities reaching full linkage',
    zh: '实现五社联动的社区比例',
  },
  {
    name: 'fullLinkageByFundingEnd',
    en: 'communities at full linkage when the money ended',
    zh: '资助结束时已联动社区数',
  },
  {
    name: 'fullLinkageWeek',
    en: 'mean week full linkage was reached (those reaching it)',
    zh: '实现联动的平均周数',
  },
  ...MODES.map((m) => ({
    name: `mode.${m}`,
    en: `share of communities on the ${m} pathway`,
    zh: `路径占比：${m}`,
  })),
  ...(['atFundingEnd', 'atEnd'] as const).flatMap((when) =>
    (['volunteers', 'organizations', 'fund', 'socialWorkers', 'strength'] as const).map((k) => ({
      name: `${when}.${k}`,
      en: `${k} ${when === 'atEnd' ? 'at the end of the horizon' : 'when the money ended'}${k === 'strength' ? ' (mean over communities)' : ' (district total)'}`,
      zh: `${when === 'atEnd' ? '期末' : '资助结束时'}${k}`,
    })),
  ),
  ...(['volunteers', 'organizations', 'fund', 'socialWorkers'] as const).map((k) => ({
    name: `remain.${k}`,
    en: `${k} at the end of the horizon per ${k} when the money ended`,
    zh: `留存：${k}`,
  })),
  { name: 'spent', en: 'yuan spent', zh: '支出（元）' },
  { name: 'yuanPerResidentHelped', en: 'yuan per resident helped', zh: '每名受助居民成本（元）' },
  { name: 'yuanPerResidentImproved', en: 'yuan per resident improved', zh: '每名改善居民成本（元）' },
  {
    name: 'yuanPerFullLinkage',
    en: 'yuan per community reaching full linkage',
    zh: '每个联动社区成本（元）',
  },
  {
    name: 'worstDecileImproved',
    en: 'share improved in the worst-off tenth of communities',
    zh: '最差十分之一社区的改善比例',
  },
  { name: 'giniImproved', en: 'Gini of the share improved across communities', zh: '改善比例的基尼系数' },
  {
    name: 'giniStrength',
    en: 'Gini of the mean strength at the end across communities',
    zh: '期末强度的基尼系数',
  },
];

export function replicateMetrics(r: ReplicateResult, fundingWeeks: number): ProgrammeMetrics {
  const rows = r.rows;
  const n = rows.length;
  const m: ProgrammeMetrics = {};
  let residents = 0;
  let helped = 0;
  let improved = 0;
  for (const row of rows) {
    residents += row.residents;
    helped += row.helped;
    improved += row.improved;
  }
  m.residents = residents;
  m.helped = helped;
  m.improved = improved;
  m.helpedShare = helped / residents;
  m.improvedShare = improved / residents;
  for (const e of ELEMENTS) {
    let served = 0;
    for (const row of rows) served += row.coverage[e] * row.residents;
    m[`coverage.${e}`] = served / residents;
  }
  const reached = rows.filter((row) => row.fullLinkageWeek !== null);
  m.fullLinkage = reached.length;
  m.fullLinkageShare = reached.length / n;
  m.fullLinkageByFundingEnd = reached.filter(
    (row) => (row.fullLinkageWeek ?? Infinity) <= fundingWeeks,
  ).length;
  m.fullLinkageWeek =
    reached.length > 0
      ? reached.reduce((s, row) => s + (row.fullLinkageWeek ?? 0), 0) / reached.length
      : Number.NaN;
  for (const mode of MODES) m[`mode.${mode}`] = rows.filter((row) => row.mode === mode).length / n;
  for (const when of ['atFundingEnd', 'atEnd'] as const) {
    for (const k of ['volunteers', 'organizations', 'fund', 'socialWorkers'] as const)
      m[`${when}.${k}`] = total(rows, (row) => row[when][k]);
    m[`${when}.strength`] = total(rows, (row) => row[when].strength) / n;
  }
  for (const k of ['volunteers', 'organizations', 'fund', 'socialWorkers'] as const) {
    const before = m[`atFundingEnd.${k}`];
    m[`remain.${k}`] = before > 0 ? m[`atEnd.${k}`] / before : Number.NaN;
  }
  const years = rows[0]?.yearsAfter.length ?? 0;
  for (let y = 0; y < years; y++) {
    for (const k of ['volunteers', 'organizations', 'fund', 'socialWorkers'] as const)
      m[`yearsAfter${y + 1}.${k}`] = total(rows, (row) => row.yearsAfter[y][k]);
    m[`yearsAfter${y + 1}.strength`] = total(rows, (row) => row.yearsAfter[y].strength) / n;
  }
  m.spent = r.ledger.totalSpent;
  m.yuanPerResidentHelped = helped > 0 ? m.spent / helped : Number.NaN;
  m.yuanPerResidentImproved = improved > 0 ? m.spent / improved : Number.NaN;
  m.yuanPerFullLinkage = reached.length > 0 ? m.spent / reached.length : Number.NaN;
  const shares = rows.map((row) => row.improved / row.residents).sort((a, b) => a - b);
  const decile = Math.max(1, Math.floor(n / 10));
  m.worstDecileImproved = shares.slice(0, decile).reduce((s, x) => s + x, 0) / decile;
  m.giniImproved = gini(shares);
  m.giniStrength = gini(rows.map((row) => row.atEnd.strength));
  return m;
}

function total(rows: readonly CommunityRow[], get: (row: CommunityRow) => number): number {
  let s = 0;
  for (const row of rows) s += get(row);
  return s;
}

/** Gini coefficient of non-negative values (0: all equal; mean absolute difference / twice the mean). */
export function gini(values: readonly number[]): number {
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    sum += x[i];
    weighted += (i + 1) * x[i];
  }
  if (n === 0 || !(sum > 0)) return 0;
  return (2 * weighted) / (n * sum) - (n + 1) / n;
}

export type { Snapshot };
