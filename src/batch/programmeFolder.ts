/**
 * The folder of `wushe programme run --out DIR` (and of its shards, and of `wushe programme
 * merge`): which files it holds, `run.json` (what the folder is to hold) and the text of
 * `replicates.jsonl` (one finished replicate per line, written as replicates finish, so a run that
 * is stopped keeps them and `--resume` runs only the rest). Replicates are dealt to shards round
 * robin by their index (replicate r belongs to shard r mod n), like the runs of a sweep; a
 * replicate's communities are coupled every week and are never split between shards.
 * Pure: no Node or DOM API; reading and writing the files is the command line's
 * (src/cli/programmeFolder.ts).
 */
import type { ReplicateResult } from '../engine/districtTypes.ts';
import { type JsonLinesText, parseJsonLines } from './jsonLines.ts';
import { type Shard, shardSize } from './sweep.ts';

/** The programme as run (the file with `--set` applied), as `programme run --out` always wrote it. */
export const PROGRAMME_FILE = 'programme.json';
/** What the folder holds: {@link ProgrammeRunInfo}. */
export const RUN_FILE = 'run.json';
/** One line per finished replicate; sorted by replicate when the run ends. */
export const REPLICATES_FILE = 'replicates.jsonl';
/** The outputs of a complete run, written from the replicates in `replicates.jsonl`. */
export const SUMMARY_FILE = 'summary.json';
export const COMMUNITIES_FILE = 'communities.csv';
export const DISTRICT_FILE = 'district.csv';
/** Every file a programme run folder can hold. */
export const PROGRAMME_RUN_FILES = [
  PROGRAMME_FILE,
  RUN_FILE,
  REPLICATES_FILE,
  SUMMARY_FILE,
  COMMUNITIES_FILE,
  DISTRICT_FILE,
] as const;

/** `run.json`: what a folder holds (no timing or host fields, so equal runs give equal files). */
export interface ProgrammeRunInfo {
  format: 1;
  /** The programme's id. */
  programme: string;
  /**
   * A digest of the programme as resolved (the file with `--set` applied and every community's
   * scenario): shards of one run have the same, so shards of different programmes (or of a
   * community file edited between them) are not merged.
   */
  fingerprint: string;
  /** The master seed the replicate seeds derive from (the programme's `seed`). */
  master: number;
  /** Number of replicate seeds of the whole run (`--seeds`). */
  seeds: number;
  shard: Shard | null;
  /** Replicates this folder is to hold (all, or the shard's share). */
  shardReplicates: number;
}

export function programmeRunInfo(
  facts: { programme: string; fingerprint: string; master: number; seeds: number },
  shard: Shard | undefined,
): ProgrammeRunInfo {
  return {
    format: 1,
    programme: facts.programme,
    fingerprint: facts.fingerprint,
    master: facts.master,
    seeds: facts.seeds,
    shard: shard ?? null,
    shardReplicates: shardSize(facts.seeds, shard),
  };
}

const whole = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The shape `programmeRunInfo` writes: checked before a folder is resumed or merged. */
export function isProgrammeRunInfo(v: unknown): v is ProgrammeRunInfo {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const i = v as Record<string, unknown>;
  const shard = i.shard as Record<string, unknown> | null;
  const shardOk =
    shard === null ||
    (typeof shard === 'object' && whole(shard.index) && whole(shard.count) && shard.index < shard.count);
  return (
    i.format === 1 &&
    typeof i.programme === 'string' &&
    typeof i.fingerprint === 'string' &&
    whole(i.master) &&
    whole(i.seeds) &&
    i.seeds > 0 &&
    whole(i.shardReplicates) &&
    shardOk
  );
}

/** A finished replicate: its index among the run's replicate seeds, and its result. */
export interface ReplicateRecord {
  replicate: number;
  result: ReplicateResult;
}

/**
 * Numbers JSON cannot hold (NaN, ±Infinity, −0) are written as `{"$number": "NaN"}` and read back,
 * so a replicate read from the file is the replicate that was run, to the last bit.
 */
const NUMBER_TAG = '$number';

function encode(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)))
    return { [NUMBER_TAG]: Object.is(value, -0) ? '-0' : String(value) };
  return value;
}

function decode(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === NUMBER_TAG) {
      const text = (value as Record<string, unknown>)[NUMBER_TAG];
      if (text === 'NaN' || text === 'Infinity' || text === '-Infinity' || text === '-0') return Number(text);
    }
  }
  return value;
}

/** One line of `replicates.jsonl`, without the newline. */
export function replicateLine(r: ReplicateRecord): string {
  return JSON.stringify({ replicate: r.replicate, ...r.result }, encode);
}

/** Parses a line of `replicates.jsonl`; undefined when it is not a replicate record. */
export function parseReplicateLine(line: string): ReplicateRecord | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line, decode);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const { replicate, ...result } = v as Record<string, unknown>;
  if (!whole(replicate) || !whole(result.seed) || !Array.isArray(result.rows)) return undefined;
  const isObject = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isObject(result.ledger) || !isObject(result.series)) return undefined;
  return { replicate, result: result as unknown as ReplicateResult };
}

/** The text of replicates.jsonl, read (jsonLines.ts). */
export type ReplicatesText = JsonLinesText<ReplicateRecord>;

/** Reads the text of replicates.jsonl: replicate records, each replicate once. */
export function parseReplicatesText(text: string): ReplicatesText {
  return parseJsonLines(text, parseReplicateLine, (r) => r.replicate);
}

/** Records sorted by replicate. */
export function sortedReplicates(records: readonly ReplicateRecord[]): ReplicateRecord[] {
  return [...records].sort((a, b) => a.replicate - b.replicate);
}

/** The text of replicates.jsonl with the records sorted by replicate. */
export function replicatesText(records: readonly ReplicateRecord[]): string {
  return sortedReplicates(records)
    .map((r) => `${replicateLine(r)}\n`)
    .join('');
}
