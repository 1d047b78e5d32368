/**
 * A pool of batch workers driven through comlink. Works with any worker that exposes `workerApi`
 * (Node worker_threads through node.ts, or browser workers): the caller supplies `spawn`.
 * Each worker keeps `depth` calls in flight, so it never waits for the next task; a worker that
 * dies fails its in-flight tasks (recorded as errors) and is replaced.
 */
import type { Remote } from 'comlink';
import type { RunOutcome, RunTask, WorkerApi } from './api.ts';

export interface WorkerHandle {
  api: Remote<WorkerApi>;
  /** Rejects when the worker dies (crash, exit); never resolves. */
  dead: Promise<never>;
  terminate(): Promise<void> | void;
}

export interface PoolOptions {
  size: number;
  spawn: () => WorkerHandle;
  /** Calls in flight per worker (default 2). */
  depth?: number;
}

export class WorkerPool {
  private readonly handles: WorkerHandle[];
  private readonly depth: number;
  private stopped = false;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    if (!(options.size >= 1)) throw new RangeError('a pool needs at least one worker');
    this.depth = Math.max(1, options.depth ?? 2);
    this.handles = Array.from({ length: options.size }, () => options.spawn());
  }

  get size(): number {
    return this.handles.length;
  }

  /** Resolves when every worker has loaded its modules; returns when each answered (ms since the epoch). */
  ready(): Promise<number[]> {
    return Promise.all(this.handles.map((h) => Promise.race([h.api.ping(), h.dead])));
  }

  /**
   * Runs every task the iterator yields (it is read lazily, one task at a time) and calls
   * `onOutcome` as each finishes, in completion order. Resolves when all are done or `stop()` was
   * called and the runs in flight have finished.
   */
  async run(tasks: Iterable<RunTask>, onOutcome: (o: RunOutcome) => void): Promise<void> {
    if (this.closed) throw new Error('the pool is closed');
    const it = tasks[Symbol.iterator]();
    let exhausted = false;
    const next = (): RunTask | undefined => {
      if (exhausted || this.stopped) return undefined;
      const r = it.next();
      if (r.done) {
        exhausted = true;
        return undefined;
      }
      return r.value;
    };
    const lane = async (slot: number) => {
      for (let task = next(); task !== undefined; task = next()) {
        const handle = this.handles[slot];
        let outcome: RunOutcome;
        try {
          outcome = await Promise.race([handle.api.run(task), handle.dead]);
        } catch (e) {
          if (this.closed) return;
          outcome = { id: task.id, error: `worker stopped: ${(e as Error)?.message ?? e}`, startedAt: 0 };
          if (this.handles[slot] === handle) {
            void handle.terminate();
            this.handles[slot] = this.options.spawn();
          }
        }
        if (this.closed) return;
        onOutcome(outcome);
      }
    };
    const lanes: Promise<void>[] = [];
    for (let slot = 0; slot < this.handles.length; slot++)
      for (let d = 0; d < this.depth; d++) lanes.push(lane(slot));
    await Promise.all(lanes);
  }

  /** Takes no more tasks; runs in flight still finish. */
  stop(): void {
    this.stopped = true;
  }

  /** Ends every worker at once (results of runs in flight are dropped). */
  async close(): Promise<void> {
    this.closed = true;
    this.stopped = true;
    await Promise.all(this.handles.map((h) => h.terminate()));
  }
}
