/**
 * `wushe programme compare A.json B.json …`: designs side by side over common random numbers (the
 * same replicate seeds for every design, from the first file's seed or --seed), with paired
 * differences from the first design and an SVG chart.
 */
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Command, Option } from 'commander';
import { csvText } from '../batch/csv.ts';
import { type Interval, type ProgrammeResult, pairedDifferences } from '../batch/programme.ts';
import { programmeCompareSvg } from '../batch/programmeSvg.ts';
import { runProgramme } from '../worker/nodeProgramme.ts';
import { UsageError } from './errors.ts';
import { collect, seedsOption, positiveInt as wholeNumber, workersOption } from './options.ts';
import { prepareOutDir } from './outDir.ts';
import { loadProgramme } from './programmeIo.ts';
import { fmtInterval, metricList } from './programmeOutput.ts';
import { progressBar } from './progress.ts';

interface Options {
  seeds: number;
  seed?: number;
  workers?: number;
  set?: string[];
  out?: string;
  json?: boolean;
  quiet?: boolean;
  force?: boolean;
}

const EXAMPLES = `
Examples:
  $ wushe programme compare programmes/hubei-2020.json programmes/hubei-2020-by-need.json --out results/compare
  $ wushe programme compare a.json b.json --seeds 20 --set allocation.rule=need --json

Every design runs on the same replicate seeds (common random numbers), so the paired differences
(each design minus the first) are much tighter than the designs' own intervals. --set applies to
every design. --out DIR writes compare.json, compare.csv and compare.svg.

Exit codes: 0 success, 2 bad input or usage, 1 unexpected failure.`;

export function programmeCompareCommand(): Command {
  return new Command('compare')
    .description('compare programme designs side by side on common random numbers, with an SVG chart')
    .argument('<programmes...>', 'two or more programme files (JSON)')
    .addOption(seedsOption())
    .addOption(
      new Option('--seed <n>', 'master seed of the replicates (default: the first file’s seed)').argParser(
        wholeNumber('seed', 4294967295),
      ),
    )
    .addOption(workersOption())
    .option('--set <path=value>', 'override a field of every design (repeatable)', collect)
    .option('--out <dir>', 'write compare.json, compare.csv and compare.svg here (created if missing)')
    .option('--force', 'write into a folder that is not empty, replacing only this command’s files')
    .option('--json', 'print the comparison as one JSON document on stdout')
    .option('-q, --quiet', 'no progress on stderr')
    .addHelpText('after', EXAMPLES)
    .action((files: string[], opts: Options) => compare(files, opts));
}

async function compare(files: string[], opts: Options): Promise<void> {
  if (files.length < 2)
    throw new UsageError('programme compare: give at least two programme files', 'wushe programme compare');
  const loaded = files.map((f) => loadProgramme(f, opts.set));
  if (opts.out !== undefined)
    prepareOutDir(opts.out, { files: ['compare.json', 'compare.csv', 'compare.svg'], force: opts.force });
  const master = opts.seed ?? loaded[0].programme.seed;
  const total = loaded.reduce((s, l) => s + opts.seeds * l.programme.weeks * l.programme.members.length, 0);
  const bar = await progressBar(!opts.quiet && !opts.json, total, 'compare');
  const results: ProgrammeResult[] = [];
  let before = 0;
  try {
    for (const l of loaded) {
      const base = before;
      results.push(
        await runProgramme(l.programme, {
          seeds: opts.seeds,
          master,
          workers: opts.workers,
          onProgress: bar && ((done) => bar.update(base + done)),
        }),
      );
      before += opts.seeds * l.programme.weeks * l.programme.members.length;
    }
  } finally {
    bar?.stop();
  }
  const names = files.map((f, k) => `${loaded[k].programme.id} (${f})`);
  const differences = results.slice(1).map((r) => pairedDifferences(results[0], r));
  const doc = {
    seeds: results[0].seeds,
    designs: results.map((r, k) => ({ file: files[k], programme: r.programme, summary: r.summary })),
    differences: differences.map((d, k) => ({ file: files[k + 1], minus: files[0], summary: d })),
  };
  if (opts.out !== undefined) {
    writeFileSync(join(opts.out, 'compare.json'), `${JSON.stringify(doc, null, 2)}\n`);
    writeFileSync(join(opts.out, 'compare.csv'), compareCsv(files, results, differences));
    const { parseHTML } = await import('linkedom');
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    writeFileSync(
      join(opts.out, 'compare.svg'),
      programmeCompareSvg(
        results.map((r, k) => ({ name: `${String.fromCharCode(65 + k)}  ${basename(files[k])}`, result: r })),
        document as unknown as Document,
      ),
    );
    if (!opts.quiet) process.stderr.write(`wrote compare.json, compare.csv, compare.svg to ${opts.out}\n`);
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(doc)}\n`);
    return;
  }
  const lines = [
    `${results.length} designs on the same ${results[0].seeds.length} replicate seeds; mean [95% interval]`,
  ];
  lines.push(
    `  ${'design'.padEnd(12)}${files.map((_, k) => `  ${String.fromCharCode(65 + k)}`.padEnd(36)).join('')}`,
  );
  for (const [k, name] of names.entries()) lines.push(`  ${String.fromCharCode(65 + k)} = ${name}`);
  lines.push('');
  const metrics = metricList(results[0]);
  const width = Math.max(...metrics.map((m) => m.name.length));
  for (const m of metrics) {
    const cells = results.map((r) => fmtInterval(r.summary[m.name]).padEnd(34));
    const diffs = differences.map((d, k) => `${String.fromCharCode(66 + k)}−A ${fmtInterval(d[m.name])}`);
    lines.push(`  ${m.name.padEnd(width)}  ${cells.join('  ')}  ${diffs.join('  ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function compareCsv(
  files: string[],
  results: ProgrammeResult[],
  differences: Record<string, Interval>[],
): string {
  const rows: unknown[][] = [];
  for (const m of metricList(results[0])) {
    results.forEach((r, k) => {
      const i = r.summary[m.name];
      if (i) rows.push([m.name, files[k], '', i.mean, i.lo, i.hi, i.n]);
    });
    differences.forEach((d, k) => {
      const i = d[m.name];
      if (i) rows.push([m.name, files[k + 1], files[0], i.mean, i.lo, i.hi, i.n]);
    });
  }
  return csvText(['metric', 'design', 'minus', 'mean', 'lo', 'hi', 'n'], rows);
}
