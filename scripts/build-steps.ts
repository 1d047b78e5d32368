/**
 * The steps of `npm run build` (scripts/build.ts), also run once by the tests' global setup so that
 * every test file shares one fresh build: the library as ES modules with .d.ts in dist/ (tsc,
 * tsconfig.build.json), the command line bundle (dist/cli.js, each command's code in a chunk under
 * dist/cli-chunks/ loaded only when that command runs) and the Node batch worker (dist/worker.js).
 * Packages stay external: they are the package's `dependencies` and resolve from node_modules.
 * The web app builds separately into dist/web (`npm run build:web`), which this leaves alone.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');

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

/** Everything: a clean dist/ (but for dist/web), the library, the command line and the worker. */
export async function buildAll(): Promise<void> {
  for (const entry of safeReaddir(DIST)) if (entry !== 'web') rmSync(join(DIST, entry), { recursive: true });
  buildLibrary();
  await Promise.all([bundleCli(), bundleWorker()]);
}

/** dist/**.js and .d.ts from src/ (but src/cli) with tsc. */
export function buildLibrary(outDir = DIST): void {
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`);
  rewriteDeclarationImports(outDir);
}

/** dist/cli.js (executable, with the `#!/usr/bin/env node` line) and its chunks. */
export async function bundleCli(outdir = DIST): Promise<void> {
  rmSync(join(outdir, 'cli-chunks'), { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: { cli: join(ROOT, 'src/cli/main.ts') },
    outdir,
    splitting: true,
    chunkNames: 'cli-chunks/[name]-[hash]',
    banner: { js: '#!/usr/bin/env node' },
  });
  // executable, so that `npx wushe` in this folder (which runs the file itself) works
  chmodSync(join(outdir, 'cli.js'), 0o755);
}

/** dist/worker.js: the entry of a Node `worker_threads` batch worker, as one plain-JavaScript module. */
export async function bundleWorker(outdir = DIST): Promise<void> {
  await build({ ...common, entryPoints: { worker: join(ROOT, 'src/worker/node-entry.ts') }, outdir });
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * tsc rewrites `./x.ts` to `./x.js` in the JavaScript it emits but leaves declaration files as
 * written; a consumer's TypeScript (module nodenext) wants `.js` there too.
 */
function rewriteDeclarationImports(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    const fixed = text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]*?)\.ts\2/g, '$1$2$3.js$2');
    if (fixed !== text) writeFileSync(file, fixed);
  }
}
