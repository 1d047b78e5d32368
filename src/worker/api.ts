/**
 * What a worker does: run batch tasks (src/batch/task.ts) and programme shards, and return their
 * results. Pure: no Node or DOM API, so the same object is exposed through comlink in a Node
 * `worker_threads` worker (node-entry.ts) and in the web app's module workers
 * (web/worker/run.worker.ts, which adds a summary of a scenario file). No validation here, so the
 * worker does not load zod.
 */

import { runProgrammeReplicate } from '../analysis/programmeReplicate.ts';
import { runScenario, runSummary } from '../analysis/summary.ts';
import { type RunMetrics, runMetrics } from '../batch/metrics.ts';
import { now, runTask } from '../batch/task.ts';
import { CommunityShard, type ReplicateResult, type ShardRow } from '../engine/district.ts';
import type { CommunityAdjustment, CommunityReport } from '../engine/districtTypes.ts';
import type { Programme } from '../model/programmeCommunities.ts';
import type { Scenario } from '../model/scenario.ts';

/** Programmes loaded into this worker, and the shards of communities it holds (src/worker/nodeProgramme.ts). */
const programmes = new Map<string, Programme>();
const shards = new Map<string, CommunityShard>();

export const workerApi = {
  run: runTask,
  /** The flat metrics of a validated scenario's run. */
  metrics(scenario: Scenario): RunMetrics {
    return runMetrics(runScenario(scenario).summary);
  },
  /** A whole programme replicate in this worker (the web app parallelises over replicates this way). */
  programmeReplicate(programme: Programme, seed: number): ReplicateResult {
    return runProgrammeReplicate(programme, seed);
  },
  /** Keeps a resolved programme under `key` for the shards that follow. */
  programmeLoad(key: string, programme: Programme): void {
    programmes.set(key, programme);
  },
  /** Opens a shard of the programme's communities for the replicate `seed`; returns their week-0 reports. */
  programmeOpen(key: string, seed: number, indices: number[]): CommunityReport[] {
    const programme = programmes.get(key);
    if (!programme) throw new Error(`programme ${key} is not loaded in this worker`);
    const shard = new CommunityShard(programme, seed, indices);
    shards.set(key, shard);
    return shard.reports();
  },
  /** Applies the adjustments (one per community of the shard, in its order), runs a week, reports. */
  programmeStep(key: string, adjustments: CommunityAdjustment[]): CommunityReport[] {
    const shard = shards.get(key);
    if (!shard) throw new Error(`no open shard ${key} in this worker`);
    return shard.step(adjustments);
  },
  /** The shard's community rows at the end of the replicate; the shard is closed. */
  programmeRows(key: string): ShardRow[] {
    const shard = shards.get(key);
    if (!shard) throw new Error(`no open shard ${key} in this worker`);
    shards.delete(key);
    return shard.rows(shard.programme, runSummary);
  },
  /** Forgets a programme and its shard. */
  programmeUnload(key: string): void {
    programmes.delete(key);
    shards.delete(key);
  },
  /** Answers once the worker's modules are loaded (for start-up measurements). */
  ping(): number {
    return now();
  },
};

export type WorkerApi = typeof workerApi;
