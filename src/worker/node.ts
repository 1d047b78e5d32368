/**
 * Batch workers on Node `worker_threads`, driven through comlink's Node adapter. The worker entry
 * is a prebuilt bundle when one can be made (fast start-up, see bundle.ts), otherwise a small .mjs
 * boot file that registers tsx (Node 20 ignores loader hooks for a worker's entry; stack.md).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { WorkerApi } from './api.ts';
import { workerBundle } from './bundle.ts';
import { type WorkerHandle, WorkerPool } from './pool.ts';

/** How the worker code is loaded: `bundle` (built once with esbuild and cached) or `tsx`. */
export type EntryKind = 'bundle' | 'tsx';

export interface WorkerEntry {
  url: URL;
  kind: EntryKind;
}

const BOOT = new URL('./boot.mjs', import.meta.url);

/**
 * The worker entry to use. `WUSHE_WORKER=tsx` forces the tsx boot file; otherwise the cached
 * bundle, rebuilt when a source file changed, and the boot file if no bundle can be made.
 */
export async function workerEntry(): Promise<WorkerEntry> {
  if (process.env.WUSHE_WORKER === 'tsx') return { url: BOOT, kind: 'tsx' };
  const bundle = await workerBundle(new URL('./node-entry.ts', import.meta.url));
  return bundle ? { url: bundle, kind: 'bundle' } : { url: BOOT, kind: 'tsx' };
}

/** Starts one worker thread and wraps it with comlink. */
export function spawnNodeWorker(entry: URL): WorkerHandle {
  const worker = new Worker(entry);
  const api = wrap<WorkerApi>(nodeEndpoint(worker));
  let fail: (e: Error) => void = () => {};
  const dead = new Promise<never>((_, reject) => {
    fail = reject;
  });
  dead.catch(() => {});
  worker.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
  worker.on('exit', (code) => fail(new Error(`worker exited with code ${code}`)));
  return {
    api,
    dead,
    terminate: async () => {
      await worker.terminate();
    },
  };
}

/** Number of workers to use by default: every core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** A pool of `size` Node worker threads (started at once, so they load while the caller prepares). */
export async function createNodePool(
  size: number,
  entry?: WorkerEntry,
): Promise<WorkerPool & { entry: WorkerEntry }> {
  const e = entry ?? (await workerEntry());
  const pool = new WorkerPool({ size, spawn: () => spawnNodeWorker(e.url) });
  return Object.assign(pool, { entry: e });
}
