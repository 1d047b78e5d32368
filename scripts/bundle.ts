/**
 * The two esbuild bundles of `npm run build`: the command line (dist/cli.js, each command's code in
 * a chunk under dist/cli-chunks/ loaded only when that command runs) and the Node batch worker
 * (dist/worker.js). Packages stay external: they are the package's `dependencies` and resolve from
 * node_modules at run time. The test suite's global setup calls these too, so every test file
 * shares one fresh build instead of building its own.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  absWorkingDir: ROOT,
  legalComments: 'none',
} as const;

/** dist/cli.js (executable, with the `#!/usr/bin/env node` line) and its chunks. */
export async function bundleCli(outdir = join(ROOT, 'dist')): Promise<void> {
  rmSync(join(outdir, 'cli-chunks'), { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: { cli: join(ROOT, 'src/cli/main.ts') },
    outdir,
    splitting: true,
    chunkNames: 'cli-chunks/[name]-[hash]',
    banner: { js: '#!/usr/bin/env node' },
  });
}

/** dist/worker.js: the entry of a Node `worker_threads` batch worker, as one plain-JavaScript module. */
export async function bundleWorker(outdir = join(ROOT, 'dist')): Promise<void> {
  await build({ ...common, entryPoints: { worker: join(ROOT, 'src/worker/node-entry.ts') }, outdir });
}
