import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/setup/sequencer.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * One file for the web app's build (root `web/`, static output in `dist/web/` with relative paths so it
 * works from any static host, offline) and for the tests (run from the project folder).
 */
export default defineConfig({
  root: `${here}web`,
  base: './',
  publicDir: false,
  build: {
    outDir: `${here}dist/web`,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    root: here,
    include: ['test/**/*.test.ts'],
    // one build of the command line and the worker, shared by every test file
    globalSetup: ['test/setup/build.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // test files share their worker's loaded modules instead of loading src/ afresh for each file
    // (about a third of the suite's CPU time went into loading modules); a file that swaps a module
    // for a stand-in (test/cli/wiring.test.ts) reloads its modules and undoes the swap afterwards
    isolate: false,
    // one more test file than cores (Vitest's default leaves one core idle: a single worker on a
    // 2-core machine): many test files spend part of their time waiting for child processes, the
    // browser or Slurm, and a third file keeps both cores busy meanwhile (on 2 cores, files that took
    // 50 s with 2 workers took 46 s with 3)
    maxWorkers: availableParallelism() + 1,
    // longest files first, also in a fresh checkout (test/setup/sequencer.ts)
    sequence: { sequencer: LongestFirst },
  },
});
