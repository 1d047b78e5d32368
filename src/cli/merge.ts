/**
 * `wushe merge DIR… --out DIR`: joins the folders of a sweep's shards (or of any split of its runs)
 * into one sweep folder, checking that they hold the same plan and that no run is missing or
 * doubled; then writes the sorted runs.jsonl, summary.csv and, for Morris, sensitivity.csv.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { loadPlanValue } from '../batch/loadPlan.ts';
import type { RunRecord } from '../batch/records.ts';
import { inShard } from '../batch/sweep.ts';
import {
  jsonFileText,
  PLAN_FILE,
  RUNS_FILE,
  SWEEP_FILE,
  SWEEP_FILES,
  sweepInfo,
} from '../batch/sweepFolder.ts';
import { UsageError } from './errors.ts';
import { prepareOutDir } from './outDir.ts';
import {
  readRunsFile,
  readSweepFolder,
  writeAggregates,
  writeAtomic,
  writeRunsSorted,
} from './sweepFolder.ts';

interface MergeOptions {
  out: string;
  quiet?: boolean;
  force?: boolean;
}

const EXAMPLES = `
Examples:
  $ wushe merge results/part-0 results/part-1 results/part-2 --out results/all
  $ wushe merge results/part-* --out results/all --quiet

Every folder must come from the same plan (their plan.json files are equal). Exits with 2 and
names the runs when some are missing (re-run that shard with --resume) or doubled.`;

export function mergeCommand(): Command {
  return new Command('merge')
    .description('join the shards of a sweep into one folder, checking that no run is missing or doubled')
    .argument('<dir...>', 'sweep folders (from wushe sweep --shard i/n)')
    .requiredOption('--out <dir>', 'output folder (must be empty or new)')
    .option('--force', 'write into a folder that is not empty, replacing only this command’s files')
    .option('--quiet', 'no sensitivity table and no closing message')
    .addHelpText('after', EXAMPLES)
    .action((dirs: string[], opts: MergeOptions) => merge(dirs, opts));
}

/** Up to `n` items and a count of the rest. */
function some(items: readonly (string | number)[], n = 10): string {
  const head = items.slice(0, n).join(', ');
  return items.length > n ? `${head} … (${items.length} in all)` : head;
}

async function merge(dirs: string[], opts: MergeOptions): Promise<void> {
  const out = opts.out;
  for (const d of dirs) {
    if (!existsSync(d) || !statSync(d).isDirectory()) throw new UsageError(`${d}: no such folder`);
    if (existsSync(join(d, 'run.json')) && existsSync(join(d, 'programme.json')))
      throw new UsageError(
        `${d}: a programme run folder, not a sweep's; join the shards of a programme run with wushe programme merge`,
      );
  }

  const first = readSweepFolder(dirs[0]);
  const loaded = loadPlanValue(first.planFile, { name: join(dirs[0], PLAN_FILE) });
  if (!loaded.ok) throw new UsageError(loaded.errors);
  const { sweep } = loaded;
  if (dirs.some((d) => resolve(d) === resolve(out)))
    throw new UsageError(`--out ${out}: is one of the folders being merged; choose a new folder`);
  const owner = new Map<number, string>();
  const records: RunRecord[] = [];
  const doubled: string[] = [];
  const problems: string[] = [];
  for (const dir of dirs) {
    const folder = dir === dirs[0] ? first : readSweepFolder(dir);
    if (JSON.stringify(folder.planFile) !== JSON.stringify(first.planFile)) {
      problems.push(
        `${dir}: its ${PLAN_FILE} is not the plan of ${dirs[0]}; only shards of one sweep can be merged`,
      );
      continue;
    }
    const file = readRunsFile(join(dir, RUNS_FILE));
    if (file.duplicates > 0) doubled.push(`${file.duplicates} repeated lines in ${join(dir, RUNS_FILE)}`);
    const shard = folder.info.shard ?? undefined;
    for (const r of file.records) {
      if (r.run >= sweep.runs || !inShard(r.run, shard)) {
        problems.push(
          `${join(dir, RUNS_FILE)}: run ${r.run} does not belong to ${shard ? `shard ${shard.index}/${shard.count}` : 'this sweep'}`,
        );
        continue;
      }
      const other = owner.get(r.run);
      if (other !== undefined) {
        doubled.push(`run ${r.run} is in both ${other} and ${dir}`);
        continue;
      }
      owner.set(r.run, dir);
      records.push(r);
    }
  }
  if (problems.length > 0) throw new UsageError(problems);
  const missing: number[] = [];
  for (let run = 0; run < sweep.runs && missing.length < 1_000_000; run++)
    if (!owner.has(run)) missing.push(run);
  if (doubled.length > 0 || missing.length > 0) {
    const lines: string[] = [];
    if (doubled.length > 0) lines.push(`doubled: ${some(doubled, 5)}`);
    if (missing.length > 0)
      lines.push(
        `missing ${missing.length} of ${sweep.runs} runs: ${some(missing)}; finish their shards (wushe sweep … --shard i/n --resume) and merge again`,
      );
    throw new UsageError(lines);
  }

  // after the checks: a merge that fails leaves no folder behind
  prepareOutDir(out, { files: SWEEP_FILES, force: opts.force });
  writeAtomic(join(out, PLAN_FILE), jsonFileText(first.planFile));
  writeAtomic(join(out, SWEEP_FILE), jsonFileText(sweepInfo(sweep, undefined)));
  writeRunsSorted(join(out, RUNS_FILE), records);
  const table = await writeAggregates(out, sweep, records, true);
  const failed = records.filter((r) => r.error).length;
  if (!opts.quiet) {
    if (table) process.stdout.write(table);
    process.stderr.write(
      `wushe merge: ${records.length} runs from ${dirs.length} folder${dirs.length === 1 ? '' : 's'} in ${out}` +
        (failed > 0 ? `; ${failed} failed (their errors are in ${RUNS_FILE})` : '') +
        '\n',
    );
  }
}
