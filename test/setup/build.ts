/**
 * Vitest global setup: `npm run build`'s steps once, from the current sources, before any test file
 * runs (the library, dist/cli.js, dist/worker.js), and every worker pool pointed at that worker
 * (`WUSHE_WORKER_ENTRY`): test files share one build instead of each making its own. When Chromium
 * is there, the web app is built at the same time into a temporary folder (`WUSHE_WEB_BUILD`) that
 * the browser test files serve, removed after the run.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll, DIST } from '../../scripts/build-steps.ts';
import { buildApp, chromiumAvailable } from '../web/harness.ts';

export default async function setup(): Promise<() => void> {
  const [, web] = await Promise.all([buildAll(), chromiumAvailable() ? buildApp() : undefined]);
  process.env.WUSHE_WORKER_ENTRY = join(DIST, 'worker.js');
  if (web) process.env.WUSHE_WEB_BUILD = web;
  return () => {
    if (web) rmSync(web, { recursive: true, force: true });
  };
}
