/** What `wushe programme run` and `compare` print and write: a table, CSV files, summary JSON. */
import { PROGRAMME_METRICS } from '../analysis/programmeMetrics.ts';
import { csvText } from '../batch/csv.ts';
import type { Interval, ProgrammeResult } from '../batch/programme.ts';
import { ELEMENTS } from '../model/elements.ts';
import { INSTRUMENTS } from '../model/programmeParameters.ts';

/** The summary JSON (everything but the replicates' rows, which are in communities.csv). */
export function summaryJson(result: ProgrammeResult): object {
  const { replicates, metrics: _m, ...rest } = result;
  return { ...rest, ledgers: replicates.map((r) => ({ seed: r.seed, ...r.ledger })) };
}

/** One row per community per replicate. */
export function communitiesCsv(result: ProgrammeResult): string {
  const snap = ['volunteers', 'organizations', 'fund', 'socialWorkers', 'strength'] as const;
  const years = Array.from({ length: result.replicates[0]?.rows[0]?.yearsAfter.length ?? 0 }, (_, y) => y);
  const header = [
    'seed',
    'community',
    'id',
    'residents',
    'allocation',
    'purchasedFte',
    ...INSTRUMENTS.map((i) => `budget.${i}`),
    ...INSTRUMENTS.map((i) => `spent.${i}`),
    ...ELEMENTS.map((e) => `initial.${e}`),
    'helped',
    'improved',
    ...ELEMENTS.map((e) => `coverage.${e}`),
    'mode',
    'firstMover',
    'fullLinkageWeek',
    ...snap.map((k) => `atFundingEnd.${k}`),
    ...years.flatMap((y) => snap.map((k) => `yearsAfter${y + 1}.${k}`)),
    ...snap.map((k) => `atEnd.${k}`),
  ];
  const rows = result.replicates.flatMap((r) =>
    r.rows.map((row) => [
      r.seed,
      row.index + 1,
      row.id,
      row.residents,
      row.allocation,
      row.purchasedFte,
      ...INSTRUMENTS.map((i) => row.budget[i]),
      ...INSTRUMENTS.map((i) => row.spent[i]),
      ...ELEMENTS.map((e) => row.initial[e]),
      row.helped,
      row.improved,
      ...ELEMENTS.map((e) => row.coverage[e]),
      row.mode,
      row.firstMover,
      row.fullLinkageWeek,
      ...snap.map((k) => row.atFundingEnd[k]),
      ...years.flatMap((y) => snap.map((k) => row.yearsAfter[y][k])),
      ...snap.map((k) => row.atEnd[k]),
    ]),
  );
  return csvText(header, rows);
}

/** District totals per week, one row per replicate and week. */
export function districtCsv(result: ProgrammeResult): string {
  const keys = ['volunteers', 'organizations', 'fund', 'socialWorkers', 'served'] as const;
  const rows = result.replicates.flatMap((r) =>
    r.series.volunteers.map((_, week) => [r.seed, week, ...keys.map((k) => r.series[k][week])]),
  );
  return csvText(['seed', 'week', ...keys], rows);
}

/** A number for a table: at most 4 significant digits, thousands kept whole. */
export function fmt(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '–';
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  return String(Number(v.toPrecision(3)));
}

export function fmtInterval(i: Interval | undefined): string {
  if (!i || i.mean === null) return '–';
  return i.lo === null || i.hi === null ? fmt(i.mean) : `${fmt(i.mean)} [${fmt(i.lo)}, ${fmt(i.hi)}]`;
}

/** The metrics of a result in output order: the fixed ones, then those for each year after the money ended. */
export function metricList(result: ProgrammeResult): { name: string; en: string }[] {
  const out: { name: string; en: string }[] = [...PROGRAMME_METRICS];
  for (const name of Object.keys(result.summary)) {
    const m = /^yearsAfter(\d+)\.(\w+)$/.exec(name);
    if (m)
      out.push({
        name,
        en: `${m[2]} ${m[1]} year(s) after the money ended${m[2] === 'strength' ? ' (mean over communities)' : ' (district total)'}`,
      });
  }
  return out;
}

/** The printed table of `programme run`: every metric with its interval. */
export function formatProgramme(result: ProgrammeResult): string {
  const lines = [
    `programme ${result.programme}: ${result.communities} communities, ${fmt(result.budget)} yuan, ` +
      `${result.fundingWeeks} funded weeks of ${result.weeks}, ${result.seeds.length} replicate seeds`,
    'mean [95% interval over replicates]',
    '',
  ];
  const metrics = metricList(result);
  const width = Math.max(...metrics.map((m) => m.name.length));
  for (const m of metrics) {
    const i = result.summary[m.name];
    if (!i) continue;
    lines.push(`  ${m.name.padEnd(width)}  ${fmtInterval(i).padEnd(34)}  ${m.en}`);
  }
  const behind = [...result.perCommunity]
    .sort((a, b) => (a.improvedShare.mean ?? 0) - (b.improvedShare.mean ?? 0) || a.index - b.index)
    .slice(0, Math.min(5, result.perCommunity.length));
  lines.push('', 'left behind (lowest share of residents improved):');
  for (const c of behind)
    lines.push(
      `  #${c.index + 1} ${c.id}: ${fmt(c.residents)} residents, ${fmt(c.budget)} yuan allocated, improved ${fmtInterval(c.improvedShare)}, full linkage in ${fmt(c.fullLinkage.mean)} of replicates, pathway ${c.mode}`,
    );
  return `${lines.join('\n')}\n`;
}
