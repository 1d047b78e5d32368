/**
 * `npm run build` (also the `prepare` script, so that `npm ci` leaves a working `npx wushe`):
 * dist/ with the library (JavaScript and .d.ts), dist/cli.js and dist/worker.js. Steps in
 * scripts/build-steps.ts.
 */
import { buildAll } from './build-steps.ts';

const started = performance.now();
try {
  await buildAll();
  process.stdout.write(`wushe: built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
} catch (e) {
  process.stderr.write(`build: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
