/**
 * `wushe discover DIR --outcome EXPR [--out DIR]`: scenario discovery on an ensemble folder (a
 * sweep's or a programme run's): PRIM boxes of the inputs under which the outcome (a condition on each run's metrics)
 * is common, with the peeling trajectory's coverage–density trade-off. Prints the chosen boxes;
 * with --out writes trajectory.csv, boxes.csv, boxes.json, trajectory.svg and box.svg.
 * docs/discover.md describes the method and the files.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Selection } from '../batch/discover/boxes.ts';
import { readEnsemble } from './ensembleFolder.ts';
import { UsageError } from './errors.ts';
import { positiveInt } from './options.ts';
import { prepareOutDir } from './outDir.ts';

interface DiscoverCliOptions {
  outcome: string;
  out?: string;
  force?: boolean;
  density?: number;
  coverage?: number;
  step?: number;
  boxes: number;
  alpha: number;
  minMass: number;
  paste?: boolean;
  maxP?: number;
  quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ wushe discover out/sweep --outcome 'allInvolvedTick == null'
  $ wushe discover out/sweep --outcome 'mode == "charity-led"' --density 0.7 --boxes 2 --out out/discover
  $ wushe discover out/sweep --outcome 'strength.volunteers < 0.5 && servedAny < 0.6' --coverage 0.6 --out out/d

The outcome is a condition on a run's metrics (the keys of "metrics" in runs.jsonl): comparisons
== != < <= > >=, "x" in order, && || !, parentheses, numbers, "strings", true, false, null. A
metric that is null (allInvolvedTick of a run that never involved all five) is never < or > a
number.

The inputs are the sweep's factors (a programme run: what each community started with and was
given, communities.csv's residents, allocation, purchasedFte, budget.* and initial.* columns; the
other columns are its metrics). The box kept from each peeling trajectory is, by default, the
one with the most coverage among the boxes whose density is at least --density (0.8); with
--coverage, the densest among those covering at least that share; with --step, that step of the
first trajectory (trajectory.csv lists them). When no box meets the target, the densest is kept
and the table says so. --max-p lifts the restrictions that add little (quasi-p above p) from the
kept box. --boxes N finds further boxes among the runs the earlier boxes leave out.`;

function share(name: string, { min, max, open }: { min: number; max: number; open?: boolean }) {
  return (raw: string): number => {
    const v = Number(raw.trim());
    if (raw.trim() === '' || !Number.isFinite(v) || v < min || v > max || (open && (v === min || v === max)))
      throw new InvalidArgumentError(
        `Expected ${name} as a number ${open ? 'strictly ' : ''}between ${min} and ${max}.`,
      );
    return v;
  };
}

function wholeFrom0(raw: string): number {
  const v = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(v))
    throw new InvalidArgumentError('Expected a step number (0, 1, 2, …).');
  return v;
}

export function discoverCommand(): Command {
  return new Command('discover')
    .description('scenario discovery: the input conditions (PRIM boxes) under which an outcome is common')
    .argument('<dir>', 'folder written by wushe sweep (or merge), or by wushe programme run')
    .requiredOption('--outcome <expr>', 'condition on a run’s metrics, e.g. \'mode == "charity-led"\'')
    .option('--out <dir>', 'write trajectory.csv, boxes.csv, boxes.json, trajectory.svg and box.svg here')
    .option('--force', 'write into a folder that is not empty, replacing only this command’s files')
    .addOption(
      new Option(
        '--density <d>',
        'keep the box with the most coverage whose density is at least d (default 0.8)',
      )
        .argParser(share('the density', { min: 0, max: 1 }))
        .conflicts('coverage'),
    )
    .addOption(
      new Option('--coverage <c>', 'keep the densest box whose coverage is at least c').argParser(
        share('the coverage', { min: 0, max: 1 }),
      ),
    )
    .addOption(
      new Option('--step <k>', 'keep step k of the (first) peeling trajectory')
        .argParser(wholeFrom0)
        .conflicts('coverage'),
    )
    .option('--boxes <n>', 'most boxes to find (covering)', positiveInt('boxes', 100), 1)
    .option(
      '--alpha <a>',
      'share of a box peeled off at each step',
      share('alpha', { min: 0, max: 0.5, open: true }),
      0.05,
    )
    .option(
      '--min-mass <m>',
      'smallest share of all runs a box may hold',
      share('the minimum mass', { min: 0, max: 1, open: true }),
      0.05,
    )
    .option('--paste', 'after peeling, widen the last box while that raises its density')
    .option(
      '--max-p <p>',
      'lift a chosen box’s restrictions whose quasi-p value is above p, the weakest first',
      share('p', { min: 0, max: 1 }),
    )
    .option('--quiet', 'no closing message')
    .addHelpText('after', EXAMPLES)
    .action((dir: string, opts: DiscoverCliOptions) => discover(dir, opts));
}

async function discover(dir: string, opts: DiscoverCliOptions): Promise<void> {
  const notes: string[] = [];
  const ensemble = await readEnsemble(dir, notes);
  if (ensemble.cases.length === 0)
    throw new UsageError(`${dir}: no case has results (${ensemble.failed} failed); nothing to discover`);
  if (ensemble.inputs.length === 0) throw new UsageError(`${dir}: no input varies; nothing to discover`);
  const { metricCatalogue, primData } = await import('../batch/discover/ensemble.ts');
  const { compileOutcome, OutcomeError, outcomeMessage } = await import('../batch/discover/outcome.ts');
  let outcome: ReturnType<typeof compileOutcome>;
  try {
    outcome = compileOutcome(opts.outcome, metricCatalogue(ensemble.cases));
  } catch (e) {
    if (e instanceof OutcomeError) throw new UsageError(outcomeMessage(opts.outcome, e), 'wushe discover');
    throw e;
  }
  const { DISCOVER_FILES, boxesCsv, boxesJson, discoveryTable, trajectoryCsv } = await import(
    '../batch/discover/report.ts'
  );
  if (opts.out !== undefined) prepareOutDir(opts.out, { files: DISCOVER_FILES, force: opts.force });

  const { discover: findBoxes, DEFAULT_DENSITY } = await import('../batch/discover/boxes.ts');
  const density = opts.density ?? DEFAULT_DENSITY;
  const selection: Selection =
    opts.step !== undefined
      ? { step: opts.step, density }
      : opts.coverage !== undefined
        ? { coverage: opts.coverage }
        : { density };
  const options = {
    alpha: opts.alpha,
    minMass: opts.minMass,
    paste: opts.paste === true,
    selection,
    boxes: opts.boxes,
    ...(opts.maxP !== undefined ? { maxP: opts.maxP } : {}),
  };
  const result = findBoxes(primData(ensemble, outcome.test), options);
  const first = result.boxes[0];
  if (opts.step !== undefined && first && opts.step >= first.trajectory.length)
    throw new UsageError(
      `--step ${opts.step}: the peeling trajectory has steps 0 to ${first.trajectory.length - 1}`,
      'wushe discover',
    );

  for (const n of notes) process.stderr.write(`wushe discover: ${n}\n`);
  process.stdout.write(discoveryTable(result, ensemble.inputs, opts.outcome));
  if (opts.out === undefined) return;
  const source = { folder: dir, kind: ensemble.kind, cases: ensemble.cases.length, failed: ensemble.failed };
  writeFileSync(join(opts.out, 'trajectory.csv'), trajectoryCsv(result, ensemble.inputs));
  writeFileSync(join(opts.out, 'boxes.csv'), boxesCsv(result, ensemble.inputs));
  writeFileSync(
    join(opts.out, 'boxes.json'),
    boxesJson(result, ensemble.inputs, source, opts.outcome, options),
  );
  const { parseHTML } = await import('linkedom');
  const { trajectorySvg, boxSvg } = await import('../batch/discover/svg.ts');
  const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  const subtitle = `${opts.outcome}: ${result.positives} of ${result.cases} cases`;
  writeFileSync(join(opts.out, 'trajectory.svg'), trajectorySvg(result, { subtitle }, doc()));
  writeFileSync(join(opts.out, 'box.svg'), boxSvg(result, ensemble.inputs, { subtitle }, doc()));
  if (!opts.quiet)
    process.stderr.write(`wushe discover: wrote ${DISCOVER_FILES.join(', ')} to ${opts.out}\n`);
}
