/**
 * Vitest global setup: `npm run build`'s steps once, from the current sources, before any test file
 * runs (the library, dist/cli.js, dist/worker.js), and every worker pool pointed at that worker
 * (`WUSHE_WORKER_ENTRY`): test files share one build instead of each making its own.
 */
import { join } from 'node:path';
import { buildAll, DIST } from '../../scripts/build-steps.ts';

export default async function setup(): Promise<void> {
  await buildAll();
  process.env.WUSHE_WORKER_ENTRY = join(DIST, 'worker.js');
}
