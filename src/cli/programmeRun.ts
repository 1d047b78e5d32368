/**
 * `wushe programme run FILE`: a programme over replicate seeds on the worker pool. With `--out DIR`
 * each replicate is written to DIR/replicates.jsonl as it finishes (`--resume` runs only the rest
 * after a stop), and `--shard i/n` runs only replicates i, i + n, i + 2n, … (one task of a Slurm
 * job array, deploy/slurm/programme-run.sbatch); `wushe programme merge` (./programmeMerge.ts)
 * joins the shards into the folder the whole run would have written. The folder's format:
 * src/batch/programmeFolder.ts and ./programmeFolder.ts.
 */
import { closeSync, existsSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { type ProgrammeResult, replicateSeeds, summariseProgramme } from '../batch/programme.ts';
import {
  PROGRAMME_FILE,
  PROGRAMME_RUN_FILES,
  type ProgrammeRunInfo,
  programmeRunInfo,
  REPLICATES_FILE,
  RUN_FILE,
  replicateLine,
  sortedReplicates,
} from '../batch/programmeFolder.ts';
import { inShard, parseShard, type Shard } from '../batch/sweep.ts';
import { jsonFileText } from '../batch/sweepFolder.ts';
import type { Programme } from '../model/programmeCommunities.ts';
import { runProgramme, runProgrammeReplicates } from '../worker/nodeProgramme.ts';
import { UsageError } from './errors.ts';
import { collect, seedsOption, workersOption } from './options.ts';
import { folderEntries, prepareOutDir } from './outDir.ts';
import {
  programmeFileText,
  programmeFingerprint,
  readReplicatesFile,
  readRunFolder,
  runStartedIn,
  strayReplicates,
  writeReplicatesSorted,
  writeRunResults,
} from './programmeFolder.ts';
import { loadProgramme } from './programmeIo.ts';
import { formatProgramme, summaryJson } from './programmeOutput.ts';
import { progressBar } from './progress.ts';
import { writeAtomic } from './sweepFolder.ts';

interface Options {
  seeds: number;
  workers?: number;
  set?: string[];
  out?: string;
  shard?: Shard;
  resume?: boolean;
  json?: boolean;
  quiet?: boolean;
  force?: boolean;
}

const EXAMPLES = `
Examples:
  $ wushe programme run programmes/hubei-2020.json
  $ wushe programme run programmes/hubei-2020.json --seeds 20 --out results/hubei
  $ wushe programme run programmes/hubei-2020.json --seeds 20 --out results/hubei --resume   # after a stop
  $ wushe programme run programmes/hubei-2020.json --set allocation.rule=need --json
  $ wushe programme run programmes/hubei-2020.json --seeds 20 --shard 0/4 --out results/part-0 -q
  $ wushe programme merge results/part-* --out results/hubei

--set takes any field of the programme file by its dotted path (programmes/schema.json).
--out DIR writes programme.json (the programme as run), run.json (seeds, shard and a digest of the
programme), replicates.jsonl (one line per replicate, written as each finishes), and at the end
summary.json (every metric with its interval), communities.csv (one row per community per
replicate) and district.csv (district totals per week). Output is the same with any number of
workers. --resume continues a run in DIR that was stopped (only the missing replicates run).
--shard i/n runs replicates i, i+n, i+2n, … of the --seeds (a replicate's communities are coupled
every week, so a replicate is never split) and writes only programme.json, run.json and
replicates.jsonl; \`wushe programme merge\` joins the shards into the files of the whole run, byte
for byte (deploy/slurm/programme-run-submit.sh runs the shards as a Slurm job array and merges).

Exit codes: 0 success, 2 bad input or usage, 1 unexpected failure.`;

/** `--shard i/n`: 0 ≤ i < n. */
export function shardArgument(raw: string): Shard {
  const s = parseShard(raw);
  if (s) return s;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  if (m && Number(m[2]) === 0) throw new InvalidArgumentError('Expected i/n with n at least 1, e.g. 0/4.');
  if (m)
    throw new InvalidArgumentError(
      `Expected i/n with 0 ≤ i < n, e.g. 0/4: shard ${m[1]} is not one of shards 0 to ${Number(m[2]) - 1}.`,
    );
  throw new InvalidArgumentError('Expected i/n with 0 ≤ i < n, e.g. 0/4.');
}

export function programmeRunCommand(): Command {
  return new Command('run')
    .description('run a programme over replicate seeds and print every metric with its interval')
    .argument('<programme>', 'programme file (JSON)')
    .addOption(seedsOption())
    .addOption(workersOption())
    .option('--set <path=value>', 'override a programme field by its dotted path (repeatable)', collect)
    .option('--out <dir>', 'write the data files into this directory (created if missing)')
    .addOption(
      new Option(
        '--shard <i/n>',
        'run only replicates i, i+n, … of the seeds (one task of a Slurm job array; needs --out)',
      ).argParser(shardArgument),
    )
    .option('--resume', 'continue the run in --out (after a stop or a kill): only missing replicates run')
    .option('--force', 'write into a folder that is not empty, replacing only this command’s files')
    .option('--json', 'print the summary as one JSON document on stdout')
    .option('-q, --quiet', 'no progress or notes on stderr')
    .addHelpText('after', EXAMPLES)
    .action((file: string, opts: Options) => run(file, opts));
}

/** Prints a complete run's table (or JSON) on stdout. */
export function printResult(result: ProgrammeResult, json: boolean | undefined): void {
  process.stdout.write(json ? `${JSON.stringify(summaryJson(result))}\n` : formatProgramme(result));
}

async function run(file: string, opts: Options): Promise<void> {
  if ((opts.shard || opts.resume) && opts.out === undefined)
    throw new UsageError(
      `wushe programme run: ${opts.shard ? '--shard' : '--resume'} needs --out DIR (the folder the replicates are written to)`,
      'wushe programme run',
    );
  if (opts.resume && opts.force)
    throw new UsageError(
      'wushe programme run: --resume continues the run in --out, --force starts it afresh; choose one',
      'wushe programme run',
    );
  const { spec, programme } = loadProgramme(file, opts.set);
  if (opts.out === undefined) {
    const total = opts.seeds * programme.weeks * programme.members.length;
    const bar = await progressBar(!opts.quiet && !opts.json, total, 'programme');
    let result: ProgrammeResult;
    try {
      result = await runProgramme(programme, {
        seeds: opts.seeds,
        workers: opts.workers,
        onProgress: bar && ((done) => bar.update(done)),
      });
    } finally {
      bar?.stop();
    }
    printResult(result, opts.json);
    return;
  }
  await runInFolder(file, opts.out, programmeFileText(spec), programme, opts);
}

/** `programme run --out DIR`: replicates written as they finish, resumable, one shard or all. */
async function runInFolder(
  file: string,
  out: string,
  specText: string,
  programme: Programme,
  opts: Options,
): Promise<void> {
  const shard = opts.shard;
  const info = programmeRunInfo(
    {
      programme: programme.id,
      fingerprint: programmeFingerprint(programme),
      master: programme.seed,
      seeds: opts.seeds,
    },
    shard,
  );
  const replicatesPath = join(out, REPLICATES_FILE);
  const existing =
    opts.resume === true &&
    existsSync(out) &&
    statSync(out).isDirectory() &&
    folderEntries(out).length > 0 &&
    runStartedIn(out);
  prepareOutDir(out, {
    files: PROGRAMME_RUN_FILES,
    // resuming keeps the folder; a run killed before its replicates file existed starts afresh
    ...(existing ? { resume: true } : { force: opts.force || opts.resume }),
    alternative: 'add --resume to continue the run in it',
  });
  let done: ReturnType<typeof readReplicatesFile>['records'] = [];
  if (existing) {
    const folder = readRunFolder(out);
    checkSameRun(out, file, folder.programmeText, folder.info, specText, info);
    const read = readReplicatesFile(replicatesPath, true);
    const stray = strayReplicates(replicatesPath, info, read.records);
    if (stray.length > 0) throw new UsageError(stray);
    done = read.records;
    if (read.duplicates > 0) writeReplicatesSorted(replicatesPath, done);
  } else {
    writeAtomic(join(out, PROGRAMME_FILE), specText);
    writeAtomic(join(out, RUN_FILE), jsonFileText(info));
    writeFileSync(replicatesPath, '');
  }

  const seeds = replicateSeeds(info.master, info.seeds);
  const finished = new Set(done.map((r) => r.replicate));
  const todo = seeds.map((_, r) => r).filter((r) => inShard(r, shard) && !finished.has(r));
  await runReplicates(programme, seeds, todo, replicatesPath, opts);

  const { records } = readReplicatesFile(replicatesPath);
  const sorted = sortedReplicates(records);
  writeReplicatesSorted(replicatesPath, sorted);
  if (sorted.length !== info.shardReplicates)
    throw new Error(
      `${replicatesPath}: ${sorted.length} of ${info.shardReplicates} replicates after the run`,
    );
  if (shard) {
    if (!opts.quiet)
      process.stderr.write(
        `wushe programme run: shard ${shard.index}/${shard.count}: ${sorted.length} of ${info.seeds} replicates in ${out}` +
          `${sorted.length === 0 ? ` (more shards than --seeds ${info.seeds})` : ''}; ` +
          'join the shards with wushe programme merge\n',
      );
    return;
  }
  const result = summariseProgramme(
    programme,
    sorted.map((r) => r.result),
  );
  writeRunResults(out, result);
  if (!opts.quiet)
    process.stderr.write(
      `wrote ${PROGRAMME_RUN_FILES.join(', ')} to ${out}` +
        (todo.length < sorted.length
          ? ` (${sorted.length - todo.length} replicates were there already)`
          : '') +
        '\n',
    );
  printResult(result, opts.json);
}

/** A folder being resumed must hold this very run: the same programme, seeds and shard. */
function checkSameRun(
  out: string,
  file: string,
  programmeText: string,
  had: ProgrammeRunInfo,
  specText: string,
  info: ProgrammeRunInfo,
): void {
  if (programmeText !== specText || had.fingerprint !== info.fingerprint)
    throw new UsageError(
      `--out ${out}: holds a run of another programme (its ${PROGRAMME_FILE} and ${RUN_FILE} are not ${file}` +
        `${programmeText === specText ? ' with its community files as they are now' : ' with these --set'}); use a new folder`,
    );
  if (had.seeds !== info.seeds)
    throw new UsageError(`--out ${out}: holds a run of ${had.seeds} seeds, not --seeds ${info.seeds}`);
  const what = (s: Shard | null) => (s ? `shard ${s.index}/${s.count}` : 'the whole run');
  if (JSON.stringify(had.shard) !== JSON.stringify(info.shard))
    throw new UsageError(`--out ${out}: holds ${what(had.shard)}, not ${what(info.shard)}`);
}

/**
 * Runs the replicates `todo` (indices into `seeds`), appending a line to `file` as each finishes.
 * Ctrl-C or SIGTERM stops at once with a note on how to resume (the finished lines are kept).
 */
async function runReplicates(
  programme: Programme,
  seeds: readonly number[],
  todo: readonly number[],
  file: string,
  opts: Options,
): Promise<void> {
  if (todo.length === 0) return;
  const total = todo.length * programme.weeks * programme.members.length;
  const bar = await progressBar(!opts.quiet && !opts.json, total, 'programme');
  const fd = openSync(file, 'a');
  let written = 0;
  const stop = (signal: NodeJS.Signals) => {
    bar?.stop();
    process.stderr.write(
      `wushe programme run: stopped by ${signal} after ${written} of ${todo.length} replicates; ` +
        'continue with the same command and --resume\n',
    );
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    await runProgrammeReplicates(
      programme,
      todo.map((r) => seeds[r]),
      {
        workers: opts.workers,
        onProgress: bar && ((done) => bar.update(done)),
        onReplicate: (k, result) => {
          // one write call per line: a kill leaves whole lines, and at most a torn last one
          writeSync(fd, `${replicateLine({ replicate: todo[k], result })}\n`);
          written++;
        },
      },
    );
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    bar?.stop();
    closeSync(fd);
  }
}
