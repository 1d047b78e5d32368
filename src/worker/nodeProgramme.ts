/**
 * A programme’s replicates on the Node worker pool (docs/programme.md, "Scale"). Each worker holds a
 * shard of the communities (round robin in community order, so shards are alike in size) and steps
 * them a week at a time; between weeks only the small coupling quantities cross (reports out,
 * adjustments in), and the district’s exchange runs here, in community order. The communities'
 * worlds never move, so memory is split between the workers; replicates run one after another, each
 * using every worker. The result is the same as `runProgrammeInProcess` with any number of workers.
 */

import {
  type ProgrammeResult,
  type ProgrammeRunOptions,
  replicateSeeds,
  summariseProgramme,
} from '../batch/programme.ts';
import { DistrictRun } from '../engine/district.ts';
import type { CommunityAdjustment, CommunityReport, ReplicateResult } from '../engine/districtTypes.ts';
import type { Programme } from '../model/programmeCommunities.ts';
import { createNodePool, defaultWorkers } from './node.ts';

export interface NodeProgrammeOptions extends ProgrammeRunOptions {
  /** Worker threads (default: every core; never more than there are communities). */
  workers?: number;
}

/** Runs a programme’s replicates on a pool of Node worker threads. */
export async function runProgramme(
  programme: Programme,
  options: NodeProgrammeOptions = {},
): Promise<ProgrammeResult> {
  const seeds = replicateSeeds(options.master ?? programme.seed, options.seeds ?? 10);
  const replicates = await runProgrammeReplicates(programme, seeds, options);
  return summariseProgramme(programme, replicates);
}

export interface ReplicatesOptions {
  /** Worker threads (default: every core; never more than there are communities). */
  workers?: number;
  /** Called after each community-week done, with the work done and the total (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Called as each replicate finishes, with its position in `seeds` (`wushe programme run --out` writes it). */
  onReplicate?: (index: number, result: ReplicateResult) => void;
}

/**
 * Runs one replicate per seed, one after another, each on every worker; returns them in the order
 * of `seeds`. `runProgramme` runs all of a programme's replicate seeds; `wushe programme run` runs
 * only those a shard or a resumed run still needs.
 */
export async function runProgrammeReplicates(
  programme: Programme,
  seeds: readonly number[],
  options: ReplicatesOptions = {},
): Promise<ReplicateResult[]> {
  const n = programme.members.length;
  const replicates: ReplicateResult[] = [];
  if (seeds.length === 0) return replicates;
  const size = Math.max(1, Math.min(options.workers ?? defaultWorkers(), n));
  const shards: number[][] = Array.from({ length: size }, () => []);
  for (let c = 0; c < n; c++) shards[c % size].push(c);
  const total = seeds.length * programme.weeks * n;
  let done = 0;
  const pool = await createNodePool(size);
  const key = programme.id;
  try {
    await Promise.all(shards.map((_, s) => pool.callOn(s, (api) => api.programmeLoad(key, programme))));
    for (const seed of seeds) {
      const run = new DistrictRun(programme, seed);
      const merge = (parts: CommunityReport[][]) => {
        const all: CommunityReport[] = new Array(n);
        for (const part of parts) for (const r of part) all[r.index] = r;
        return all;
      };
      let reports = merge(
        await Promise.all(shards.map((idx, s) => pool.callOn(s, (api) => api.programmeOpen(key, seed, idx)))),
      );
      run.begin(reports);
      for (let week = 0; week < programme.weeks; week++) {
        const adjustments = run.adjust(week, reports);
        const mine = (idx: number[]): CommunityAdjustment[] => idx.map((c) => adjustments[c]);
        reports = merge(
          await Promise.all(
            shards.map((idx, s) => pool.callOn(s, (api) => api.programmeStep(key, mine(idx)))),
          ),
        );
        run.settle(week, reports);
        done += n;
        options.onProgress?.(done, total);
      }
      const rows = (
        await Promise.all(shards.map((_, s) => pool.callOn(s, (api) => api.programmeRows(key))))
      ).flat();
      const result = run.result(rows);
      options.onReplicate?.(replicates.length, result);
      replicates.push(result);
    }
    return replicates;
  } finally {
    await pool.close();
  }
}
