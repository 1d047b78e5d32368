/**
 * What `wushe discover` writes: trajectory.csv (every box of every peeling trajectory),
 * boxes.csv (each chosen box's limit on each input), boxes.json (the same with the options and
 * the data read) and the table printed on the terminal. Pure: no Node or DOM API.
 */
import { csvText } from '../csv.ts';
import type { DiscoverOptions, Discovery } from './boxes.ts';
import type { InputSpec } from './ensemble.ts';
import type { Limit } from './prim.ts';

export const DISCOVER_FILES = [
  'trajectory.csv',
  'boxes.csv',
  'boxes.json',
  'trajectory.svg',
  'box.svg',
] as const;

/** A ratio for the files: 10 significant digits. */
function num(v: number): number {
  return Number(v.toPrecision(10));
}

function limitCells(limit: Limit): [number | string, number | string, string] {
  return limit.kind === 'numeric' ? [limit.min, limit.max, ''] : ['', '', limit.keep.join('|')];
}

/** trajectory.csv: one row per step of each box's trajectory, with every input's limits. */
export function trajectoryCsv(d: Discovery, inputs: readonly InputSpec[]): string {
  const header = [
    'box',
    'step',
    'action',
    'chosen',
    'coverage',
    'density',
    'mass',
    'cases',
    'positives',
    'restricted',
    'restricted_inputs',
    ...inputs.flatMap((i) => (i.kind === 'numeric' ? [`${i.name}.min`, `${i.name}.max`] : [i.name])),
  ];
  const rows = d.boxes.flatMap((b) =>
    b.trajectory.map((s): unknown[] => [
      b.box,
      s.step,
      s.action,
      s.step === b.step,
      num(s.coverage),
      num(s.density),
      num(s.mass),
      s.cases,
      s.positives,
      s.restricted.length,
      s.restricted.join('|'),
      ...s.limits.flatMap((l): unknown[] => (l.kind === 'numeric' ? [l.min, l.max] : [l.keep.join('|')])),
    ]),
  );
  return csvText(header, rows);
}

/** boxes.csv: one row per chosen box and input. */
export function boxesCsv(d: Discovery, inputs: readonly InputSpec[]): string {
  const header = [
    'box',
    'step',
    'coverage',
    'density',
    'mass',
    'cases',
    'positives',
    'input',
    'kind',
    'restricted',
    'min',
    'max',
    'categories',
    'range_min',
    'range_max',
    'all_categories',
    'quasi_p',
  ];
  const rows = d.boxes.flatMap((b) =>
    inputs.map((input, j) => {
      const restricted = b.restricted.includes(input.name);
      return [
        b.box,
        b.step,
        num(b.coverage),
        num(b.density),
        num(b.mass),
        b.cases,
        b.positives,
        input.name,
        input.kind,
        restricted,
        ...limitCells(b.limits[j]),
        ...(input.kind === 'numeric'
          ? [input.range[0], input.range[1], '']
          : ['', '', input.categories.join('|')]),
        restricted ? b.quasiP[input.name] : '',
      ];
    }),
  );
  return csvText(header, rows);
}

export interface DiscoverSource {
  folder: string;
  kind: string;
  /** Cases read (with metrics) and failed cases left out. */
  cases: number;
  failed: number;
}

/** boxes.json: the source, the outcome, the options and the chosen boxes (without trajectories). */
export function boxesJson(
  d: Discovery,
  inputs: readonly InputSpec[],
  source: DiscoverSource,
  outcome: string,
  options: DiscoverOptions,
): string {
  const boxes = d.boxes.map((b) => ({
    box: b.box,
    step: b.step,
    steps: b.trajectory.length,
    met: b.met,
    coverage: num(b.coverage),
    density: num(b.density),
    mass: num(b.mass),
    cases: b.cases,
    positives: b.positives,
    remaining: b.remaining,
    restricted: b.restricted,
    lifted: b.lifted,
    limits: Object.fromEntries(inputs.map((input, j) => [input.name, b.limits[j]])),
    quasiP: b.quasiP,
  }));
  return `${JSON.stringify(
    {
      source,
      outcome,
      options,
      cases: d.cases,
      positives: d.positives,
      inputs,
      boxes,
      ...(d.stopped ? { stopped: d.stopped } : {}),
    },
    null,
    2,
  )}\n`;
}

/** A number for people: up to 3 significant digits. */
export function short(v: number): string {
  if (v === 0 || Number.isInteger(v)) return String(v);
  if (Math.abs(v) < 1e-3) return v.toExponential(1);
  return String(Number(v.toPrecision(3)));
}

function pct(v: number): string {
  return `${(100 * v).toFixed(1)}%`;
}

/**
 * The limit of a box on an input, for people: `0.12 – 0.55`, `≤ 0.3` (the lower end is the
 * lowest value in the data), `balanced, strengths-first`.
 */
export function limitText(limit: Limit, whole: Limit): string {
  if (limit.kind === 'categorical') return limit.keep.join(', ');
  if (whole.kind !== 'numeric') return `${short(limit.min)} – ${short(limit.max)}`;
  if (limit.min > whole.min && limit.max < whole.max) return `${short(limit.min)} – ${short(limit.max)}`;
  if (limit.min > whole.min) return `≥ ${short(limit.min)}`;
  if (limit.max < whole.max) return `≤ ${short(limit.max)}`;
  return 'any';
}

/** The table printed after a discovery. */
export function discoveryTable(d: Discovery, inputs: readonly InputSpec[], outcome: string): string {
  const lines = [`Outcome: ${outcome} — ${d.positives} of ${d.cases} cases (${pct(d.positives / d.cases)})`];
  for (const b of d.boxes) {
    lines.push(
      '',
      `Box ${b.box} (step ${b.step} of ${b.trajectory.length - 1}${b.met ? '' : ', target not met: the densest box'}): ` +
        `coverage ${pct(b.coverage)}, density ${pct(b.density)}, mass ${pct(b.mass)} ` +
        `(${b.cases} cases, ${b.positives} of interest)`,
    );
    if (b.lifted.length > 0) lines.push(`  lifted (quasi-p above the limit): ${b.lifted.join(', ')}`);
    if (b.restricted.length === 0) {
      lines.push(
        b.lifted.length > 0
          ? '  no restriction left: every one had a quasi-p value above the limit'
          : '  no restriction: no box is denser than all the cases together',
      );
      continue;
    }
    const rows = inputs
      .map((input, j) => ({ input, limit: b.limits[j], whole: d.whole[j] }))
      .filter((r) => b.restricted.includes(r.input.name))
      .map((r) => [
        r.input.name,
        limitText(r.limit, r.whole),
        r.input.kind === 'numeric'
          ? `${short(r.input.range[0])} – ${short(r.input.range[1])}`
          : `${r.input.categories.length} categories`,
        short(b.quasiP[r.input.name]),
      ]);
    const table = [['input', 'box', 'range', 'quasi-p'], ...rows];
    const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
    for (const r of table) lines.push(`  ${r.map((cell, c) => cell.padEnd(widths[c])).join('  ')}`.trimEnd());
  }
  if (d.stopped) lines.push('', `Stopped: ${d.stopped}.`);
  return `${lines.join('\n')}\n`;
}
