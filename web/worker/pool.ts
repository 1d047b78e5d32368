import * as Comlink from 'comlink';
import type { RunApi } from './protocol.ts';

type Job<T> = (api: Comlink.Remote<RunApi>) => Promise<T>;

/**
 * A pool of module workers running whole runs (the comparison and the strength landscape), one job
 * per worker at a time. Size: the machine's cores, at least 2.
 */
export class RunPool {
  private readonly idle: Comlink.Remote<RunApi>[] = [];
  private readonly workers: Worker[] = [];
  private readonly queue: Array<() => void> = [];

  constructor(size = Math.max(2, navigator.hardwareConcurrency || 2)) {
    for (let k = 0; k < size; k++) {
      const worker = new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module' });
      this.workers.push(worker);
      this.idle.push(Comlink.wrap<RunApi>(worker));
    }
  }

  get size(): number {
    return this.workers.length;
  }

  run<T>(job: Job<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        const api = this.idle.pop()!;
        job(api)
          .then(resolve, reject)
          .finally(() => {
            this.idle.push(api);
            this.queue.shift()?.();
          });
      };
      if (this.idle.length > 0) start();
      else this.queue.push(start);
    });
  }

  /** Drops queued jobs (running ones finish; their results are ignored by the caller). */
  clear(): void {
    this.queue.length = 0;
  }
}
