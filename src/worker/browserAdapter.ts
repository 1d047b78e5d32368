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
import type { RemoteApi, WorkerHandle } from './pool.ts';

/**
 * What the adapter needs of a browser `Worker` (a `Worker` fits), typed without the DOM library so
 * that the package's declarations compile without it.
 */
export interface BrowserWorker {
  postMessage(message: unknown): void;
  addEventListener(type: string, listener: (event: { message?: unknown; data?: unknown }) => void): void;
  removeEventListener(type: string, listener: (event: { message?: unknown; data?: unknown }) => void): void;
  terminate(): void;
}

/**
 * A pool handle for a browser worker: its API (`A`, the worker API or one that extends it) through
 * comlink; `dead` rejects on the worker's `error` event.
 */
export function browserWorkerHandle<A extends WorkerApi = WorkerApi>(worker: BrowserWorker): WorkerHandle<A> {
  // comlink's Endpoint and Remote<A> are these shapes in DOM types
  const api = wrap<A>(worker as unknown as Endpoint) as unknown as RemoteApi<A>;
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
