/**
 * The sweep folder format, shared by `wushe sweep`, `--resume` and `wushe merge`: which files a
 * folder holds, `sweep.json` (what the folder is to hold), and the text of `runs.jsonl` (one run
 * record per line). Pure: no Node or DOM API; reading and writing the files is the command line's
 * (src/cli/sweepFolder.ts).
 */
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

export interface RunsText {
  /** Records in file order, each run once (first line kept). */
  records: RunRecord[];
  /** Whether the last line lacks its newline (a write cut off by a kill): it is not a record. */
  torn: boolean;
  /** Length of the text up to its last complete line (where a torn file is cut back to). */
  complete: number;
  /** Lines repeating a run already read. */
  duplicates: number;
  /** 1-based number of the first complete line that is not a run record, if any. */
  badLine?: number;
}

/** Reads the text of runs.jsonl. */
export function parseRunsText(text: string): RunsText {
  const complete = text.lastIndexOf('\n') + 1;
  const torn = complete < text.length;
  const seen = new Set<number>();
  const records: RunRecord[] = [];
  let duplicates = 0;
  const lines = text.slice(0, complete).split('\n');
  lines.pop();
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const r = parseRecord(line);
    if (!r) return { records, torn, complete, duplicates, badLine: i + 1 };
    if (seen.has(r.run)) {
      duplicates++;
      continue;
    }
    seen.add(r.run);
    records.push(r);
  }
  return { records, torn, complete, duplicates };
}

/** The text of runs.jsonl with the records sorted by run. */
export function runsText(records: readonly RunRecord[]): string {
  return [...records]
    .sort((a, b) => a.run - b.run)
    .map((r) => `${recordLine(r)}\n`)
    .join('');
}
