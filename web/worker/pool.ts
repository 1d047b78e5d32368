import { browserWorkerHandle } from '../../src/worker/browserAdapter.ts';
import { type Job, WorkerPool } from '../../src/worker/pool.ts';
import type { RunApi } from './protocol.ts';

/**
 * The page's pool of module workers running whole runs (the comparison and the strength
 * landscape): the library's one worker pool (src/worker/pool.ts) with its browser adapter, each
 * worker running web/worker/run.worker.ts. Size: the machine's cores, at least 2.
 */
export class RunPool {
  private readonly pool: WorkerPool<RunApi>;

  constructor(size = Math.max(2, navigator.hardwareConcurrency || 2)) {
    this.pool = new WorkerPool<RunApi>({
      size,
      spawn: () =>
        browserWorkerHandle<RunApi>(
          new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module' }),
        ),
    });
  }

  get size(): number {
    return this.pool.size;
  }

  /** Runs `job` on a free worker (queued until one is free). */
  run<T>(job: Job<T, RunApi>): Promise<T> {
    return this.pool.call(job);
  }

  /** Drops queued jobs (running ones finish; their results are ignored by the caller). */
  clear(): void {
    this.pool.clear();
  }
}
