/**
 * Vitest global setup: builds the command line (dist/cli.js) and the Node worker (dist/worker.js)
 * once from the current sources, before any test file runs, and points every worker pool at that
 * worker (`WUSHE_WORKER_ENTRY`), so that test files share one build instead of each making its own.
 */
import { join } from 'node:path';
import { bundleCli, bundleWorker, ROOT } from '../../scripts/bundle.ts';

export default async function setup(): Promise<void> {
  const dist = join(ROOT, 'dist');
  await Promise.all([bundleCli(dist), bundleWorker(dist)]);
  process.env.WUSHE_WORKER_ENTRY = join(dist, 'worker.js');
}
