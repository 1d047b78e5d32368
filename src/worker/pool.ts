/**
 * The one pool of workers, driven through comlink, for every worker that exposes `workerApi`: Node
 * worker threads (the Node adapter, node.ts) and browser module workers (the browser adapter,
 * browserAdapter.ts); the caller supplies `spawn`. Two ways in: `run` streams many run tasks
 * (sweeps, the landscape on the command line), `call` queues single jobs that return what they
 * like (the web app's comparison and landscape). Each worker keeps `depth` calls in flight, so it
 * never waits for the next task; a worker that dies fails its in-flight work and is replaced.
 */
import type { RunOutcome, RunTask } from '../batch/task.ts';
import type { WorkerApi } from './api.ts';

/**
 * A worker's API as the pool sees it: each method returns a promise of its result. The shape of
 * comlink's `Remote` for an API of plain methods, declared here so that the package's types need
 * no DOM library (comlink's own declarations do).
 */
export type RemoteApi<A> = {
  [K in keyof A]: A[K] extends (...args: infer P) => infer R ? (...args: P) => Promise<Awaited<R>> : never;
};

/** One worker of a pool; `A` is its API (the worker API, or one that extends it). */
export interface WorkerHandle<A extends WorkerApi = WorkerApi> {
  api: RemoteApi<A>;
  /** Rejects when the worker dies (crash, exit); never resolves. */
  dead: Promise<never>;
  terminate(): Promise<void> | void;
}

export interface PoolOptions<A extends WorkerApi = WorkerApi> {
  size: number;
  spawn: () => WorkerHandle<A>;
  /** Calls in flight per worker (default 2). */
  depth?: number;
}

/** A job for `WorkerPool.call`: any calls on one worker's API. */
export type Job<T, A extends WorkerApi = WorkerApi> = (api: RemoteApi<A>) => Promise<T>;

interface Queued<A extends WorkerApi> {
  job: Job<unknown, A>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The worker API part of a handle's API (TypeScript cannot see it through `RemoteApi<A>` of a generic `A`). */
function base<A extends WorkerApi>(handle: WorkerHandle<A>): RemoteApi<WorkerApi> {
  return handle.api as unknown as RemoteApi<WorkerApi>;
}

export class WorkerPool<A extends WorkerApi = WorkerApi> {
  private readonly handles: WorkerHandle<A>[];
  private readonly depth: number;
  /** Handles whose worker has died. */
  private readonly dead = new WeakSet<WorkerHandle<A>>();
  /** `call` jobs in flight per worker, and those waiting. */
  private readonly load: number[];
  private readonly queue: Queued<A>[] = [];
  private stopped = false;
  private closed = false;

  constructor(private readonly options: PoolOptions<A>) {
    if (!(options.size >= 1)) throw new RangeError('a pool needs at least one worker');
    this.depth = Math.max(1, options.depth ?? 2);
    this.handles = Array.from({ length: options.size }, () => this.spawn());
    this.load = this.handles.map(() => 0);
  }

  private spawn(): WorkerHandle<A> {
    const handle = this.options.spawn();
    handle.dead.catch(() => this.dead.add(handle));
    return handle;
  }

  /** Replaces the worker in `slot` if it is still `handle`. */
  private replace(slot: number, handle: WorkerHandle<A>): void {
    if (this.handles[slot] !== handle || this.closed) return;
    void handle.terminate();
    this.handles[slot] = this.spawn();
  }

  get size(): number {
    return this.handles.length;
  }

  /** Resolves when every worker has loaded its modules; returns when each answered (ms since the epoch). */
  ready(): Promise<number[]> {
    return Promise.all(this.handles.map((h) => Promise.race([base(h).ping(), h.dead])));
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
          outcome = await Promise.race([base(handle).run(task), handle.dead]);
        } catch (e) {
          if (this.closed) return;
          outcome = { id: task.id, error: `worker stopped: ${(e as Error)?.message ?? e}`, startedAt: 0 };
          this.replace(slot, handle);
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

  /**
   * Runs `job` on the least busy worker when one has room, after the jobs queued before it. A job
   * that throws rejects with its error; one whose worker dies rejects with the worker's error
   * (and the worker is replaced).
   */
  call<T>(job: Job<T, A>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the pool is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ job, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /**
   * Runs `job` on the worker in `slot` (0 … size − 1), whatever else it is doing: for work that keeps
   * state in one worker between calls (a programme's shard of communities). Rejects if the worker dies.
   */
  callOn<T>(slot: number, job: Job<T, A>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the pool is closed'));
    const handle = this.handles[slot];
    if (!handle) return Promise.reject(new RangeError(`no worker in slot ${slot}`));
    return Promise.race([job(handle.api), handle.dead]);
  }

  /** Drops the queued `call` jobs (their promises never settle); jobs in flight finish. */
  clear(): void {
    this.queue.length = 0;
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = -1;
      for (let k = 0; k < this.handles.length; k++)
        if (this.load[k] < this.depth && (slot < 0 || this.load[k] < this.load[slot])) slot = k;
      if (slot < 0) return;
      const { job, resolve, reject } = this.queue.shift()!;
      const handle = this.handles[slot];
      this.load[slot]++;
      // the slot is free again before the caller hears back, so its next call can start at once
      const free = () => {
        this.load[slot]--;
        this.pump();
      };
      Promise.race([new Promise((run) => run(job(handle.api))), handle.dead]).then(
        (value) => {
          free();
          resolve(value);
        },
        (e) => {
          if (this.dead.has(handle)) this.replace(slot, handle);
          free();
          reject(e);
        },
      );
    }
  }

  /** Takes no more tasks; runs in flight still finish. */
  stop(): void {
    this.stopped = true;
  }

  /** Ends every worker at once (results of runs in flight are dropped). */
  async close(): Promise<void> {
    this.closed = true;
    this.stopped = true;
    this.queue.length = 0;
    await Promise.all(this.handles.map((h) => h.terminate()));
  }
}
