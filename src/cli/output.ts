import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { csvText } from '../batch/csv.ts';
import type { LinkageEvent, RunSummary } from '../engine/result.ts';
import { ELEMENTS } from '../model/elements.ts';
import type { Scenario } from '../model/scenario.ts';

/** Numbers in text output: fixed decimals, `–` for a missing value. */
function num(v: number | null | undefined, digits = 3): string {
  return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '–';
}

function pct(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '–';
}

function signed(v: number): string {
  return Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${v.toFixed(3)}` : '–';
}

/** Rows of cells as left-aligned columns (right-aligned where `right[i]`). */
function table(rows: string[][], right: boolean[] = [], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, c] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, c.length);
  }
  return rows.map(
    (row) =>
      indent +
      row
        .map((c, i) => (right[i] ? c.padStart(widths[i]) : i === row.length - 1 ? c : c.padEnd(widths[i])))
        .join('   ')
        .trimEnd(),
  );
}

/** How many flows the text summary lists. */
export const TOP_FLOWS = 8;

/** A readable summary of a run, in English, ending with a newline. */
export function formatSummary(s: RunSummary): string {
  const out: string[] = [];
  out.push(
    `Scenario ${s.scenario}: seed ${s.seed}, ${s.ticks} weeks, ${s.residents.toLocaleString('en')} residents, ` +
      `strategy ${s.strategy}`,
  );
  out.push('');

  out.push('Strength (index 0–1)');
  const rows: string[][] = [['element', 'start', 'final', 'change']];
  for (const e of ELEMENTS) {
    const a = s.initial?.strength?.[e];
    const b = s.final?.strength?.[e];
    rows.push([e, num(a), num(b), typeof a === 'number' && typeof b === 'number' ? signed(b - a) : '–']);
  }
  out.push(...table(rows, [false, true, true, true]));
  out.push('');

  const p = s.pathway;
  out.push('Pathway');
  const prows: string[][] = [
    ['mode', p.mode],
    ['first mover', p.firstMover ?? 'none'],
    ['order', p.order.length > 0 ? p.order.join(' → ') : 'none rolled in'],
  ];
  if (p.rollIn) {
    const weeks = ELEMENTS.map((e) => `${e} ${p.rollIn[e] ?? '–'}`).join(', ');
    prows.push(['roll-in week', weeks]);
  }
  prows.push([
    'all five by',
    p.allInvolvedTick === null || p.allInvolvedTick === undefined ? 'never' : `week ${p.allInvolvedTick}`,
  ]);
  if (p.reason?.en) prows.push(['why', p.reason.en]);
  if (p.robustness) {
    const { share, settings } = p.robustness;
    prows.push([
      'robustness',
      `${Math.round(share * 100)}% of ${settings} measurement settings give this mode`,
    ]);
  }
  out.push(...table(prows));
  out.push('');

  const flows = [...(s.flows ?? [])].sort((a, b) => b.strength - a.strength || b.count - a.count);
  out.push(
    flows.length > TOP_FLOWS ? `Top flows (${TOP_FLOWS} of ${flows.length}, by strength gained)` : 'Flows',
  );
  if (flows.length === 0) out.push('  none');
  else
    out.push(
      ...table(
        [
          ['from → to', 'mechanism', 'count', 'strength'],
          ...flows
            .slice(0, TOP_FLOWS)
            .map((f) => [`${f.from} → ${f.to}`, f.mechanism, String(f.count), num(f.strength)]),
        ],
        [false, false, true, true],
      ),
    );
  out.push('');

  const o = s.outcomes;
  out.push('Outcomes');
  const orows: string[][] = [
    ['served by any element', pct(o.servedAny)],
    ['coverage', ELEMENTS.map((e) => `${e} ${pct(o.coverage?.[e])}`).join(', ')],
  ];
  if (o.meanNeed)
    orows.push([
      'mean need at end',
      `psychological ${num(o.meanNeed.psychological)}, material ${num(o.meanNeed.material)}, social ${num(o.meanNeed.social)}`,
    ]);
  if (o.improved)
    orows.push([
      'need improved',
      `psychological ${pct(o.improved.psychological)}, material ${pct(o.improved.material)}, social ${pct(o.improved.social)}`,
    ]);
  orows.push(['belonging / trust', `${num(o.meanBelonging)} / ${num(o.meanTrust)}`]);
  if (o.projects)
    orows.push([
      'projects',
      `${o.projects.started} started, ${o.projects.completed} completed, ${o.projects.failed} failed`,
    ]);
  out.push(...table(orows));
  return `${out.join('\n')}\n`;
}

/**
 * `series.csv`: one row per week, columns `tick` then the series in their order. A `tick` series,
 * if the run has one, is the first column rather than a second `tick`.
 */
export function seriesCsv(series: Record<string, number[]>): string {
  const keys = Object.keys(series).filter((k) => k !== 'tick');
  const ticks = series.tick;
  const rows = Math.max(0, ...Object.values(series).map((c) => c.length));
  const table: unknown[][] = [];
  for (let t = 0; t < rows; t++) table.push([ticks?.[t] ?? t, ...keys.map((k) => series[k][t])]);
  return csvText(['tick', ...keys], table);
}

/** `flows.csv`: one row per (from, to, mechanism). */
export function flowsCsv(flows: RunSummary['flows']): string {
  return csvText(
    ['from', 'to', 'mechanism', 'count', 'strength'],
    flows.map((f) => [f.from, f.to, f.mechanism, f.count, f.strength]),
  );
}

/** One event as a JSON line, with its fields in a fixed order. */
export function eventLine(e: LinkageEvent): string {
  return JSON.stringify({
    tick: e.tick,
    mechanism: e.mechanism,
    source: e.source,
    target: e.target,
    value: e.value,
    amount: e.amount,
    actor: e.actor,
    subject: e.subject,
    subjectKind: e.subjectKind,
    project: e.project,
  });
}

/** Writes `events.jsonl` in chunks, so a long log is never held as one string. */
export function writeEvents(file: string, events: readonly LinkageEvent[]): void {
  const fd = openSync(file, 'w');
  try {
    let chunk: string[] = [];
    let size = 0;
    for (const e of events) {
      const line = eventLine(e);
      chunk.push(line);
      size += line.length + 1;
      if (size > 1 << 20) {
        writeSync(fd, `${chunk.join('\n')}\n`);
        chunk = [];
        size = 0;
      }
    }
    if (chunk.length > 0) writeSync(fd, `${chunk.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
}

/** The scenario as run, in the form of a scenario file that `wushe run` accepts again. */
export function scenarioForFile(scenario: Scenario): Record<string, unknown> {
  const { $schema: _s, ...rest } = scenario;
  return rest;
}

export const OUT_FILES = [
  'summary.json',
  'series.csv',
  'flows.csv',
  'events.jsonl',
  'scenario.json',
] as const;

/** Writes the full data files of a run into `dir` (which must exist); returns their paths. */
export function writeOutDir(
  dir: string,
  run: { summary: RunSummary; events: readonly LinkageEvent[] },
  scenario: Scenario,
): string[] {
  const paths = OUT_FILES.map((f) => join(dir, f));
  const [summary, series, flows, events, scen] = paths;
  writeFileSync(summary, `${JSON.stringify(run.summary, null, 2)}\n`);
  writeFileSync(series, seriesCsv(run.summary.series));
  writeFileSync(flows, flowsCsv(run.summary.flows));
  writeEvents(events, run.events);
  writeFileSync(scen, `${JSON.stringify(scenarioForFile(scenario), null, 2)}\n`);
  return paths;
}

/**
 * Starting strengths rounded to whole numbers of agents: each element starts as whole numbers of
 * organisations, partner links, volunteers and donors, so the measured week-0 strength can differ
 * from `initial` (docs/ODD.md, "Initialisation"). One note naming every element whose value used
 * differs from the one asked at the summary's precision (3 decimals), with both values; none when
 * all are represented exactly.
 */
export function startingStrengthNotes(
  asked: Record<string, number>,
  measured: Record<string, number>,
  residents: number,
): string[] {
  const rounded: string[] = [];
  for (const [element, value] of Object.entries(asked)) {
    const got = measured[element];
    if (got !== undefined && Math.abs(got - value) >= 0.0005)
      rounded.push(`initial.${element} ${got.toFixed(3)} (asked ${value})`);
  }
  if (rounded.length === 0) return [];
  return [
    `with ${residents.toLocaleString('en')} residents the elements start as whole numbers of agents, so the starting strengths used are ${rounded.join(', ')}; more residents represent them more exactly`,
  ];
}
