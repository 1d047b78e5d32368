import { Command } from 'commander';
import { runScenario } from '../analysis/summary.ts';
import { loadScenario } from './io.ts';
import { collect, integerFor } from './options.ts';
import { prepareOutDir } from './outDir.ts';
import { formatSummary, OUT_FILES, startingStrengthNotes, writeOutDir } from './output.ts';

interface RunOptions {
  seed?: number;
  ticks?: number;
  set?: string[];
  knockout?: string[];
  json?: boolean;
  out?: string;
  quiet?: boolean;
  force?: boolean;
}

const EXAMPLES = `
Examples:
  $ wushe run scenarios/organization-led.json
  $ wushe run my.json --seed 7 --ticks 52 --json > run.json
  $ wushe run my.json --set initial.volunteers=0.9 --set strategy=balanced
  $ wushe run my.json --out results/run-1 --quiet
  $ wushe run my.json --knockout social-worker-support --knockout contract-end

--set takes any field by its dotted path (see \`wushe schema\`); the value is read as JSON when it
parses as JSON, as text otherwise. Overrides are validated like the file itself. --seed N and
--ticks N are the same as --set seed=N and --set ticks=N (and win over them).

--out DIR writes summary.json, series.csv (one row per week), flows.csv, events.jsonl (one linkage
event per line) and scenario.json (the scenario as run, which \`wushe run\` accepts again).

Exit codes: 0 success, 2 bad input or usage, 1 unexpected failure.`;

export function runCommand(): Command {
  return new Command('run')
    .description('run a scenario and print a summary of the run (or JSON with --json)')
    .argument('<scenario>', 'scenario file (JSON)')
    .option('--seed <n>', 'random seed (overrides the scenario’s)', integerFor('seed'))
    .option('--ticks <weeks>', 'weeks to simulate (overrides the scenario’s)', integerFor('ticks'))
    .option('--set <path=value>', 'override a scenario field by its dotted path (repeatable)', collect)
    .option(
      '--knockout <id>',
      'switch a mechanism off for this run (repeatable; ids in `wushe schema`)',
      collect,
    )
    .option('--json', 'print the run summary as one JSON document on stdout')
    .option('--out <dir>', 'write the full data files into this folder (created if missing; must be empty)')
    .option('--force', 'write into a folder that is not empty, replacing only this command’s files')
    .option('-q, --quiet', 'no progress or notes on stderr')
    .addHelpText('after', EXAMPLES)
    .action((file: string, opts: RunOptions) => run(file, opts));
}

function run(file: string, opts: RunOptions): void {
  const { scenario } = loadScenario(file, {
    set: opts.set,
    seed: opts.seed,
    ticks: opts.ticks,
    knockouts: opts.knockout,
  });
  if (opts.out !== undefined) prepareOutDir(opts.out, { files: OUT_FILES, force: opts.force });

  const progress =
    !opts.quiet && !opts.json && process.stderr.isTTY ? new Progress(scenario.ticks) : undefined;
  let output: ReturnType<typeof runScenario>;
  try {
    output = runScenario(scenario, {
      events: opts.out !== undefined,
      onTick: progress && ((t) => progress.tick(t)),
    });
  } finally {
    progress?.clear();
  }

  if (opts.out !== undefined) {
    writeOutDir(opts.out, output, scenario);
    if (!opts.quiet) {
      process.stderr.write(`wrote ${OUT_FILES.join(', ')} to ${opts.out}\n`);
      if (output.eventsDropped > 0)
        process.stderr.write(
          `note: the event log reached its limit; ${output.eventsDropped} events are not in events.jsonl\n`,
        );
    }
  }
  // in --json mode the measured starting strengths are in the output itself (initial.strength)
  if (!opts.quiet && !opts.json) {
    for (const note of startingStrengthNotes(
      scenario.initial,
      output.summary.initial.strength,
      scenario.residents,
    )) {
      process.stderr.write(`note: ${note}\n`);
    }
  }
  process.stdout.write(opts.json ? `${JSON.stringify(output.summary)}\n` : formatSummary(output.summary));
}

/** A one-line progress indicator on a terminal, redrawn at most every 100 ms (`t` = weeks done). */
class Progress {
  private last = 0;
  private shown = false;

  constructor(private readonly ticks: number) {}

  tick(t: number): void {
    const now = Date.now();
    if (now - this.last < 100 && t < this.ticks) return;
    this.last = now;
    this.shown = true;
    const week = Math.min(t, this.ticks); // weeks completed
    process.stderr.write(
      `\rsimulating week ${week}/${this.ticks} (${Math.round((100 * week) / this.ticks)}%)`,
    );
  }

  clear(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
  }
}
