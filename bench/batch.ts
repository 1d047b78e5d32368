/**
 * `npm run bench:batch`: batch throughput and start-up, measured in this run on this machine.
 *
 * - Runs per second on a fixed plan (the organization-led preset, a Latin hypercube over two
 *   starting strengths, 200 runs) with 1 worker and with every worker, on a pool that has started,
 *   warm and cold; parallel efficiency = rate with n workers ÷ (n × rate with 1).
 * - The same plan through the command line (`wushe sweep`, wall time including start-up).
 * - Start-up of `wushe sweep`: from the process start to the moment its first run begins (reported
 *   by the sweep itself with WUSHE_TIMING=1), median of several launches, through the build
 *   (dist/cli.js with dist/worker.js) and through tsx from the sources (workers on the tsx boot file).
 *
 * Other work on the machine slows every figure; the load average is printed first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkPlanShape, resolvePlan } from '../src/batch/plan.ts';
import { createSweep, runSpec, scenarioForRun } from '../src/batch/sweep.ts';
import type { RunTask } from '../src/batch/task.ts';
import { validateScenario } from '../src/model/scenario.ts';
import { createNodePool, type WorkerEntry } from '../src/worker/node.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(join(ROOT, 'dist', 'worker.js'))) {
  console.log('dist/ missing: running `npm run build` first');
  if (spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
}
const BUILT = [join(ROOT, 'dist', 'cli.js')];
const FROM_SOURCES = ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')];
/** The built worker (`npm run build`), as `npx wushe` uses it. */
const ENTRY: WorkerEntry = { url: pathToFileURL(join(ROOT, 'dist', 'worker.js')), kind: 'built' };
const SAMPLES = Number(process.env.WUSHE_BENCH_RUNS ?? 200) / 2;
const REPEATS = 3;
const LAUNCHES = 7;

const planFile = {
  id: 'bench',
  scenario: '../scenarios/organization-led.json',
  design: 'lhs',
  samples: SAMPLES,
  replicates: 2,
  seed: 1,
  factors: { 'initial.volunteers': { min: 0, max: 1 }, 'initial.organizations': { min: 0, max: 1 } },
};

function tasks(): RunTask[] {
  const base = validateScenario(
    JSON.parse(readFileSync(join(ROOT, 'scenarios', 'organization-led.json'), 'utf8')),
  );
  if (!base.ok) throw new Error(base.errors.join('\n'));
  const shape = checkPlanShape(planFile);
  if (!shape.ok) throw new Error(shape.errors.join('\n'));
  const r = resolvePlan(shape.plan, base.scenario);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  const s = createSweep(r.plan);
  return Array.from({ length: s.runs }, (_, run) => ({
    id: run,
    scenario: scenarioForRun(r.plan, runSpec(s, run)),
  }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs per second on a started pool of `workers`: the first pass over the plan on fresh workers
 * (`cold`: V8 still compiling, on the same cores), then the median of REPEATS further passes (`warm`).
 */
async function throughput(workers: number, list: RunTask[]): Promise<{ cold: number; warm: number }> {
  const pool = await createNodePool(workers, ENTRY);
  try {
    await pool.ready();
    const rates: number[] = [];
    for (let k = 0; k <= REPEATS; k++) {
      let failed = 0;
      const t0 = performance.now();
      await pool.run(list, (o) => {
        if (o.error) failed++;
      });
      const seconds = (performance.now() - t0) / 1000;
      if (failed > 0) throw new Error(`${failed} runs failed`);
      rates.push(list.length / seconds);
    }
    return { cold: rates[0], warm: median(rates.slice(1)) };
  } finally {
    await pool.close();
  }
}

function sweepCli(plan: string, args: string[], launcher = BUILT) {
  const out = mkdtempSync(join(tmpdir(), 'wushe-bench-out-'));
  rmSync(out, { recursive: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...launcher, 'sweep', plan, '--out', out, '--quiet', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, WUSHE_TIMING: '1' },
  });
  const wall = (performance.now() - t0) / 1000;
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`wushe sweep failed: ${r.stderr}`);
  const m = /first run began (\d+) ms after the process started/.exec(r.stderr);
  return { wall, startup: m ? Number(m[1]) : Number.NaN };
}

const cores = availableParallelism();
console.log(
  `wushe batch benchmark (Node ${process.version}, ${cores} cores, load average ${loadavg()[0].toFixed(2)})`,
);
if (loadavg()[0] > 0.5) console.log('note: the machine is busy; figures are lower than on a quiet machine');

const list = tasks();
console.log(
  `plan: organization-led preset, LHS ${SAMPLES} points × 2 replicates = ${list.length} runs; workers: dist/worker.js`,
);
console.log('');
const one = await throughput(1, list);
const all = await throughput(cores, list);
const row = (w: number, r: { cold: number; warm: number }) =>
  `${String(w).padStart(7)}   ${r.warm.toFixed(1).padStart(12)}   ${(r.warm / one.warm).toFixed(2).padStart(8)}   ${(r.warm / (w * one.warm)).toFixed(2).padStart(10)}   ${r.cold.toFixed(1).padStart(12)}   ${(r.cold / (w * one.cold)).toFixed(2).padStart(10)}`;
console.log('workers   runs/s warm   speed-up   efficiency   runs/s cold   efficiency');
console.log(row(1, one));
console.log(`${row(cores, all)}   (target: efficiency ≥ 0.9)`);
console.log('warm: median of passes over the plan on workers that have run it before; cold: the first');
console.log('pass on fresh workers, while V8 still compiles on the cores the runs use.');

const dir = mkdtempSync(join(tmpdir(), 'wushe-bench-'));
try {
  const benchDir = join(dir, 'plans');
  mkdirSync(benchDir, { recursive: true });
  const plan = join(benchDir, 'plan.json');
  const scenario = join(ROOT, 'scenarios', 'organization-led.json');
  writeFileSync(plan, JSON.stringify({ ...planFile, scenario }));
  console.log('');
  console.log(`wushe sweep, the same ${list.length} runs (wall time, start-up included):`);
  for (const w of [1, cores]) {
    const { wall } = sweepCli(plan, ['--workers', String(w)]);
    console.log(`  --workers ${w}: ${wall.toFixed(2)} s, ${(list.length / wall).toFixed(1)} runs/s`);
  }

  const tiny = join(benchDir, 'tiny.json');
  writeFileSync(
    tiny,
    JSON.stringify({ ...planFile, scenario, design: 'grid', samples: undefined, factors: {} }),
  );
  console.log('');
  console.log(
    `start-up of wushe sweep until its first run begins (median of ${LAUNCHES} launches, ${cores} workers):`,
  );
  for (const [label, launcher] of [
    ['the build (dist/cli.js, dist/worker.js)', BUILT],
    ['tsx from the sources (tsx boot file)', FROM_SOURCES],
  ] as const) {
    sweepCli(tiny, [], launcher); // fills the file cache and tsx's cache
    const times = Array.from({ length: LAUNCHES }, () => sweepCli(tiny, [], launcher).startup);
    console.log(
      `  ${label}: ${median(times)} ms (min ${Math.min(...times)}, max ${Math.max(...times)})${label.startsWith('the build') ? '   (target < 500 ms)' : ''}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
