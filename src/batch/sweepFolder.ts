/**
 * The sweep folder format, shared by `wushe sweep`, `--resume` and `wushe merge`: which files a
 * folder holds, `sweep.json` (what the folder is to hold), and the text of `runs.jsonl` (one run
 * record per line). Pure: no Node or DOM API; reading and writing the files is the command line's
 * (src/cli/sweepFolder.ts).
 */
import { type JsonLinesText, parseJsonLines } from './jsonLines.ts';
import { parseRecord, type RunRecord, recordLine } from './records.ts';
import { type Shard, type Sweep, shardSize } from './sweep.ts';

/** One line per finished run; sorted by run when the sweep ends. */
export const RUNS_FILE = 'runs.jsonl';
/** The resolved plan (inline scenario, defaults filled), runnable again. */
export const PLAN_FILE = 'plan.json';
/** What the folder holds: {@link SweepInfo}. */
export const SWEEP_FILE = 'sweep.json';
/** Per design point: mean, sd and 95% CI of each metric, share of each mode. */
export const SUMMARY_FILE = 'summary.csv';
/** Morris elementary effects (μ*, μ, σ), for a complete Morris sweep. */
export const SENSITIVITY_FILE = 'sensitivity.csv';
/** Every file a sweep folder can hold. */
export const SWEEP_FILES = [PLAN_FILE, SWEEP_FILE, RUNS_FILE, SUMMARY_FILE, SENSITIVITY_FILE] as const;

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

const whole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The shape `sweepInfo` writes: checked before a folder is resumed or merged. */
export function isSweepInfo(v: unknown): v is SweepInfo {
  if (typeof v !== 'object' || v === null) return false;
  const i = v as Record<string, unknown>;
  const shard = i.shard as Record<string, unknown> | null;
  const shardOk =
    shard === null ||
    (typeof shard === 'object' && whole(shard.index) && whole(shard.count) && shard.index < shard.count);
  return i.format === 1 && whole(i.points) && whole(i.runs) && whole(i.shardRuns) && shardOk;
}

/** A JSON file of the folder (plan.json, sweep.json): indented, ending with a newline. */
export function jsonFileText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The text of runs.jsonl, read (jsonLines.ts). */
export type RunsText = JsonLinesText<RunRecord>;

/** Reads the text of runs.jsonl: run records, each run once. */
export function parseRunsText(text: string): RunsText {
  return parseJsonLines(text, parseRecord, (r) => r.run);
}

/** The text of runs.jsonl with the records sorted by run. */
export function runsText(records: readonly RunRecord[]): string {
  return [...records]
    .sort((a, b) => a.run - b.run)
    .map((r) => `${recordLine(r)}\n`)
    .join('');
}
