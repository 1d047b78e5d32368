/**
 * The browser adapter of the worker pool: wraps a module worker that exposes `workerApi` (the web
 * app's web/worker/run.worker.ts) as a pool handle. The caller creates the worker, so this file
 * uses no DOM API itself:
 *
 * ```ts
 * const pool = new WorkerPool({
 *   size: navigator.hardwareConcurrency,
 *   spawn: () => browserWorkerHandle(new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module' })),
 * });
 * ```
 */
import { type Endpoint, wrap } from 'comlink';
import type { WorkerApi } from './api.ts';
import type { WorkerHandle } from './pool.ts';

/** What the adapter needs of a browser `Worker`. */
export interface BrowserWorker extends Endpoint {
  terminate(): void;
}

/**
 * A pool handle for a browser worker: its API (`A`, the worker API or one that extends it) through
 * comlink; `dead` rejects on the worker's `error` event.
 */
export function browserWorkerHandle<A extends WorkerApi = WorkerApi>(worker: BrowserWorker): WorkerHandle<A> {
  const api = wrap<A>(worker);
  let fail: (e: Error) => void = () => {};
  const dead = new Promise<never>((_, reject) => {
    fail = reject;
  });
  dead.catch(() => {});
  worker.addEventListener('error', (e) => {
    const message = (e as { message?: unknown }).message;
    fail(new Error(typeof message === 'string' && message ? message : 'the worker failed'));
  });
  return { api, dead, terminate: () => worker.terminate() };
}
