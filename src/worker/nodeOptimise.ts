/**
 * The evaluations of `wushe programme optimise` on the Node worker pool: each evaluation (one
 * candidate programme on one replicate seed) runs whole in one worker (`programmeReplicate`),
 * every worker keeping two in flight, so a stage of a search fills every core. The metrics are
 * computed here with `replicateMetrics`, as in one thread.
 */
import { type ProgrammeMetrics, replicateMetrics } from '../analysis/programmeMetrics.ts';
import type { Programme } from '../model/programmeCommunities.ts';
import { createNodePool, defaultWorkers } from './node.ts';

export interface ReplicateJob {
  programme: Programme;
  seed: number;
}

export interface ReplicatePool {
  /** Runs the jobs; `onDone` as each one finishes (in completion order); resolves with the metrics in job order. */
  run(
    jobs: readonly ReplicateJob[],
    onDone?: (index: number, metrics: ProgrammeMetrics) => void,
  ): Promise<ProgrammeMetrics[]>;
  close(): Promise<void>;
}

/** A pool of `workers` threads (default every core) running whole programme replicates. */
export async function openReplicatePool(workers: number = defaultWorkers()): Promise<ReplicatePool> {
  const pool = await createNodePool(Math.max(1, workers));
  return {
    run: (jobs, onDone) =>
      Promise.all(
        jobs.map((job, index) =>
          pool
            .call((api) => api.programmeReplicate(job.programme, job.seed))
            .then((replicate) => {
              const m = replicateMetrics(replicate, job.programme.fundingWeeks);
              onDone?.(index, m);
              return m;
            }),
        ),
      ),
    close: () => pool.close(),
  };
}
