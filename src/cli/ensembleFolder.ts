/**
 * Reading an ensemble folder for `wushe discover`. Each kind of folder has a reader that says
 * whether a folder is of its kind and reads it into an `Ensemble` (src/batch/discover/ensemble.ts):
 * sweep folders (`wushe sweep --out`, `wushe merge --out`) and programme folders (`wushe programme
 * run --out`: communities.csv). Another kind of folder is one more reader in `READERS`.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Ensemble } from '../batch/discover/ensemble.ts';
import { PLAN_FILE, RUNS_FILE, SWEEP_FILE } from '../batch/sweepFolder.ts';
import { UsageError } from './errors.ts';
import { readText } from './io.ts';
import { readRunsFile, readSweepFolder } from './sweepFolder.ts';

export interface EnsembleReader {
  /** What the folder is, for messages (`a sweep folder`). */
  what: string;
  /** The files that mark a folder of this kind. */
  marks: readonly string[];
  /** Reads the folder (throws UsageError on bad content); `notes` collects warnings. */
  read(dir: string, notes: string[]): Promise<Ensemble>;
}

const sweepReader: EnsembleReader = {
  what: 'a sweep folder (wushe sweep --out)',
  marks: [PLAN_FILE, SWEEP_FILE],
  async read(dir, notes) {
    const { planFile, info } = readSweepFolder(dir);
    const factors = planFile.factors;
    if (typeof factors !== 'object' || factors === null || Array.isArray(factors))
      throw new UsageError(`${join(dir, PLAN_FILE)}: the plan has no factors`);
    const runsPath = join(dir, RUNS_FILE);
    if (!existsSync(runsPath)) throw new UsageError(`${dir}: no ${RUNS_FILE}: the sweep has not run yet`);
    const { records, torn } = readRunsFile(runsPath);
    if (torn) notes.push(`${runsPath}: the last line is cut off (a sweep that was killed); it is left out`);
    if (records.length < info.shardRuns)
      notes.push(
        `${dir}: ${records.length} of ${info.shardRuns} runs are done (finish it with wushe sweep --resume); discovering on those`,
      );
    if (info.shard)
      notes.push(`${dir}: shard ${info.shard.index}/${info.shard.count} only (wushe merge joins the shards)`);
    const { sweepEnsemble } = await import('../batch/discover/ensemble.ts');
    try {
      return sweepEnsemble(factors, records);
    } catch (e) {
      throw new UsageError(`${runsPath}: ${(e as Error).message}`);
    }
  },
};

const programmeReader: EnsembleReader = {
  what: 'a programme folder (wushe programme run --out)',
  marks: ['programme.json', 'communities.csv'],
  async read(dir) {
    const file = join(dir, 'communities.csv');
    const { programmeEnsemble } = await import('../batch/discover/programmeEnsemble.ts');
    try {
      return programmeEnsemble(readText(file));
    } catch (e) {
      throw new UsageError(`${file}: ${(e as Error).message}`);
    }
  },
};

/** The readers, tried in order. */
export const READERS: readonly EnsembleReader[] = [sweepReader, programmeReader];

/** Reads the ensemble in `dir` with the first reader whose files are there. */
export async function readEnsemble(dir: string, notes: string[]): Promise<Ensemble> {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new UsageError(`${dir}: no such folder`);
  }
  if (!isDir) throw new UsageError(`${dir}: not a folder (give the folder a sweep wrote)`);
  const reader = READERS.find((r) => r.marks.every((f) => existsSync(join(dir, f))));
  if (!reader)
    throw new UsageError(
      `${dir}: not an ensemble folder; expected ${READERS.map((r) => `${r.what}, with ${r.marks.join(' and ')}`).join('; or ')}`,
    );
  return reader.read(dir, notes);
}
