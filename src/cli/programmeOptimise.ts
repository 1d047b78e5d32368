/**
 * `wushe programme optimise FILE`: searches the decision variables the file marks as `free` for
 * the best robust value of an objective (docs/programme.md, "Optimising a programme"), on every
 * core; `--out DIR` keeps every evaluation (resumable), trace.csv and best.json; `--shard i/n`
 * does one task's share of the next stage of a Slurm job array (deploy/slurm/programme-optimise.sbatch).
 */
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { PROGRAMME_METRICS } from '../analysis/programmeMetrics.ts';
import {
  type Evaluate,
  type Job,
  minimumBudget,
  robust,
  type SearchOptions,
  type Sense,
  search,
} from '../batch/optimiseSearch.ts';
import { buildSpace } from '../batch/optimiseSpace.ts';
import { replicateSeeds } from '../batch/programme.ts';
import { parseShard, type Shard } from '../batch/sweep.ts';
import { openReplicatePool } from '../worker/nodeOptimise.ts';
import { UsageError } from './errors.ts';
import { collect, positiveInt as wholeNumber } from './options.ts';
import { folderEntries, prepareOutDir } from './outDir.ts';
import { programmeMaker, rawFile } from './programmeCandidates.ts';
import { loadProgramme } from './programmeIo.ts';
import {
  formatTop,
  logEvaluation,
  OPTIMISE_OUT_FILES,
  type OptimiseSettings,
  readCache,
  settleSettings,
  traceCsv,
  writeResults,
} from './programmeOptimiseOut.ts';

interface Options {
  objective: string;
  sense?: Sense;
  quantile: number;
  seeds: number;
  minSeeds: number;
  budget: number;
  workers?: number;
  set?: string[];
  out?: string;
  force?: boolean;
  resume?: boolean;
  shard?: Shard;
  pending?: boolean;
  quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ wushe programme optimise my-district.json --out results/opt
  $ wushe programme optimise my-district.json --objective yuanPerResidentImproved --quantile 0.2 --budget 400
  $ wushe programme optimise my-district.json --out results/opt --shard 3/10   # one task of a job array

The file's "free" list names the decision variables: { "path": "instruments.socialWork.share",
"min": 0.2, "max": 0.9 } or { "path": "allocation.rule", "values": ["equal", "need"] }.
The search (docs/programme.md): a Latin hypercube, then rounds around the best so far, each a race
by successive halving on common replicate seeds; candidates are ranked by the --quantile of the
objective over the seeds (its 1 − quantile when minimising), then by the mean.
--out DIR writes optimise.json, evaluations.jsonl (every evaluation as it finishes), trace.csv
(every candidate) and best.json (the programme with the best values, for \`programme run\`).
--resume continues a search in DIR; --shard i/n evaluates task i's share of the next stage and
stops (run the shards of each stage, then --resume; deploy/slurm/programme-optimise-submit.sh does it).

Exit codes: 0 success, 2 bad input or usage, 1 unexpected failure.`;

const MINIMISED = /^(yuanPer|gini|spent$|fullLinkageWeek$)/;

function fraction(raw: string): number {
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v) || v < 0 || v > 0.5)
    throw new InvalidArgumentError('Expected a number from 0 to 0.5, e.g. 0.1.');
  return v;
}

function shardOption(raw: string): Shard {
  const s = parseShard(raw);
  if (!s) throw new InvalidArgumentError('Expected i/n with 0 ≤ i < n, e.g. 0/4.');
  return s;
}

export function programmeOptimiseCommand(): Command {
  return new Command('optimise')
    .description('search the free decision variables for the best robust value of an objective')
    .argument('<programme>', 'programme file (JSON) with a "free" list')
    .option('--objective <metric>', 'the metric to optimise (a name of summary.json)', 'improved')
    .addOption(
      new Option('--sense <sense>', 'max or min (default: min for costs, Gini and weeks, else max)').choices([
        'max',
        'min',
      ]),
    )
    .addOption(
      new Option('--quantile <q>', 'robust score: this quantile over seeds (0 – 0.5)')
        .default(0.1)
        .argParser(fraction),
    )
    .addOption(
      new Option('--seeds <n>', 'replicate seeds of a finished candidate')
        .default(8)
        .argParser(wholeNumber('seeds', 1000)),
    )
    .addOption(
      new Option('--min-seeds <n>', 'seeds of the first rung of a race')
        .default(2)
        .argParser(wholeNumber('seeds', 1000)),
    )
    .addOption(
      new Option('--budget <n>', 'evaluations (candidate × seed) to spend')
        .default(200)
        .argParser(wholeNumber('evaluations', 10_000_000)),
    )
    .addOption(
      new Option('--workers <n>', 'worker threads (default: every core)').argParser(
        wholeNumber('workers', 1024),
      ),
    )
    .option('--set <path=value>', 'override a programme field by its dotted path (repeatable)', collect)
    .option('--out <dir>', 'write optimise.json, evaluations.jsonl, trace.csv and best.json here')
    .option('--force', 'replace these files in a non-empty --out folder')
    .option('--resume', 'continue the search in --out from the evaluations it holds')
    .addOption(
      new Option(
        '--shard <i/n>',
        'evaluate shard i of n of the next stage, then stop (needs --out)',
      ).argParser(shardOption),
    )
    .option('--pending', 'print how many evaluations the next stage still needs (0: finished) and stop')
    .option('-q, --quiet', 'no progress or notes on stderr')
    .addHelpText('after', EXAMPLES)
    .action((file: string, opts: Options) => optimise(file, opts));
}

function checkObjective(name: string): void {
  const known = PROGRAMME_METRICS.map((m) => m.name);
  if (
    known.includes(name) ||
    /^yearsAfter\d+\.(volunteers|organizations|fund|socialWorkers|strength)$/.test(name)
  )
    return;
  throw new UsageError(
    `--objective ${name}: not a programme metric; one of ${known.join(', ')}, yearsAfterN.*`,
  );
}

class StageStop extends Error {}

async function optimise(file: string, opts: Options): Promise<void> {
  checkObjective(opts.objective);
  if ((opts.shard || opts.pending || opts.resume) && opts.out === undefined)
    throw new UsageError(
      '--shard, --resume and --pending need --out DIR (the folder the evaluations are kept in)',
    );
  if (opts.minSeeds > opts.seeds)
    throw new UsageError(`--min-seeds ${opts.minSeeds}: more than --seeds ${opts.seeds}`);
  const { spec } = loadProgramme(file, opts.set);
  const raw = rawFile(file, opts.set ?? []);
  const built = buildSpace(raw, spec.free);
  if (!built.ok) throw new UsageError(built.errors.map((e) => `${file}: ${e}`));
  const space = built.space;
  const sense: Sense = opts.sense ?? (MINIMISED.test(opts.objective) ? 'min' : 'max');
  const options: SearchOptions = {
    seeds: opts.seeds,
    minSeeds: opts.minSeeds,
    budget: opts.budget,
    quantile: opts.quantile,
    sense,
    seed: spec.seed,
  };
  if (opts.budget < minimumBudget(options))
    throw new UsageError(
      `--budget ${opts.budget}: a race of two candidates on ${opts.seeds} seeds needs at least ${minimumBudget(options)} evaluations`,
    );
  const seeds = replicateSeeds(spec.seed, opts.seeds);
  const programmes = programmeMaker(file, raw, space);

  const out = opts.out;
  let cache = new Map<string, number>();
  let log: string | undefined;
  if (out !== undefined) {
    // the command's own files: the fixed ones and any evaluations of earlier shards
    let earlier: string[] = [];
    try {
      earlier = folderEntries(out).filter((f) => /^evaluations.*\.jsonl$/.test(f));
    } catch {
      // no folder yet (prepareOutDir creates it) or not one (it says so)
    }
    prepareOutDir(out, {
      files: [...OPTIMISE_OUT_FILES, ...earlier],
      force: opts.force,
      // a stage of a search (--shard, --pending) or --resume carries on with the folder as it is
      resume: Boolean(opts.resume || opts.shard || opts.pending),
      alternative: 'add --resume to continue its search',
    });
    const settings: OptimiseSettings = {
      programme: raw,
      objective: opts.objective,
      options,
      replicateSeeds: seeds,
    };
    settleSettings(out, settings);
    cache = readCache(out);
    log = join(
      out,
      opts.shard ? `evaluations-shard-${opts.shard.index}-of-${opts.shard.count}.jsonl` : 'evaluations.jsonl',
    );
  }

  const bar = await stageBar(!opts.quiet && !opts.pending, opts.budget);
  const pool = opts.pending ? undefined : await openReplicatePool(opts.workers);
  let stopped = '';
  const evaluate: Evaluate = async (jobs, stage) => {
    const key = (j: Job) => `${j.candidate.key}|${j.seedIndex}`;
    const missing = jobs.map((_, i) => i).filter((i) => !cache.has(key(jobs[i])));
    const best = stage.best ? robust(stage.best, options.seeds, options.quantile, sense).score : undefined;
    bar?.stage(stage, best);
    if (missing.length > 0 && opts.pending) {
      stopped = String(missing.length);
      throw new StageStop();
    }
    const mine = opts.shard
      ? missing.filter((i) => i % (opts.shard as Shard).count === (opts.shard as Shard).index)
      : missing;
    if (mine.length > 0 && pool) {
      await pool.run(
        mine.map((i) => ({
          programme: programmes(jobs[i].candidate.values),
          seed: seeds[jobs[i].seedIndex],
        })),
        (k, metrics) => {
          const job = jobs[mine[k]];
          const value = metrics[opts.objective] ?? Number.NaN;
          cache.set(key(job), value);
          if (log) logEvaluation(log, job.candidate, job.seedIndex, seeds[job.seedIndex], value);
          bar?.tick();
        },
      );
    }
    if (opts.shard && missing.length > 0) {
      stopped = `round ${stage.round}, rung ${stage.rung + 1}: this shard evaluated ${mine.length} of the ${missing.length} evaluations the stage needed; run every shard of this stage, then the next stage (or --resume to finish)`;
      throw new StageStop();
    }
    return jobs.map((j) => cache.get(key(j)) as number);
  };
  let result: Awaited<ReturnType<typeof search>> | undefined;
  try {
    result = await search(space, options, evaluate);
  } catch (e) {
    if (!(e instanceof StageStop)) throw e;
  } finally {
    bar?.stop();
    await pool?.close();
  }
  if (!result) {
    if (opts.pending) process.stdout.write(`${stopped}\n`);
    else if (!opts.quiet) process.stderr.write(`${stopped}\n`);
    return;
  }
  if (opts.pending) {
    process.stdout.write('0\n');
    return;
  }
  if (opts.shard && !opts.quiet)
    process.stderr.write(
      'the search is complete; run it without --shard (with --resume) to write trace.csv and best.json\n',
    );
  if (opts.shard) return;
  const best = result.ranking[0];
  if (out !== undefined) {
    writeResults(out, file, raw, traceCsv(space, result.candidates, result.ranking, options, seeds), best);
    if (!opts.quiet)
      process.stderr.write(`wrote optimise.json, evaluations.jsonl, trace.csv and best.json to ${out}\n`);
  }
  process.stdout.write(
    `${result.candidates.length} candidates, ${result.spent} evaluations in ${result.rounds} rounds; ` +
      `objective ${opts.objective} (${sense}), robust score: quantile ${sense === 'max' ? opts.quantile : 1 - opts.quantile} over ${opts.seeds} seeds\n` +
      formatTop(space, result.ranking, options, opts.objective),
  );
}

/** The progress bar of a search: stage, best so far, evaluations of the budget and ETA. */
async function stageBar(show: boolean, budget: number) {
  if (!show || !process.stderr.isTTY) return undefined;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'optimise [{bar}] {value}/{total} evaluations | {stage} | best {best} | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(budget, 0, { stage: 'round 1', best: '–' });
  let done = 0;
  return {
    stage(
      s: { round: number; rung: number; seeds: number; candidates: number; spent: number },
      best?: number,
    ) {
      done = s.spent;
      bar.update(done, {
        stage: `round ${s.round} rung ${s.rung + 1}: ${s.candidates} candidates × ${s.seeds} seeds`,
        best: best === undefined ? '–' : String(Number(best.toPrecision(5))),
      });
    },
    tick() {
      bar.update(++done);
    },
    stop: () => bar.stop(),
  };
}
