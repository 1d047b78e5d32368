/**
 * `npm run bench:startup`: wall time of `wushe --help` and of a 1,000-resident one-week run, as a
 * user starts them (a new Node process each time), through the built command line (`node
 * dist/cli.js`, what `npx wushe` runs) and, beside it, through tsx from the TypeScript sources (how
 * every command started before 0.2.0, measured in the same run; 0.1.0 also loaded every command's
 * modules at each start, which the sources no longer do, so its own figure was higher still).
 * Minimum and median of RUNS starts each (WUSHE_STARTUP_RUNS, default 10). Builds dist/ first if
 * it is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Math.max(1, Number(process.env.WUSHE_STARTUP_RUNS ?? 10));
const TARGET_S = 0.3;

if (!existsSync(`${ROOT}dist/cli.js`)) {
  console.log('dist/cli.js missing: running `npm run build` first');
  const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}

const RUN_ARGS = ['run', 'scenarios/baseline.json', '--set', 'residents=1000', '--set', 'ticks=1', '--json'];

const launchers: [string, string[]][] = [
  ['node dist/cli.js (the build)', ['dist/cli.js']],
  ['tsx from the sources (as before 0.2.0)', ['--import', 'tsx', 'src/cli/main.ts']],
];

/** Seconds of wall time for one start, from spawning Node to its exit. */
function once(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}:\n${r.stderr}`);
  return s;
}

function stats(xs: number[]): { min: number; median: number } {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { min: s[0], median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2 };
}

console.log(
  `wushe start-up: ${RUNS} starts each, wall time in seconds (Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(2)})`,
);
if (loadavg()[0] > 0.5)
  console.log('note: the machine is busy; every figure is slower than on a quiet machine');
console.log('launcher                               command                      min    median');
const results = new Map<string, { min: number; median: number }>();
for (const [label, base] of launchers) {
  for (const [what, extra] of [
    ['--help', ['--help']],
    ['run 1,000 residents, 1 week', RUN_ARGS],
  ] as const) {
    const args = [...base, ...extra];
    once(args); // warm the file cache (and tsx's own cache)
    const times = Array.from({ length: RUNS }, () => once(args));
    const s = stats(times);
    results.set(`${label}|${what}`, s);
    console.log(
      `${label.padEnd(38)} ${what.padEnd(27)} ${s.min.toFixed(3).padStart(6)} ${s.median.toFixed(3).padStart(9)}`,
    );
  }
}
const built = [...results].filter(([k]) => k.startsWith(launchers[0][0]));
const worst = Math.max(...built.map(([, s]) => s.median));
console.log(
  `built command line: slowest median ${worst.toFixed(3)} s (target ≤ ${TARGET_S} s): ${worst <= TARGET_S ? 'met' : 'NOT met'}`,
);
