/**
 * `wushe sweep <plan.json> --out DIR`: runs a plan's design on a pool of worker threads, streaming
 * one line per finished run to DIR/runs.jsonl; at the end sorts it by run and writes summary.csv
 * (and sensitivity.csv for a Morris design). `--resume` continues a stopped sweep, `--shard i/n`
 * runs one share of it. The folder helpers here are shared with `wushe merge`.
 */
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  checkPlanShape,
  type PlanFile,
  planJsonSchema,
  planToFile,
  type ResolvedPlan,
  resolvePlan,
} from '../batch/plan.ts';
import { parseRecord, type RunRecord, recordLine } from '../batch/records.ts';
import {
  checkPoints,
  createSweep,
  inShard,
  parseShard,
  runSpec,
  type Shard,
  type Sweep,
  scenarioForRun,
  shardSize,
} from '../batch/sweep.ts';
import { parseJson } from '../model/parse.ts';
import type { Scenario } from '../model/scenario.ts';
import { validateScenario } from '../model/scenario.ts';
import type { RunTask } from '../worker/api.ts';
import { UsageError } from './errors.ts';
import { loadScenario, prepareOutDir, readText } from './io.ts';

export const RUNS_FILE = 'runs.jsonl';
export const PLAN_FILE = 'plan.json';
export const SWEEP_FILE = 'sweep.json';
export const SUMMARY_FILE = 'summary.csv';
export const SENSITIVITY_FILE = 'sensitivity.csv';

interface SweepOptions {
  out?: string;
  workers?: number;
  shard?: Shard;
  resume?: boolean;
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

A plan (JSON) names a base scenario (a path relative to the plan, or inline), factors (a field's
dotted path → a list of values or {"min": a, "max": b}), a design (grid, random, lhs, morris),
samples (points for random/lhs, trajectories for morris), replicates and the master seed:

  {"scenario": "../scenarios/baseline.json", "design": "lhs", "samples": 50, "replicates": 5,
   "seed": 1, "factors": {"initial.volunteers": {"min": 0, "max": 1}, "strategy": ["strengths-first", "balanced"]}}

Writes to DIR: plan.json (the resolved plan, runnable again), sweep.json, runs.jsonl (one line
per run, written as runs finish, sorted by run at the end), summary.csv (per design point: mean,
sd and 95% CI of each metric, share of each mode) and, for morris, sensitivity.csv (μ*, μ, σ).
A run that fails is recorded with its error and the sweep goes on. See docs/batch.md.`;

function positiveInt(name: string, max: number) {
  return (raw: string): number => {
    const v = Number(raw.trim());
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(v) || v < 1 || v > max)
      throw new InvalidArgumentError(`Expected a whole number of ${name} from 1 to ${max}.`);
    return v;
  };
}

function shardOption(raw: string): Shard {
  const s = parseShard(raw);
  if (!s) throw new InvalidArgumentError('Expected i/n with 0 ≤ i < n, e.g. 0/4.');
  return s;
}

export const workersOption = () =>
  new Option('--workers <n>', 'worker threads (default: every core)').argParser(positiveInt('workers', 1024));

export function sweepCommand(): Command {
  return new Command('sweep')
    .description('run a parameter sweep (grid, random, Latin hypercube or Morris) on all cores')
    .argument('[plan]', 'plan file (JSON)')
    .option('--out <dir>', 'output folder (must be empty unless --resume)')
    .addOption(workersOption())
    .option(
      '--shard <i/n>',
      'run only shard i of n (0 ≤ i < n), e.g. one task of a Slurm job array',
      shardOption,
    )
    .option('--resume', 'continue the sweep already in --out (after a stop or a kill)')
    .option('--quiet', 'no progress bar, no sensitivity table, no closing message')
    .option('--dry-run', 'check the plan, print its size and exit (no --out needed)')
    .option('--schema', 'print the plan JSON Schema and exit')
    .addHelpText('after', EXAMPLES)
    .action((plan: string | undefined, opts: SweepOptions) => sweep(plan, opts));
}

/** A loaded plan: its resolved form and design. */
export interface LoadedPlan {
  plan: ResolvedPlan;
  sweep: Sweep;
}

/** Reads, checks and resolves a plan file; every problem is a line of a UsageError prefixed by the file. */
export function loadPlan(file: string): LoadedPlan {
  const text = readText(file);
  const json = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file);
  if (!json.ok) throw new UsageError(json.error);
  return resolvePlanValue(json.value, file);
}

/** Checks and resolves a parsed plan (`file` names it in messages and anchors a scenario path). */
export function resolvePlanValue(value: unknown, file: string): LoadedPlan {
  const shape = checkPlanShape(value);
  if (!shape.ok) throw new UsageError(shape.errors.map((e) => `${file}: ${e}`));
  const p = shape.plan;
  let base: Scenario;
  if (typeof p.scenario === 'string') {
    const path = resolve(dirname(file), p.scenario);
    if (!existsSync(path))
      throw new UsageError(`${file}: scenario: no such file ${p.scenario} (looked for ${path})`);
    base = loadScenario(path).scenario;
  } else {
    const checked = validateScenario(p.scenario);
    if (!checked.ok) throw new UsageError(checked.errors.map((e) => `${file}: scenario.${e}`));
    base = checked.scenario;
  }
  const resolved = resolvePlan(p, base);
  if (!resolved.ok) throw new UsageError(resolved.errors.map((e) => `${file}: ${e}`));
  const sweep = createSweep(resolved.plan);
  const problems = checkPoints(sweep);
  if (problems.length > 0) throw new UsageError(problems.map((e) => `${file}: ${e}`));
  return { plan: resolved.plan, sweep };
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

/** `sweep.json`: what a folder holds (no timing or host fields). */
export interface SweepInfo {
  format: 1;
  points: number;
  runs: number;
  shard: Shard | null;
  /** Runs this folder is to hold (all, or the shard's share). */
  shardRuns: number;
}

export function sweepInfo(sweep: Sweep, shard: Shard | undefined): SweepInfo {
  return {
    format: 1,
    points: sweep.points,
    runs: sweep.runs,
    shard: shard ?? null,
    shardRuns: shardSize(sweep.runs, shard),
  };
}

/** Writes a file atomically: to a temporary name, then renamed over the target. */
export function writeAtomic(file: string, data: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

function readJsonFile(file: string): unknown {
  const json = parseJson(readText(file), file);
  if (!json.ok) throw new UsageError(json.error);
  return json.value;
}

/** Reads a sweep folder's plan.json and sweep.json. */
export function readSweepFolder(dir: string): { planFile: PlanFile; info: SweepInfo } {
  const planPath = join(dir, PLAN_FILE);
  const infoPath = join(dir, SWEEP_FILE);
  if (!existsSync(planPath) || !existsSync(infoPath))
    throw new UsageError(`${dir}: not a sweep folder (no ${PLAN_FILE} and ${SWEEP_FILE})`);
  const planFile = readJsonFile(planPath);
  const info = readJsonFile(infoPath);
  if (typeof planFile !== 'object' || planFile === null || Array.isArray(planFile))
    throw new UsageError(`${planPath}: not a sweep plan (expected a JSON object)`);
  if (!isSweepInfo(info)) throw new UsageError(`${infoPath}: not a sweep description written by wushe sweep`);
  return { planFile: planFile as PlanFile, info };
}

const whole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The shape `sweepInfo` writes: checked before a folder is resumed or merged. */
function isSweepInfo(v: unknown): v is SweepInfo {
  if (typeof v !== 'object' || v === null) return false;
  const i = v as Record<string, unknown>;
  const shard = i.shard as Record<string, unknown> | null;
  const shardOk =
    shard === null ||
    (typeof shard === 'object' && whole(shard.index) && whole(shard.count) && shard.index < shard.count);
  return i.format === 1 && whole(i.points) && whole(i.runs) && whole(i.shardRuns) && shardOk;
}

export interface RunsFile {
  /** Records in file order, each run once (first line kept). */
  records: RunRecord[];
  /** Lines dropped: a torn last line (cut off), repeated runs. */
  torn: boolean;
  duplicates: number;
}

/**
 * Reads runs.jsonl. A last line without its newline (a write cut off by a kill) is torn: it is not
 * a record. With `repair`, the file is cut back to its last complete line. A complete line that is
 * not a run record is an error naming the line.
 */
export function readRunsFile(file: string, repair = false): RunsFile {
  if (!existsSync(file)) return { records: [], torn: false, duplicates: 0 };
  const text = readFileSync(file, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  const torn = end < text.length;
  if (torn && repair) truncateSync(file, Buffer.byteLength(text.slice(0, end)));
  const seen = new Set<number>();
  const records: RunRecord[] = [];
  let duplicates = 0;
  const lines = text.slice(0, end).split('\n');
  lines.pop();
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const r = parseRecord(line);
    if (!r) throw new UsageError(`${file}:${i + 1}: not a run record; fix or remove the line`);
    if (seen.has(r.run)) {
      duplicates++;
      return;
    }
    seen.add(r.run);
    records.push(r);
  });
  return { records, torn, duplicates };
}

/** Writes records as runs.jsonl sorted by run (atomically). */
export function writeRunsSorted(file: string, records: readonly RunRecord[]): void {
  const sorted = [...records].sort((a, b) => a.run - b.run);
  writeAtomic(file, sorted.map((r) => `${recordLine(r)}\n`).join(''));
}

/** Writes summary.csv, and sensitivity.csv when the design is Morris and `complete`; returns the table to print. */
export async function writeAggregates(
  dir: string,
  sweep: Sweep,
  records: readonly RunRecord[],
  complete: boolean,
): Promise<string | undefined> {
  const { summaryCsv, sensitivity, sensitivityCsv, sensitivityTable } = await import('../batch/aggregate.ts');
  writeAtomic(join(dir, SUMMARY_FILE), summaryCsv(sweep, records));
  if (!sweep.morris || !complete) return undefined;
  const rows = sensitivity(sweep, records);
  writeAtomic(join(dir, SENSITIVITY_FILE), sensitivityCsv(rows));
  return sensitivityTable(rows, sweep);
}

function isEmptyDir(dir: string): boolean {
  try {
    return statSync(dir).isDirectory() && readdirSync(dir).length === 0;
  } catch {
    return false;
  }
}

/**
 * Whether a sweep got as far as creating runs.jsonl in `dir`. A sweep killed before that leaves at
 * most plan.json, sweep.json and temporary files, and resuming it starts afresh.
 */
function startedIn(dir: string): boolean {
  const entries = readdirSync(dir).filter((f) => !/\.tmp-\d+$/.test(f));
  return entries.includes(RUNS_FILE) || entries.some((f) => f !== PLAN_FILE && f !== SWEEP_FILE);
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
  let existing = existsSync(out) && !isEmptyDir(out);
  if (existing && opts.resume && !startedIn(out)) existing = false;
  if (existing && !opts.resume) {
    if (!statSync(out).isDirectory()) throw new UsageError(`--out ${out}: exists and is not a directory`);
    throw new UsageError(
      `--out ${out}: folder is not empty; add --resume to continue the sweep in it, or choose a new folder`,
    );
  }
  prepareOutDir(out);
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
    writeAtomic(join(out, PLAN_FILE), `${JSON.stringify(planFile, null, 2)}\n`);
    writeAtomic(join(out, SWEEP_FILE), `${JSON.stringify(info, null, 2)}\n`);
    writeFileSync(runsPath, '');
  }

  const finished = new Set(done.map((r) => r.run));
  const remaining = info.shardRuns - finished.size;
  const stats = await execute(design, plan, shard, finished, remaining, runsPath, opts);

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
  plan: ResolvedPlan,
  shard: Shard | undefined,
  finished: Set<number>,
  remaining: number,
  runsPath: string,
  opts: SweepOptions,
): Promise<ExecStats> {
  if (remaining === 0) return { ran: 0, workers: 0, seconds: 0, entry: 'none' };
  const { createNodePool, defaultWorkers } = await import('../worker/node.ts');
  const size = Math.min(opts.workers ?? defaultWorkers(), remaining);
  const pool = await createNodePool(size);
  const fd = openSync(runsPath, 'a');
  const specs = new Map<number, ReturnType<typeof runSpec>>();
  let ran = 0;
  let failed = 0;
  let firstStart: number | undefined;
  const t0 = performance.now();
  const bar = await progressBar(
    opts,
    shardSize(design.runs, shard),
    shardSize(design.runs, shard) - remaining,
  );

  const write = (r: RunRecord) => {
    // one write call per line: a kill leaves whole lines, and at most a torn last one
    writeSync(fd, `${recordLine(r)}\n`);
    ran++;
    if (r.error) failed++;
    bar?.increment(1, { failed });
  };

  const step = shard?.count ?? 1;
  function* tasks(): Generator<RunTask> {
    for (let run = shard?.index ?? 0; run < design.runs; run += step) {
      if (finished.has(run)) continue;
      const spec = runSpec(design, run);
      let scenario: Scenario;
      try {
        scenario = scenarioForRun(plan, spec);
      } catch (e) {
        write({ ...spec, error: (e as Error).message });
        continue;
      }
      specs.set(run, spec);
      yield { id: run, scenario };
    }
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    bar?.stop();
    void pool.close().finally(() => {
      closeSync(fd);
      process.stderr.write(
        `wushe sweep: stopped by ${signal} after ${ran} runs; continue with the same command and --resume\n`,
      );
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    await pool.run(tasks(), (o) => {
      const spec = specs.get(o.id)!;
      specs.delete(o.id);
      if (firstStart === undefined || (o.startedAt > 0 && o.startedAt < firstStart)) firstStart = o.startedAt;
      write(o.metrics ? { ...spec, metrics: o.metrics } : { ...spec, error: o.error });
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    bar?.stop();
    if (!stopping) {
      await pool.close();
      closeSync(fd);
    }
  }
  return { ran, workers: size, firstStart, seconds: (performance.now() - t0) / 1000, entry: pool.entry.kind };
}

interface Bar {
  increment(n: number, payload: Record<string, unknown>): void;
  stop(): void;
}

/** A progress bar with ETA on stderr, only on a terminal and without --quiet. */
export async function progressBar(
  opts: { quiet?: boolean },
  total: number,
  start: number,
  label = 'sweep',
): Promise<Bar | undefined> {
  if (opts.quiet || !process.stderr.isTTY) return undefined;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {value}/{total} runs | {failed} failed | {duration_formatted} | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, start, { failed: 0 });
  return bar;
}
