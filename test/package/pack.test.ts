/**
 * The published package as a user gets it: `npm pack` (of the build the global setup made), the
 * tarball installed once into a temporary folder that holds two fresh projects side by side (Node
 * resolves packages from the parent folder's node_modules for both): a plain-Node project and a
 * TypeScript project (module nodenext, skipLibCheck off, no DOM library: the package's types must
 * not need it). A scenario runs from each, through the library, the Node worker pool (`wushe/node`)
 * and the `wushe` command; the TypeScript project also draws a strength landscape with linkedom. The install prefers npm's
 * cache, so this works offline once `npm ci` has run. ~10 s.
 */
import { type ExecFileException, execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/helpers.ts';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const TYPES_NODE = JSON.parse(
  readFileSync(join(ROOT, 'node_modules/@types/node/package.json'), 'utf8'),
).version;

/** The environment of a user's shell: none of the test suite's settings. */
function userEnv(): NodeJS.ProcessEnv {
  const { WUSHE_WORKER_ENTRY: _e, WUSHE_WORKER: _w, WUSHE_DEBUG: _d, NODE_OPTIONS: _n, ...env } = process.env;
  return env;
}

function run(cmd: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { cwd, env: userEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error: ExecFileException | null, stdout, stderr) => {
        if (error)
          reject(new Error(`${cmd} ${args.join(' ')} failed (${error.code}):\n${stdout}\n${stderr}`));
        else resolve({ stdout, stderr });
      },
    );
  });
}

const install = (dir: string, specs: string[]) =>
  run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...specs], dir);

/** A scenario small enough to run in a moment. */
const SCENARIO = {
  id: 'pack-test',
  seed: 3,
  ticks: 8,
  residents: 300,
  initial: { community: 0.5, organizations: 0.6, socialWorkers: 0.4, volunteers: 0.5, charity: 0.2 },
  strategy: 'strengths-first',
};

const JS_CONSUMER = `import { readFileSync } from 'node:fs';
import { parseScenario, runScenario, runMetrics } from 'wushe';
import { createNodePool } from 'wushe/node';

const v = parseScenario(readFileSync('scenario.json', 'utf8'));
if (!v.ok) throw new Error(v.errors.join('\\n'));
const { summary } = runScenario(v.scenario);
const pool = await createNodePool(1);
const outcomes = [];
await pool.run([{ id: 0, scenario: v.scenario }], (o) => outcomes.push(o));
await pool.close();
console.log(JSON.stringify({ mode: summary.pathway.mode, same: JSON.stringify(outcomes[0].metrics) === JSON.stringify(runMetrics(summary)), kind: pool.entry.kind }));
`;

const TS_CONSUMER = `import { readFileSync } from 'node:fs';
import {
  aggregateLandscape,
  landscapePoints,
  landscapeSvg,
  type ModeId,
  PARAMETERS,
  parseScenario,
  type RunSummary,
  runScenario,
  type SvgHost,
} from 'wushe';
import { createNodePool, type WorkerEntry } from 'wushe/node';

const v = parseScenario(readFileSync('scenario.json', 'utf8'));
if (!v.ok) throw new Error(v.errors.join('\\n'));
const summary: RunSummary = runScenario(v.scenario).summary;
const mode: ModeId = summary.pathway.mode;
const pool = await createNodePool(1);
const entry: WorkerEntry = pool.entry;
let done = 0;
await pool.run([{ id: 0, scenario: v.scenario }], (o) => {
  if (o.metrics?.mode === mode) done++;
});
await pool.close();
// linkedom's own declarations need the DOM library, so it is loaded untyped: its document is an SvgHost
const { parseHTML } = (await import('linkedom' as string)) as { parseHTML(html: string): { document: SvgHost } };
const axes = { x: 'initial.volunteers', y: 'initial.charity' };
const cells = aggregateLandscape(landscapePoints(v.scenario, { ...axes, steps: 2, replicates: 1, seed: 1 }), []);
const svg = landscapeSvg(cells, axes, parseHTML('<!doctype html><html><body></body></html>').document);
console.log(JSON.stringify({ mode, done, kind: entry.kind, parameters: PARAMETERS.length > 0, svg: svg.startsWith('<?xml') }));
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022'],
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    skipLibCheck: false,
    types: ['node'],
    outDir: 'out',
  },
  include: ['main.ts'],
};

describe('the packed package', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'wushe-pack-'));
  const js = join(dir, 'js');
  const ts = join(dir, 'ts');
  let tarball = '';
  let files: string[] = [];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    // the global setup built dist/ from these sources; pack it as it is
    const { stdout } = await run(
      NPM,
      ['pack', '--ignore-scripts', '--json', '--pack-destination', dir],
      ROOT,
    );
    const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    tarball = join(dir, info.filename);
    files = info.files.map((f) => f.path);
    // one install for both projects: the tarball, and the Node types a TypeScript user adds
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumers', private: true }));
    await install(dir, [tarball, `@types/node@${TYPES_NODE}`]);
    for (const [project, name] of [
      [js, 'plain-node'],
      [ts, 'ts-nodenext'],
    ]) {
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
      writeFileSync(join(project, 'scenario.json'), JSON.stringify(SCENARIO));
    }
  });

  it('holds the build, the presets and no sources, tests or benchmarks', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/index.js',
        'dist/index.d.ts',
        'dist/node.js',
        'dist/cli.js',
        'dist/worker.js',
      ]),
    );
    expect(files).toContain('scenarios/baseline.json');
    const stray = files.filter((f) =>
      /^(src|test|bench|web|scripts|deploy|docs|\.ci)\/|^dist\/web\/|\.ts$/.test(f),
    );
    expect(stray.filter((f) => !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('runs a scenario from a plain Node project: library, worker pool and the wushe command', async () => {
    writeFileSync(join(js, 'main.mjs'), JS_CONSUMER);
    const out = JSON.parse((await run(process.execPath, ['main.mjs'], js)).stdout);
    expect(out).toEqual({ mode: expect.any(String), same: true, kind: 'built' });
    const cli = await run(join(dir, 'node_modules/.bin/wushe'), ['run', 'scenario.json', '--json'], js);
    expect(JSON.parse(cli.stdout).pathway.mode).toBe(out.mode);
    expect((await run(join(dir, 'node_modules/.bin/wushe'), ['--version'], js)).stdout.trim()).toBe(
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    );
  });

  it('type-checks and runs from a TypeScript project with module nodenext, skipLibCheck off and no DOM types', async () => {
    writeFileSync(join(ts, 'main.ts'), TS_CONSUMER);
    writeFileSync(join(ts, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    await run(process.execPath, [TSC, '-p', '.'], ts);
    const out = JSON.parse((await run(process.execPath, ['out/main.js'], ts)).stdout);
    expect(out).toEqual({ mode: expect.any(String), done: 1, kind: 'built', parameters: true, svg: true });
  });
});
