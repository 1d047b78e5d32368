/**
 * One programme replicate in this thread (tests, the browser’s web worker): the district of
 * src/engine/district.ts with every community in one shard, and each community’s row summarised
 * by src/analysis/summary.ts. No Node API.
 */
import { CommunityShard, DistrictRun, type ReplicateResult, type WeekCallback } from '../engine/district.ts';
import type { Programme } from '../model/programmeCommunities.ts';
import { runSummary } from './summary.ts';

/**
 * One replicate of a programme in this thread: every community in one shard. `seed` is the
 * replicate’s seed (src/batch/programme.ts derives them from the programme’s seed). No Node API,
 * so the web app’s worker can call it.
 */
export function runProgrammeReplicate(
  programme: Programme,
  seed: number,
  onWeek?: WeekCallback,
  /** Called with the communities at the end of the horizon, before the result is made (e.g. a virtual survey). */
  onEnd?: (shard: CommunityShard) => void,
): ReplicateResult {
  const indices = programme.members.map((_, c) => c);
  const shard = new CommunityShard(programme, seed, indices);
  const run = new DistrictRun(programme, seed);
  let reports = shard.reports();
  run.begin(reports);
  for (let week = 0; week < programme.weeks; week++) {
    reports = shard.step(run.adjust(week, reports));
    run.settle(week, reports);
    onWeek?.(week + 1);
  }
  onEnd?.(shard);
  return run.result(shard.rows(programme, runSummary));
}
