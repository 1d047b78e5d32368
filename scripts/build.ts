/**
 * `npm run build` (also run by `prepare`, so `npm ci` leaves a working `npx wushe`): the library
 * as ES modules with .d.ts in dist/ (tsc, tsconfig.build.json), then the command line and worker
 * bundles (scripts/bundle.ts). The web app builds separately into dist/web (`npm run build:web`),
 * which this leaves alone.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCli, bundleWorker, ROOT } from './bundle.ts';

const dist = join(ROOT, 'dist');
const started = performance.now();

// a clean library build, keeping the web app's build
for (const entry of safeReaddir(dist))
  if (entry !== 'web') rmSync(join(dist, entry), { recursive: true, force: true });

const tsc = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (tsc.status !== 0) {
  process.stderr.write('build: tsc failed\n');
  process.exit(1);
}
rewriteDeclarationImports(dist);
await Promise.all([bundleCli(dist), bundleWorker(dist)]);
process.stdout.write(`built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

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
