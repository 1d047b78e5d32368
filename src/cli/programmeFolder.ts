/**
 * Reading and writing programme run folders (the format is src/batch/programmeFolder.ts), for
 * `wushe programme run --out`, its `--resume` and `--shard`, and `wushe programme merge`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ProgrammeResult, replicateSeeds } from '../batch/programme.ts';
import {
  COMMUNITIES_FILE,
  DISTRICT_FILE,
  isProgrammeRunInfo,
  PROGRAMME_FILE,
  type ProgrammeRunInfo,
  parseReplicatesText,
  type ReplicateRecord,
  RUN_FILE,
  replicatesText,
  SUMMARY_FILE,
} from '../batch/programmeFolder.ts';
import { inShard } from '../batch/sweep.ts';
import { parseJson } from '../model/parse.ts';
import type { Programme } from '../model/programmeCommunities.ts';
import { UsageError } from './errors.ts';
import { type JsonLinesFile, readJsonLinesFile, readText } from './io.ts';
import { communitiesCsv, districtCsv, summaryJson } from './programmeOutput.ts';
import { writeAtomic } from './sweepFolder.ts';

/** A digest of the resolved programme (its file with `--set` applied and every community's scenario). */
export function programmeFingerprint(programme: Programme): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(programme)).digest('hex')}`;
}

/** The text of programme.json (as `programme run --out` has always written it). */
export function programmeFileText(spec: unknown): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}

/** What a programme run folder says it holds: programme.json's text and run.json. */
export interface RunFolder {
  programmeText: string;
  info: ProgrammeRunInfo;
}

/** Reads a folder's programme.json (as text) and run.json. */
export function readRunFolder(dir: string): RunFolder {
  const programmePath = join(dir, PROGRAMME_FILE);
  const infoPath = join(dir, RUN_FILE);
  if (!existsSync(programmePath) || !existsSync(infoPath))
    throw new UsageError(
      `${dir}: not a programme run folder (no ${PROGRAMME_FILE} and ${RUN_FILE}; wushe programme run --out writes them)`,
    );
  const programmeText = readText(programmePath);
  const json = parseJson(readText(infoPath), infoPath);
  if (!json.ok) throw new UsageError(json.error);
  if (!isProgrammeRunInfo(json.value))
    throw new UsageError(`${infoPath}: not a run description written by wushe programme run`);
  return { programmeText, info: json.value };
}

export type ReplicatesFile = JsonLinesFile<ReplicateRecord>;

/** Reads replicates.jsonl (io.ts `readJsonLinesFile`); with `repair`, a torn last line is cut off. */
export function readReplicatesFile(file: string, repair = false): ReplicatesFile {
  return readJsonLinesFile(file, parseReplicatesText, 'replicate record', repair);
}

/**
 * Problems with records that do not belong to the run `info` describes: a replicate beyond its
 * seeds, outside its shard, or with another seed than the replicate's (one line each).
 */
export function strayReplicates(file: string, info: ProgrammeRunInfo, records: readonly ReplicateRecord[]) {
  const seeds = replicateSeeds(info.master, info.seeds);
  const shard = info.shard ?? undefined;
  const problems: string[] = [];
  for (const r of records) {
    if (r.replicate >= info.seeds || !inShard(r.replicate, shard))
      problems.push(
        `${file}: replicate ${r.replicate} does not belong to ${shard ? `shard ${shard.index}/${shard.count} of ` : ''}this run of ${info.seeds} seeds`,
      );
    else if (r.result.seed !== seeds[r.replicate])
      problems.push(
        `${file}: replicate ${r.replicate} has seed ${r.result.seed}, not the run's ${seeds[r.replicate]}`,
      );
  }
  return problems;
}

/** Writes replicates.jsonl sorted by replicate (atomically). */
export function writeReplicatesSorted(file: string, records: readonly ReplicateRecord[]): void {
  writeAtomic(file, replicatesText(records));
}

/** Writes summary.json, communities.csv and district.csv of a complete run (atomically). */
export function writeRunResults(dir: string, result: ProgrammeResult): void {
  writeAtomic(join(dir, SUMMARY_FILE), `${JSON.stringify(summaryJson(result), null, 2)}\n`);
  writeAtomic(join(dir, COMMUNITIES_FILE), communitiesCsv(result));
  writeAtomic(join(dir, DISTRICT_FILE), districtCsv(result));
}

/**
 * Whether a run got as far as creating replicates.jsonl in `dir`. A run killed before that leaves
 * at most programme.json, run.json and temporary files, and resuming it starts afresh.
 */
export function runStartedIn(dir: string): boolean {
  const entries = readdirSync(dir).filter((f) => !/\.tmp-\d+$/.test(f) && !/^\.wushe-probe-\d+$/.test(f));
  return entries.some((f) => f !== PROGRAMME_FILE && f !== RUN_FILE);
}
