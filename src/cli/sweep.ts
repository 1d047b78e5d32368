/**
 * `wushe sweep <plan.json> --out DIR`: runs a plan's design on a pool of worker threads, streaming
 * one line per finished run to DIR/runs.jsonl; at the end sorts it by run and writes summary.csv
 * (and sensitivity.csv for a Morris design). `--resume` continues a stopped sweep, `--shard i/n`
 * runs one share of it. Plans: src/batch/loadPlan.ts; the folder: src/batch/sweepFolder.ts and
 * ./sweepFolder.ts; the runs: `runSweep` (src/batch/runSweep.ts) on ./pool.ts.
 */
import { closeSync, existsSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { planJsonSchema, planToFile, type ResolvedPlan } from '../batch/plan.ts';
import { type RunRecord, recordLine } from '../batch/records.ts';
import { runSweep } from '../batch/runSweep.ts';
import { inShard, parseShard, type Shard, type Sweep, shardSize } from '../batch/sweep.ts';
import {
  jsonFileText,
  PLAN_FILE,
  RUNS_FILE,
  SWEEP_FILE,
  SWEEP_FILES,
  type SweepInfo,
  sweepInfo,
} from '../batch/sweepFolder.ts';
import { UsageError } from './errors.ts';
import { folderEntries, prepareOutDir } from './outDir.ts';
import { loadPlan } from './planFile.ts';
import { withPool, workersOption } from './pool.ts';
import {
  readRunsFile,
  readSweepFolder,
  startedIn,
  writeAggregates,
  writeAtomic,
  writeRunsSorted,
} from './sweepFolder.ts';

interface SweepOptions {
  out?: string;
  workers?: number;
  shard?: Shard;
  resume?: boolean;
  force?: boolean;
  quiet?: boolean;
  schema?: boolean;
  dryRun?: boolean;
}

const EXAMPLES = `
Examples:
  $ wushe sweep plan.json --out results/sweep-1
  $ wushe sweep plan.json --out results/sweep-1 --resume          # continue after a stop
  $ wushe sweep plan.json --out results/part-0 --shard 0/4 --quiet
  $ wushe merge results/part-* --out results/sweep-1
  $ wushe sweep --schema > plan.schema.json

A plan (JSON) names a base scenario (a path relative to the plan's folder, or inline), factors (a
field's dotted path → a list of values or {"min": a, "max": b}), a design (grid, random, lhs,
morris), samples (points for random/lhs, trajectories for morris), replicates and the master seed:

  {"scenario": "scenarios/baseline.json", "design": "lhs", "samples": 50, "replicates": 5,
   "seed": 1, "factors": {"initial.volunteers": {"min": 0, "max": 1}, "strategy": ["strengths-first", "balanced"]}}

Writes to DIR: plan.json (the resolved plan, runnable again), sweep.json, runs.jsonl (one line
per run, written as runs finish, sorted by run at the end), summary.csv (per design point: mean,
sd and 95% CI of each metric, share of each mode) and, for morris, sensitivity.csv (μ*, μ, σ).
A run that fails is recorded with its error and the sweep goes on. See docs/batch.md.`;

function shardOption(raw: string): Shard {
  const s = parseShard(raw);
  if (!s) throw new InvalidArgumentError('Expected i/n with 0 ≤ i < n, e.g. 0/4.');
  return s;
}

export function sweepCommand(): Command {
  return new Command('sweep')
    .description('run a parameter sweep (grid, random, Latin hypercube or Morris) on all cores')
    .argument('[plan]', 'plan file (JSON)')
    .option('--out <dir>', 'output folder (must be empty unless --resume or --force)')
    .addOption(workersOption())
    .option(
      '--shard <i/n>',
      'run only shard i of n (0 ≤ i < n), e.g. one task of a Slurm job array',
      shardOption,
    )
    .option('--resume', 'continue the sweep already in --out (after a stop or a kill)')
    .option('--force', 'write into a folder that is not empty, replacing only this command’s files')
    .option('--quiet', 'no progress bar, no sensitivity table, no closing message')
    .option('--dry-run', 'check the plan, print its size and exit (no --out needed)')
    .option('--schema', 'print the plan JSON Schema and exit')
    .addHelpText('after', EXAMPLES)
    .action((plan: string | undefined, opts: SweepOptions) => sweep(plan, opts));
}

/** A plan's size in words, for --dry-run. */
function describePlan(plan: ResolvedPlan, info: SweepInfo): string {
  const factors = plan.factors.map((f) =>
    f.kind === 'list' ? `  ${f.path}: ${f.values.length} values` : `  ${f.path}: ${f.min} to ${f.max}`,
  );
  const per = plan.replicates === 1 ? '1 replicate' : `${plan.replicates} replicates`;
  const shard = info.shard ? `; shard ${info.shard.index}/${info.shard.count} runs ${info.shardRuns}` : '';
  return (
    `plan OK: design ${plan.design}${plan.design === 'morris' ? ` (${plan.samples} trajectories, ${plan.levels} levels)` : ''}, ` +
    `${info.points} design points × ${per} = ${info.runs} runs${shard}\n` +
    `base scenario ${plan.scenario.id}: ${plan.scenario.residents} residents, ${plan.scenario.ticks} weeks\n` +
    (factors.length > 0 ? `factors:\n${factors.join('\n')}\n` : 'no factors\n')
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function sweep(planPath: string | undefined, opts: SweepOptions): Promise<void> {
  if (opts.schema) {
    process.stdout.write(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
    return;
  }
  if (!planPath) throw new UsageError('wushe sweep: missing the plan file', 'wushe sweep');
  if (!opts.out && !opts.dryRun)
    throw new UsageError('wushe sweep: missing --out DIR (where results go)', 'wushe sweep');
  const { plan, sweep: design } = loadPlan(planPath);
  const shard = opts.shard;
  const info = sweepInfo(design, shard);
  if (opts.dryRun || !opts.out) {
    process.stdout.write(describePlan(plan, info));
    return;
  }
  const out = opts.out;
  const planFile = planToFile(plan);
  const runsPath = join(out, RUNS_FILE);

  // the output folder: fresh, or the same sweep to resume
  if (opts.resume && opts.force)
    throw new UsageError(
      'wushe sweep: --resume continues the sweep in --out, --force starts it afresh; choose one',
      'wushe sweep',
    );
  const existing =
    opts.resume === true &&
    existsSync(out) &&
    statSync(out).isDirectory() &&
    folderEntries(out).length > 0 &&
    startedIn(out);
  prepareOutDir(out, {
    files: SWEEP_FILES,
    // resuming keeps the folder; a sweep killed before its first run is started afresh
    ...(existing ? { resume: true } : { force: opts.force || opts.resume }),
    alternative: 'add --resume to continue the sweep in it',
  });
  let done: RunRecord[] = [];
  if (existing) {
    const folder = readSweepFolder(out);
    if (!sameJson(folder.planFile, planFile))
      throw new UsageError(
        `--out ${out}: holds a different sweep (its ${PLAN_FILE} is not the plan in ${planPath}); use a new folder`,
      );
    if (!sameJson(folder.info.shard, info.shard))
      throw new UsageError(
        `--out ${out}: holds ${folder.info.shard ? `shard ${folder.info.shard.index}/${folder.info.shard.count}` : 'the whole sweep'}, not ${shard ? `shard ${shard.index}/${shard.count}` : 'the whole sweep'}`,
      );
    const file = readRunsFile(runsPath, true);
    for (const r of file.records) {
      if (r.run >= design.runs || !inShard(r.run, shard))
        throw new UsageError(
          `${runsPath}: run ${r.run} does not belong to this sweep${shard ? ' shard' : ''}`,
        );
    }
    // failed runs are run again; their lines (and any repeated line) are dropped
    done = file.records.filter((r) => r.metrics);
    if (file.duplicates > 0 || done.length < file.records.length) writeRunsSorted(runsPath, done);
  } else {
    writeAtomic(join(out, PLAN_FILE), jsonFileText(planFile));
    writeAtomic(join(out, SWEEP_FILE), jsonFileText(info));
    writeFileSync(runsPath, '');
  }

  const finished = new Set(done.map((r) => r.run));
  const remaining = info.shardRuns - finished.size;
  const stats = await execute(design, shard, finished, remaining, runsPath, opts);

  const { records } = readRunsFile(runsPath);
  const complete = records.length === info.shardRuns;
  writeRunsSorted(runsPath, records);
  const table = await writeAggregates(out, design, records, complete && !shard);
  const failed = records.filter((r) => r.error).length;
  if (!opts.quiet) {
    if (table) process.stdout.write(table);
    const what = shard ? `shard ${shard.index}/${shard.count}: ` : '';
    process.stderr.write(
      `wushe sweep: ${what}${records.length} of ${info.shardRuns} runs in ${out}` +
        (failed > 0 ? `; ${failed} failed (their errors are in ${RUNS_FILE})` : '') +
        '\n',
    );
  } else if (failed > 0) {
    process.stderr.write(`wushe sweep: ${failed} runs failed; their errors are in ${runsPath}\n`);
  }
  if (process.env.WUSHE_TIMING === '1' && stats.firstStart !== undefined) {
    const startup = stats.firstStart - performance.timeOrigin;
    process.stderr.write(
      `wushe timing: first run began ${startup.toFixed(0)} ms after the process started; ` +
        `${stats.ran} runs in ${(stats.seconds).toFixed(2)} s on ${stats.workers} workers (${stats.entry})\n`,
    );
  }
}

interface ExecStats {
  ran: number;
  workers: number;
  firstStart?: number;
  seconds: number;
  entry: string;
}

/** Runs the remaining runs of a (shard of a) sweep on a worker pool, appending a line per finished run. */
async function execute(
  design: Sweep,
  shard: Shard | undefined,
  finished: Set<number>,
  remaining: number,
  runsPath: string,
  opts: SweepOptions,
): Promise<ExecStats> {
  if (remaining === 0) return { ran: 0, workers: 0, seconds: 0, entry: 'none' };
  const fd = openSync(runsPath, 'a');
  let ran = 0;
  let failed = 0;
  let firstStart: number | undefined;
  const t0 = performance.now();
  const total = shardSize(design.runs, shard);
  return withPool(
    {
      workers: opts.workers,
      tasks: remaining,
      label: 'sweep',
      total,
      done: total - remaining,
      quiet: opts.quiet,
      onStopped: (signal) => {
        closeSync(fd);
        process.stderr.write(
          `wushe sweep: stopped by ${signal} after ${ran} runs; continue with the same command and --resume\n`,
        );
      },
    },
    async (pool, bar, size) => {
      const write = (r: RunRecord) => {
        // one write call per line: a kill leaves whole lines, and at most a torn last one
        writeSync(fd, `${recordLine(r)}\n`);
        ran++;
        if (r.error) failed++;
        bar?.increment(1, { failed });
      };
      await runSweep(design.plan, {
        runner: {
          run: (tasks, onOutcome) =>
            pool.run(tasks, (o) => {
              if (firstStart === undefined || (o.startedAt > 0 && o.startedAt < firstStart))
                firstStart = o.startedAt;
              onOutcome(o);
            }),
        },
        shard,
        skip: finished,
        onRecord: write,
        keepRecords: false,
      });
      closeSync(fd);
      return {
        ran,
        workers: size,
        firstStart,
        seconds: (performance.now() - t0) / 1000,
        entry: pool.entry.kind,
      };
    },
  );
}
