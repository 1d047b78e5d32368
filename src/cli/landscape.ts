/**
 * `wushe landscape <scenario> --x PATH --y PATH --out DIR`: varies two starting strengths (or any
 * two numeric fields) over a grid, runs replicates of every cell on the worker pool, and writes
 * landscape.csv (share of each mode and mean time until all five elements are involved, per cell),
 * landscape.json and landscape.svg (a map coloured by the dominant pathway, drawn with D3).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { LandscapeCell, LandscapePoint } from '../batch/landscape.ts';
import type { RunMetrics } from '../batch/metrics.ts';
import { MODES } from '../model/elements.ts';
import { UsageError } from './errors.ts';
import { loadScenario } from './io.ts';
import { collect, integerFor } from './options.ts';
import { prepareOutDir } from './outDir.ts';
import { withPool, workersOption } from './pool.ts';

interface LandscapeOptions {
  x: string;
  y: string;
  steps: number;
  replicates: number;
  seed?: number;
  set?: string[];
  workers?: number;
  out: string;
  quiet?: boolean;
  force?: boolean;
}

export const LANDSCAPE_FILES = ['landscape.csv', 'landscape.json', 'landscape.svg'] as const;

const EXAMPLES = `
Examples:
  $ wushe landscape scenarios/baseline.json --x initial.volunteers --y initial.organizations --out out/land
  $ wushe landscape my.json --x initial.charity --y initial.volunteers --steps 21 --replicates 5 --out out/land

Each axis takes --steps values evenly spaced over [0, 1] for a starting strength (initial.*), or
over the field's declared range otherwise. Every cell runs --replicates times with seeds derived
from --seed (default: the scenario's seed), the cell and the replicate.

Writes landscape.csv (x, y, runs, share of each mode, the dominant one, mean week by which all
five elements were involved and the share of runs in which they all were), landscape.json (the
same with the options) and landscape.svg (a map coloured by the dominant pathway).`;

function intOption(name: string, min: number, max: number) {
  return (raw: string): number => {
    const v = Number(raw.trim());
    if (!/^\d+$/.test(raw.trim()) || v < min || v > max)
      throw new InvalidArgumentError(`Expected a whole number of ${name} from ${min} to ${max}.`);
    return v;
  };
}

export function landscapeCommand(): Command {
  return new Command('landscape')
    .description('map which pathway emerges as two starting strengths vary (CSV and an SVG map)')
    .argument('<scenario>', 'base scenario file (JSON)')
    .requiredOption('--x <path>', 'field on the x axis, e.g. initial.volunteers')
    .requiredOption('--y <path>', 'field on the y axis, e.g. initial.organizations')
    .option('--steps <n>', 'values per axis', intOption('steps', 2, 1000), 11)
    .option('--replicates <n>', 'runs per cell', intOption('replicates', 1, 100000), 3)
    .option('--seed <n>', 'master seed (default: the scenario’s seed)', integerFor('seed'))
    .option('--set <path=value>', 'override a scenario field (repeatable)', collect)
    .addOption(workersOption())
    .requiredOption('--out <dir>', 'output folder (created if missing; must be empty)')
    .option('--force', 'write into a folder that is not empty, replacing only this command’s files')
    .option('--quiet', 'no progress bar and no closing message')
    .addHelpText('after', EXAMPLES)
    .action((scenario: string, opts: LandscapeOptions) => landscape(scenario, opts));
}

async function landscape(file: string, opts: LandscapeOptions): Promise<void> {
  const { checkLandscapeOptions, landscapePoints, aggregateLandscape } = await import(
    '../batch/landscape.ts'
  );
  const { scenario } = loadScenario(file, { set: opts.set });
  const options = {
    x: opts.x,
    y: opts.y,
    steps: opts.steps,
    replicates: opts.replicates,
    seed: opts.seed ?? scenario.seed,
  };
  const problems = checkLandscapeOptions(options);
  if (problems.length > 0) throw new UsageError(problems, 'wushe landscape');
  let points: LandscapePoint[];
  try {
    points = landscapePoints(scenario, options);
  } catch (e) {
    throw new UsageError(`${file}: ${(e as Error).message}`);
  }
  prepareOutDir(opts.out, { files: LANDSCAPE_FILES, force: opts.force });

  const results: (RunMetrics | undefined)[] = new Array(points.length);
  let failed = 0;
  let firstError: string | undefined;
  await withPool(
    {
      workers: opts.workers,
      tasks: points.length,
      label: 'landscape',
      total: points.length,
      done: 0,
      quiet: opts.quiet,
    },
    (pool, bar) =>
      pool.run(
        points.map((p) => ({ id: p.index, scenario: p.scenario })),
        (o) => {
          if (o.metrics) results[o.id] = o.metrics;
          else {
            failed++;
            firstError ??= o.error;
          }
          bar?.increment(1, { failed });
        },
      ),
  );

  const cells = aggregateLandscape(points, results);
  const allShare = allInvolvedShares(points, results);
  writeFileSync(join(opts.out, 'landscape.csv'), landscapeCsv(cells, allShare));
  writeFileSync(
    join(opts.out, 'landscape.json'),
    `${JSON.stringify({ scenario: scenario.id, ...options, failed, cells }, null, 2)}\n`,
  );
  const { parseHTML } = await import('linkedom');
  const { landscapeSvg } = await import('../batch/landscapeSvg.ts');
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = landscapeSvg(
    cells,
    {
      x: opts.x,
      y: opts.y,
      subtitle: `${scenario.id}: ${opts.steps} × ${opts.steps} cells, ${opts.replicates} run${opts.replicates === 1 ? '' : 's'} each, seed ${options.seed}`,
    },
    document,
  );
  writeFileSync(join(opts.out, 'landscape.svg'), svg);
  if (failed > 0)
    process.stderr.write(
      `wushe landscape: ${failed} runs failed (first error: ${firstError}); cells show the rest\n`,
    );
  if (!opts.quiet)
    process.stderr.write(
      `wushe landscape: ${points.length} runs; wrote ${LANDSCAPE_FILES.join(', ')} to ${opts.out}\n`,
    );
}

/** Share of runs per cell (row-major) in which all five elements were involved. */
function allInvolvedShares(points: readonly LandscapePoint[], results: readonly (RunMetrics | undefined)[]) {
  const n = new Map<string, [number, number]>();
  points.forEach((p, i) => {
    const key = `${p.iy}:${p.ix}`;
    const c = n.get(key) ?? [0, 0];
    const m = results[i];
    if (m) {
      c[0]++;
      if (m.allInvolvedTick !== null) c[1]++;
    }
    n.set(key, c);
  });
  return n;
}

function num(v: number | null): string {
  return v === null ? '' : String(Number(v.toPrecision(10)));
}

/** landscape.csv: one row per cell, row by row from the first y value. */
export function landscapeCsv(
  cells: readonly LandscapeCell[],
  allShare: Map<string, [number, number]>,
): string {
  const header = [
    'x',
    'y',
    'ix',
    'iy',
    'n',
    ...MODES.map((m) => `share.${m}`),
    'dominant',
    'mean_all_involved_tick',
    'all_involved_share',
  ];
  const lines = [header.join(',')];
  for (const c of cells) {
    const [n, all] = allShare.get(`${c.iy}:${c.ix}`) ?? [0, 0];
    lines.push(
      [
        num(c.x),
        num(c.y),
        c.ix,
        c.iy,
        c.n,
        ...MODES.map((m) => (c.n > 0 ? num(c.share[m]) : '')),
        c.dominant ?? '',
        num(c.meanAllInvolvedTick),
        n > 0 ? num(all / n) : '',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
