/**
 * Reading and writing sweep folders (the format is src/batch/sweepFolder.ts), for `wushe sweep`,
 * `--resume` and `wushe merge`.
 */
import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanFile } from '../batch/plan.ts';
import type { RunRecord } from '../batch/records.ts';
import type { Sweep } from '../batch/sweep.ts';
import {
  isSweepInfo,
  PLAN_FILE,
  parseRunsText,
  RUNS_FILE,
  runsText,
  SENSITIVITY_FILE,
  SUMMARY_FILE,
  SWEEP_FILE,
  type SweepInfo,
} from '../batch/sweepFolder.ts';
import { parseJson } from '../model/parse.ts';
import { UsageError } from './errors.ts';
import { type JsonLinesFile, readJsonLinesFile, readText } from './io.ts';

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

export type RunsFile = JsonLinesFile<RunRecord>;

/** Reads runs.jsonl (io.ts `readJsonLinesFile`); with `repair`, a torn last line is cut off. */
export function readRunsFile(file: string, repair = false): RunsFile {
  return readJsonLinesFile(file, parseRunsText, 'run record', repair);
}

/** Writes records as runs.jsonl sorted by run (atomically). */
export function writeRunsSorted(file: string, records: readonly RunRecord[]): void {
  writeAtomic(file, runsText(records));
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

/**
 * Whether a sweep got as far as creating runs.jsonl in `dir`. A sweep killed before that leaves at
 * most plan.json, sweep.json and temporary files, and resuming it starts afresh.
 */
export function startedIn(dir: string): boolean {
  const entries = readdirSync(dir).filter((f) => !/\.tmp-\d+$/.test(f));
  return entries.includes(RUNS_FILE) || entries.some((f) => f !== PLAN_FILE && f !== SWEEP_FILE);
}
