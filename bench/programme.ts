/**
 * `npm run bench:programme`: a city's programme on the worker pool, measured in this run on this
 * machine — wall time and peak memory (the process's maximum resident set, worker threads included)
 * for one replicate of 10, 100 and 1,000 communities over 156 weeks (programmes/hubei-2020.json with
 * community sizes drawn log-uniformly from 2,500 to 10,000 residents: about 5,400 on average, so
 * 1,000 communities are about 5.4 million residents). Each size runs in a child process of its own,
 * so its peak memory is its own. Other work on the machine slows every figure; the load average is
 * printed with each. `npm run bench:programme -- 10 100` runs only the sizes given.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../src/cli/io.ts';
import { loadProgramme } from '../src/cli/programmeIo.ts';
import { resolveProgramme } from '../src/model/programmeCommunities.ts';
import { runProgramme } from '../src/worker/nodeProgramme.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEEKS = 156;

async function child(n: number): Promise<void> {
  const { spec } = loadProgramme(join(ROOT, 'programmes', 'hubei-2020.json'), [
    `communities=${n}`,
    `weeks=${WEEKS}`,
  ]);
  const { scenario } = loadScenario(join(ROOT, 'scenarios', 'hubei-2020.json'), {
    set: ['ensemble.residents.min=2500', 'ensemble.residents.max=10000'],
  });
  const programme = resolveProgramme(spec, { template: scenario });
  const residents = programme.members.reduce((s, m) => s + m.residents, 0);
  const workers = availableParallelism();
  const start = performance.now();
  const result = await runProgramme(programme, { seeds: 1, workers });
  const seconds = (performance.now() - start) / 1000;
  const peakMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ n, residents, workers, seconds, peakMB, improved: result.summary.improvedShare.mean })}\n`,
  );
}

function parent(sizes: number[]): void {
  const worker = join(ROOT, 'dist', 'worker.js');
  if (!existsSync(worker)) {
    console.log('dist/ missing: running `npm run build` first');
    if (spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
  }
  console.log(
    `programme benchmark: one replicate, ${WEEKS} weeks, ${availableParallelism()} workers (built worker)`,
  );
  console.log('communities  residents    wall s   peak MB   load average (1, 5, 15 min) before → after');
  for (const n of sizes) {
    const load = loadavg()
      .map((x) => x.toFixed(2))
      .join(', ');
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(n)],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, WUSHE_WORKER_ENTRY: worker },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      process.exit(1);
    }
    const m = JSON.parse(r.stdout.trim().split('\n').pop() as string);
    const after = loadavg()
      .map((x) => x.toFixed(2))
      .join(', ');
    console.log(
      `${String(n).padStart(11)}  ${String(m.residents).padStart(9)}  ${m.seconds.toFixed(1).padStart(8)}  ${Math.round(m.peakMB).toString().padStart(8)}   ${load} → ${after}`,
    );
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') await child(Number(args[1]));
else parent(args.length > 0 ? args.map(Number) : [10, 100, 1000]);
