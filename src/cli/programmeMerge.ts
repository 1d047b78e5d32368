/**
 * `wushe programme merge DIR… --out DIR`: joins the folders of a programme run's shards
 * (`wushe programme run --shard i/n --out DIR`) into the folder the whole run writes, byte for
 * byte: it checks that they are shards of one run (the same programme.json, the same programme
 * digest and seeds in run.json) and that no replicate is missing or doubled, then writes
 * programme.json, run.json, the sorted replicates.jsonl, summary.json, communities.csv and
 * district.csv, and prints what `programme run` prints.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { summariseProgramme } from '../batch/programme.ts';
import {
  PROGRAMME_FILE,
  PROGRAMME_RUN_FILES,
  programmeRunInfo,
  REPLICATES_FILE,
  type ReplicateRecord,
  RUN_FILE,
  sortedReplicates,
} from '../batch/programmeFolder.ts';
import { jsonFileText } from '../batch/sweepFolder.ts';
import { parseJson } from '../model/parse.ts';
import { parseProgramme } from '../model/programme.ts';
import { UsageError } from './errors.ts';
import { prepareOutDir } from './outDir.ts';
import {
  type RunFolder,
  readReplicatesFile,
  readRunFolder,
  strayReplicates,
  writeReplicatesSorted,
  writeRunResults,
} from './programmeFolder.ts';
import { printResult } from './programmeRun.ts';
import { writeAtomic } from './sweepFolder.ts';

interface Options {
  out: string;
  force?: boolean;
  json?: boolean;
  quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ wushe programme run district.json --seeds 20 --shard 0/2 --out results/part-0
  $ wushe programme run district.json --seeds 20 --shard 1/2 --out results/part-1
  $ wushe programme merge results/part-0 results/part-1 --out results/all

Every folder must be a shard of the same run: the same programme.json (the file with its --set),
the same communities and the same --seeds. Exits with 2 and names the replicates when some are
missing (finish their shard with --resume, then merge again) or doubled. The merged folder and what
is printed are those of \`wushe programme run FILE --seeds N --out DIR\`, byte for byte.

Exit codes: 0 success, 2 bad input or usage, 1 unexpected failure.`;

export function programmeMergeCommand(): Command {
  return new Command('merge')
    .description(
      'join the shards of a programme run into one folder, checking that no replicate is missing or doubled',
    )
    .argument('<dir...>', 'shard folders (from wushe programme run --shard i/n --out DIR)')
    .requiredOption('--out <dir>', 'output folder (must be empty or new)')
    .option('--force', 'write into a folder that is not empty, replacing only this command’s files')
    .option('--json', 'print the summary as one JSON document on stdout')
    .option('-q, --quiet', 'no notes on stderr')
    .addHelpText('after', EXAMPLES)
    .action((dirs: string[], opts: Options) => merge(dirs, opts));
}

/** Up to `n` items and a count of the rest. */
function some(items: readonly (string | number)[], n = 10): string {
  const head = items.slice(0, n).join(', ');
  return items.length > n ? `${head} … (${items.length} in all)` : head;
}

async function merge(dirs: string[], opts: Options): Promise<void> {
  const out = opts.out;
  for (const d of dirs)
    if (!existsSync(d) || !statSync(d).isDirectory()) throw new UsageError(`${d}: no such folder`);
  if (dirs.some((d) => resolve(d) === resolve(out)))
    throw new UsageError(`--out ${out}: is one of the folders being merged; choose a new folder`);

  const folders = dirs.map((d) => readRunFolder(d));
  const first: RunFolder = folders[0];
  const specPath = join(dirs[0], PROGRAMME_FILE);
  const json = parseJson(first.programmeText, specPath);
  if (!json.ok) throw new UsageError(json.error);
  const parsed = parseProgramme(json.value);
  if (!parsed.ok) throw new UsageError(parsed.errors.map((e) => `${specPath}: ${e}`));
  const spec = parsed.programme;

  const problems: string[] = [];
  const doubled: string[] = [];
  const owner = new Map<number, string>();
  const records: ReplicateRecord[] = [];
  const info = first.info;
  for (const [k, dir] of dirs.entries()) {
    const folder = folders[k];
    const other = folder.info;
    if (folder.programmeText !== first.programmeText) {
      problems.push(
        `${dir}: its ${PROGRAMME_FILE} is not that of ${dirs[0]}; only shards of one programme run can be merged`,
      );
      continue;
    }
    if (other.fingerprint !== info.fingerprint) {
      problems.push(
        `${dir}: its ${RUN_FILE} has another programme digest than ${dirs[0]} (a community file changed between the shards?); only shards of one programme run can be merged`,
      );
      continue;
    }
    if (other.seeds !== info.seeds || other.master !== info.master) {
      problems.push(
        `${dir}: a run of ${other.seeds} seeds, ${dirs[0]} one of ${info.seeds}; the shards of one run share --seeds`,
      );
      continue;
    }
    const file = join(dir, REPLICATES_FILE);
    const read = readReplicatesFile(file);
    if (read.duplicates > 0) doubled.push(`${read.duplicates} repeated lines in ${file}`);
    const stray = strayReplicates(file, other, read.records);
    if (stray.length > 0) {
      problems.push(...stray);
      continue;
    }
    for (const r of read.records) {
      const had = owner.get(r.replicate);
      if (had !== undefined) {
        doubled.push(`replicate ${r.replicate} is in both ${had} and ${dir}`);
        continue;
      }
      owner.set(r.replicate, dir);
      records.push(r);
    }
  }
  if (problems.length > 0) throw new UsageError(problems);
  const missing: number[] = [];
  for (let r = 0; r < info.seeds; r++) if (!owner.has(r)) missing.push(r);
  if (doubled.length > 0 || missing.length > 0) {
    const lines: string[] = [];
    if (doubled.length > 0) lines.push(`doubled: ${some(doubled, 5)}`);
    if (missing.length > 0) {
      // with shards of one split, name the shards the missing replicates belong to
      const counts = new Set(folders.map((f) => f.info.shard?.count ?? 0));
      const count = counts.size === 1 ? [...counts][0] : 0;
      const shards = count > 0 ? [...new Set(missing.map((r) => r % count))].map((i) => `${i}/${count}`) : [];
      lines.push(
        `missing ${missing.length} of ${info.seeds} replicates: ${some(missing)}` +
          (shards.length > 0 ? ` (of shard${shards.length === 1 ? '' : 's'} ${some(shards)})` : '') +
          '; finish their shards (wushe programme run … --shard i/n --resume) and merge again',
      );
    }
    throw new UsageError(lines);
  }

  const sorted = sortedReplicates(records);
  const replicates = sorted.map((r) => r.result);
  const communities = replicates[0].rows.map((row) => ({ id: row.id }));
  if (replicates.some((r) => r.rows.length !== communities.length))
    throw new UsageError(`the replicates in ${some(dirs, 3)} have different numbers of communities`);
  const result = summariseProgramme({ ...spec, id: info.programme, members: communities }, replicates);

  // after the checks: a merge that fails leaves no folder behind
  prepareOutDir(out, { files: PROGRAMME_RUN_FILES, force: opts.force });
  writeAtomic(join(out, PROGRAMME_FILE), first.programmeText);
  writeAtomic(join(out, RUN_FILE), jsonFileText(programmeRunInfo(info, undefined)));
  writeReplicatesSorted(join(out, REPLICATES_FILE), sorted);
  writeRunResults(out, result);
  if (!opts.quiet)
    process.stderr.write(
      `wushe programme merge: ${sorted.length} replicates from ${dirs.length} folder${dirs.length === 1 ? '' : 's'}; ` +
        `wrote ${PROGRAMME_RUN_FILES.join(', ')} to ${out}\n`,
    );
  printResult(result, opts.json);
}
