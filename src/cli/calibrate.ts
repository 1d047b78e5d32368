import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { calibrate, validateTargets } from '../analysis/calibrate.ts';
import { applySet, parseJson } from '../model/parse.ts';
import { UsageError } from './errors.ts';
import { loadScenario, prepareOutDir, readText } from './io.ts';
import { collect } from './options.ts';
import { formatTable } from './survey.ts';

interface CalibrateOptions {
  targets: string;
  out: string;
  evaluations?: string;
  set?: string[];
  quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ wushe calibrate scenarios/hubei-2020.json --targets scenarios/targets/hubei-2020.targets.json --out out/fit

The targets file names indicators of the virtual survey (coverage.<element>, improved.<indicator>,
regression.<belonging|trust>.coef|p|significantShare) with an observed value and a tolerance, or a
min/max range; the free parameters with their ranges; and optionally stages fitted one after
another. Method: Nelder–Mead over the free parameters scaled to [0, 1], minimising the sum of squared
misses in tolerances, each evaluation the mean of \`replicates\` seeds of the survey (the same seeds
every time). Writes scenario.json (the fitted scenario), fit.json (each indicator: observed,
simulated, 95% interval, gap) and trace.jsonl (every evaluation, written as it goes).`;

export function calibrateCommand(): Command {
  return new Command('calibrate')
    .description(
      'fit a scenario’s parameters to survey targets (Nelder–Mead over replicated virtual surveys)',
    )
    .argument('<scenario>', 'scenario file (JSON)')
    .requiredOption('--targets <file>', 'targets file (JSON): indicators, free parameters, stages')
    .requiredOption('--out <dir>', 'directory for scenario.json, fit.json and trace.jsonl')
    .option('--evaluations <n>', 'evaluations per stage (overrides the targets file)')
    .option(
      '--set <path=value>',
      'override a scenario field by its dotted path before fitting (repeatable)',
      collect,
    )
    .option('-q, --quiet', 'no progress on stderr')
    .addHelpText('after', EXAMPLES)
    .action((file: string, opts: CalibrateOptions) => run(file, opts));
}

function run(file: string, opts: CalibrateOptions): void {
  // the scenario with its --set overrides applied, validated; the fit starts from it
  loadScenario(file, { set: opts.set });
  const raw = parseJson(readText(file), file);
  if (!raw.ok) throw new UsageError(raw.error);
  for (const assignment of opts.set ?? []) applySet(raw.value as Record<string, unknown>, assignment);
  const json = parseJson(readText(opts.targets), opts.targets);
  if (!json.ok) throw new UsageError(json.error);
  const checked = validateTargets(json.value);
  if (!checked.ok) throw new UsageError(checked.errors.map((e) => `${opts.targets}: ${e}`));
  const targets = checked.targets;
  if (opts.evaluations !== undefined) {
    const n = Number(opts.evaluations);
    if (!/^\d+$/.test(opts.evaluations.trim()) || n < 1 || n > 100000)
      throw new UsageError(`--evaluations ${opts.evaluations}: expected a whole number from 1 to 100000`);
    targets.evaluations = n;
  }
  prepareOutDir(opts.out);
  const tracePath = join(opts.out, 'trace.jsonl');
  writeFileSync(tracePath, '');
  const progress = !opts.quiet && process.stderr.isTTY;
  let best = Number.POSITIVE_INFINITY;
  const result = calibrate(raw.value as Record<string, unknown>, targets, (row) => {
    appendFileSync(tracePath, `${JSON.stringify(row)}\n`);
    best = Math.min(best, row.objective);
    if (progress) {
      process.stderr.write(
        `\rstage ${row.stage}: evaluation ${row.evaluation}, best objective ${best.toFixed(3)}   `,
      );
    }
  });
  if (progress) process.stderr.write('\r\x1b[K');

  const fitted = structuredClone(raw.value) as Record<string, unknown>;
  for (const [path, v] of Object.entries(result.values))
    applySet(fitted, `${path}=${Number(v.toPrecision(6))}`);
  writeFileSync(join(opts.out, 'scenario.json'), `${JSON.stringify(fitted, null, 2)}\n`);
  writeFileSync(
    join(opts.out, 'fit.json'),
    `${JSON.stringify({ objective: result.objective, values: result.values, fit: result.fit, evaluations: result.trace.length }, null, 2)}\n`,
  );
  process.stdout.write(formatTable(result.summary));
  const lines = ['Fit to targets', ''];
  for (const f of result.fit) {
    const target = f.observed !== null ? f.observed.toFixed(4) : `${f.min ?? '−∞'}…${f.max ?? '∞'}`;
    lines.push(
      `  ${f.ok ? 'ok  ' : 'MISS'} ${f.name.padEnd(40)} target ${target.padEnd(12)} simulated ${f.simulated.toFixed(4)}`,
    );
  }
  lines.push('', `  objective ${result.objective.toFixed(4)} after ${result.trace.length} evaluations`, '');
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!opts.quiet) process.stderr.write(`wrote scenario.json, fit.json, trace.jsonl to ${opts.out}\n`);
}
