/** `wushe programme run FILE`: a programme over replicate seeds on the worker pool. */
import { Command } from 'commander';
import { runProgramme } from '../worker/nodeProgramme.ts';
import { collect, seedsOption, workersOption } from './options.ts';
import { prepareOutDir } from './outDir.ts';
import { loadProgramme } from './programmeIo.ts';
import { formatProgramme, PROGRAMME_OUT_FILES, summaryJson, writeProgrammeOut } from './programmeOutput.ts';
import { progressBar } from './progress.ts';

interface Options {
  seeds: number;
  workers?: number;
  set?: string[];
  out?: string;
  json?: boolean;
  quiet?: boolean;
  force?: boolean;
}

const EXAMPLES = `
Examples:
  $ wushe programme run programmes/hubei-2020.json
  $ wushe programme run programmes/hubei-2020.json --seeds 20 --out results/hubei
  $ wushe programme run programmes/hubei-2020.json --set allocation.rule=need --json

--set takes any field of the programme file by its dotted path (programmes/schema.json).
--out DIR writes summary.json (every metric with its interval), communities.csv (one row per
community per replicate), district.csv (district totals per week) and programme.json (the
programme as run). Output is the same with any number of workers.

Exit codes: 0 success, 2 bad input or usage, 1 unexpected failure.`;

export function programmeRunCommand(): Command {
  return new Command('run')
    .description('run a programme over replicate seeds and print every metric with its interval')
    .argument('<programme>', 'programme file (JSON)')
    .addOption(seedsOption())
    .addOption(workersOption())
    .option('--set <path=value>', 'override a programme field by its dotted path (repeatable)', collect)
    .option('--out <dir>', 'write the data files into this directory (created if missing)')
    .option('--force', 'write into a folder that is not empty, replacing only this command’s files')
    .option('--json', 'print the summary as one JSON document on stdout')
    .option('-q, --quiet', 'no progress or notes on stderr')
    .addHelpText('after', EXAMPLES)
    .action((file: string, opts: Options) => run(file, opts));
}

async function run(file: string, opts: Options): Promise<void> {
  const { spec, programme } = loadProgramme(file, opts.set);
  if (opts.out !== undefined) prepareOutDir(opts.out, { files: PROGRAMME_OUT_FILES, force: opts.force });
  const total = opts.seeds * programme.weeks * programme.members.length;
  const bar = await progressBar(!opts.quiet && !opts.json, total, 'programme');
  let result: Awaited<ReturnType<typeof runProgramme>>;
  try {
    result = await runProgramme(programme, {
      seeds: opts.seeds,
      workers: opts.workers,
      onProgress: bar && ((done) => bar.update(done)),
    });
  } finally {
    bar?.stop();
  }
  if (opts.out !== undefined) {
    writeProgrammeOut(opts.out, result, spec);
    if (!opts.quiet) process.stderr.write(`wrote ${PROGRAMME_OUT_FILES.join(', ')} to ${opts.out}\n`);
  }
  process.stdout.write(opts.json ? `${JSON.stringify(summaryJson(result))}\n` : formatProgramme(result));
}
