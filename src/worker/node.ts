/**
 * Batch workers on Node `worker_threads`, driven through comlink's Node adapter: the Node adapter
 * of the one worker pool (pool.ts). The worker entry is dist/worker.js, plain JavaScript built by
 * `npm run build`; when this module runs from the TypeScript sources (development, tests without a
 * build) a small .mjs boot file registers tsx instead (Node 20 ignores loader hooks for a worker's
 * entry).
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { WorkerApi } from './api.ts';
import { type WorkerHandle, WorkerPool } from './pool.ts';

/** How the worker code is loaded: `built` (plain JavaScript, dist/worker.js) or `tsx` (the sources). */
export type EntryKind = 'built' | 'tsx';

export interface WorkerEntry {
  url: URL;
  kind: EntryKind;
}

/** The folder of the wushe package this module belongs to (sources, dist/ or a bundle chunk). */
function packageRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      if (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name === 'wushe') return dir;
    } catch {}
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * The worker entry to use: `WUSHE_WORKER_ENTRY` (a built worker file; the tests' shared build),
 * else the package's dist/worker.js, or, when this module runs from the TypeScript sources, the
 * tsx boot file.
 */
export function workerEntry(): WorkerEntry {
  const given = process.env.WUSHE_WORKER_ENTRY;
  if (given) return { url: pathToFileURL(given), kind: 'built' };
  if (import.meta.url.endsWith('.ts')) return { url: new URL('./boot.mjs', import.meta.url), kind: 'tsx' };
  const root = packageRoot();
  const built = root && join(root, 'dist', 'worker.js');
  if (!built || !existsSync(built))
    throw new Error('wushe: dist/worker.js is missing; run `npm run build` in the wushe folder');
  return { url: pathToFileURL(built), kind: 'built' };
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

/**
 * A pool of `size` Node worker threads (started at once, so they load while the caller prepares).
 * Close it with `pool.close()` when done, or the threads keep the process alive.
 */
export async function createNodePool(
  size: number = defaultWorkers(),
  entry: WorkerEntry = workerEntry(),
): Promise<WorkerPool & { entry: WorkerEntry }> {
  const pool = new WorkerPool({ size, spawn: () => spawnNodeWorker(entry.url) });
  return Object.assign(pool, { entry });
}
