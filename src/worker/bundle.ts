/**
 * The Node worker as one prebuilt ES module, so that a worker starts in tens of milliseconds
 * instead of registering tsx and compiling the sources itself. Built with esbuild (which tsx
 * already brings) on first use and cached in node_modules/.cache/wushe (or WUSHE_CACHE_DIR); a
 * manifest of the inputs' sizes and modification times tells when to rebuild. Returns undefined
 * when no bundle can be made, and the caller falls back to the tsx boot file.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Manifest {
  format: 1;
  entry: string;
  esbuild: string;
  output: string;
  /** Absolute input path → [size, mtimeMs]. */
  inputs: Record<string, [number, number]>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function cacheDir(): string {
  return process.env.WUSHE_CACHE_DIR ?? join(ROOT, 'node_modules', '.cache', 'wushe');
}

function fingerprint(file: string): [number, number] | undefined {
  try {
    const st = statSync(file);
    return [st.size, st.mtimeMs];
  } catch {
    return undefined;
  }
}

function readManifest(file: string): Manifest | undefined {
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    return m.format === 1 ? m : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a manifest still describes the sources on disk. */
function fresh(m: Manifest, entry: string, dir: string): boolean {
  if (m.entry !== entry || !fingerprint(join(dir, m.output))) return false;
  for (const [file, [size, mtime]] of Object.entries(m.inputs)) {
    const f = fingerprint(file);
    if (!f || f[0] !== size || f[1] !== mtime) return false;
  }
  return true;
}

/** Writes a file atomically (temporary name, then rename), so concurrent builders never see half a file. */
function writeAtomic(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** The bundle of `entry` (a .ts module URL), built if missing or stale; undefined if it cannot be built. */
export async function workerBundle(entryUrl: URL): Promise<URL | undefined> {
  const entry = fileURLToPath(entryUrl);
  const dir = cacheDir();
  const name = `worker-${createHash('sha256').update(entry).digest('hex').slice(0, 8)}`;
  const manifestFile = join(dir, `${name}.json`);
  const m = readManifest(manifestFile);
  if (m && fresh(m, entry, dir)) return pathToFileURL(join(dir, m.output));
  try {
    return await build(entry, dir, name, manifestFile);
  } catch (e) {
    if (process.env.WUSHE_DEBUG === '1')
      process.stderr.write(`wushe: no worker bundle (${(e as Error).message}); using tsx\n`);
    return undefined;
  }
}

async function build(entry: string, dir: string, name: string, manifestFile: string): Promise<URL> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    // CommonJS dependencies (seedrandom) may require Node built-ins
    banner: {
      js: "import { createRequire as __wusheCreateRequire } from 'node:module'; const require = __wusheCreateRequire(import.meta.url);",
    },
  });
  const code = result.outputFiles[0].text;
  const inputs: Record<string, [number, number]> = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = isAbsolute(input) ? input : resolve(ROOT, input);
    const f = fingerprint(file);
    if (f) inputs[file] = f;
  }
  mkdirSync(dir, { recursive: true });
  const output = `${name}-${createHash('sha256').update(code).digest('hex').slice(0, 12)}.mjs`;
  writeAtomic(join(dir, output), code);
  const manifest: Manifest = { format: 1, entry, esbuild: esbuild.version, output, inputs };
  writeAtomic(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return pathToFileURL(join(dir, output));
}
