/**
 * A real Slurm cluster (heavy, ~10–30 s): starts munged and a single-node slurmctld + slurmd in a
 * temporary folder (private munge socket and ports, so nothing on the machine is touched), submits
 * a sweep as a job array with deploy/slurm/sweep.sbatch plus deploy/slurm/merge.sbatch as a
 * dependent job, and compares the merged results with the same sweep run locally; does the same for
 * the replicates of a programme run (deploy/slurm/programme-run-submit.sh, programme-run.sbatch,
 * programme-merge.sbatch); and runs a programme optimisation in stages of job arrays. Every daemon
 * it started is stopped in afterAll, also when a step fails.
 *
 * Needs Debian's slurmctld, slurmd, slurm-client and munge (.ci/run installs them) and root. When
 * they are missing the test is skipped with a message saying so.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, hostname, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME_RUN_FILES } from '../../src/batch/programmeFolder.ts';
import { ROOT, wushe } from '../cli/helpers.ts';
import { sweepScenario } from '../cli/sweepHelpers.ts';
import { programmeFile, templateScenario } from '../programme/helpers.ts';

const NEEDED = ['slurmctld', 'slurmd', 'sbatch', 'squeue', 'sinfo', 'scontrol', 'munged'];

function which(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

const missing = NEEDED.filter((c) => !which(c));
const isRoot = process.getuid?.() === 0;
const skipReason =
  missing.length > 0
    ? `${missing.join(', ')} not installed (apt-get install slurmctld slurmd slurm-client munge, as .ci/run does)`
    : !isRoot
      ? 'needs root to run slurmd and munged'
      : undefined;
if (skipReason) console.warn(`\n[slurm integration test] SKIPPED: ${skipReason}\n`);

/** A TCP port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPid(file: string): number | undefined {
  try {
    const n = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => boolean, timeoutMs: number, diagnostics: () => string) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}\n${diagnostics()}`);
}

function tail(file: string, lines = 15): string {
  if (!existsSync(file)) return `(${file}: none)`;
  return `--- ${file}\n${readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n')}`;
}

// The tests share the cluster and run at the same time (each in a folder of its own): most of
// their time is Slurm starting and ending jobs, which overlaps.
describe('Slurm: a sweep and a programme run as job arrays, merged; a programme optimisation in stages', {
  timeout: 180_000,
  concurrent: true,
}, () => {
  const dir = mkdtempSync(join(tmpdir(), 'wushe-slurm-'));
  const conf = join(dir, 'slurm.conf');
  const mungeDir = join(dir, 'munge');
  const env = { ...process.env, SLURM_CONF: conf };
  const started = {
    munged: undefined as number | undefined,
    slurmctld: undefined as number | undefined,
    slurmd: undefined as number | undefined,
  };
  const logs = () =>
    [
      tail(join(dir, 'slurmctld.log')),
      tail(join(dir, 'slurmd.log')),
      tail(join(mungeDir, 'munged.log')),
    ].join('\n');

  function slurm(cmd: string, args: string[]): SpawnSyncReturns<string> {
    return spawnSync(cmd, args, { env, cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  }
  /** `sbatch --parsable ARGS`; returns the job id. */
  function submit(args: string[]): string {
    const r = slurm('sbatch', ['--parsable', ...args]);
    expect(r.status, r.stderr).toBe(0);
    return r.stdout.trim().split(';')[0];
  }
  /** For a failure message: `extra`, the end of every job's .out file in `folder`, the daemons' logs. */
  const jobOutputs = (folder: string, extra = '') =>
    [
      extra,
      ...(existsSync(folder) ? readdirSync(folder) : [])
        .filter((f) => f.endsWith('.out'))
        .map((f) => tail(join(folder, f))),
      logs(),
    ].join('\n');
  /** Waits until none of the jobs is queued or running (polling squeue: sbatch --wait polls slowly). */
  const finished = (ids: string[], diagnostics: () => string) =>
    waitFor(
      'the jobs to finish',
      () => slurm('squeue', ['-h', '-j', ids.join(','), '-o', '%i']).stdout.trim() === '',
      120_000,
      diagnostics,
    );

  beforeAll(async () => {
    if (skipReason) return;
    chmodSync(dir, 0o755); // munged (as the munge user) must reach its socket folder
    if (!existsSync('/etc/munge/munge.key')) {
      const k = spawnSync('mungekey', ['--create'], { encoding: 'utf8' });
      if (k.status !== 0) throw new Error(`mungekey --create failed: ${k.stderr}`);
      spawnSync('chown', ['munge:munge', '/etc/munge/munge.key']);
    }
    mkdirSync(mungeDir);
    spawnSync('chown', ['munge:munge', mungeDir]);
    const socket = join(mungeDir, 'munge.socket');
    const m = spawnSync(
      'runuser',
      [
        '-u',
        'munge',
        '--',
        'munged',
        `--socket=${socket}`,
        `--pid-file=${join(mungeDir, 'munged.pid')}`,
        `--log-file=${join(mungeDir, 'munged.log')}`,
        `--seed-file=${join(mungeDir, 'munged.seed')}`,
      ],
      { encoding: 'utf8' },
    );
    if (m.status !== 0) throw new Error(`munged did not start: ${m.stderr}\n${logs()}`);
    await waitFor('munged', () => readPid(join(mungeDir, 'munged.pid')) !== undefined, 10_000, logs);
    started.munged = readPid(join(mungeDir, 'munged.pid'));

    const host = hostname().split('.')[0];
    const [ctldPort, slurmdPort] = [await freePort(), await freePort()];
    const memory = Math.max(100, Math.min(4000, Math.floor(totalmem() / 2 ** 20) - 512));
    writeFileSync(
      conf,
      [
        'ClusterName=wushetest',
        `SlurmctldHost=${host}(127.0.0.1)`,
        `SlurmctldPort=${ctldPort}`,
        `SlurmdPort=${slurmdPort}`,
        'SlurmUser=root',
        'SlurmdUser=root',
        'AuthType=auth/munge',
        `AuthInfo=socket=${socket}`,
        'CredType=cred/munge',
        'ProctrackType=proctrack/linuxproc',
        'TaskPlugin=task/none',
        'JobAcctGatherType=jobacct_gather/none',
        'AccountingStorageType=accounting_storage/none',
        'SelectType=select/cons_tres',
        'SelectTypeParameters=CR_Core',
        'MpiDefault=none',
        'ReturnToService=2',
        'MinJobAge=4',
        // schedule the dependent merge job within a second of the array finishing
        'SchedulerParameters=sched_interval=1',
        `StateSaveLocation=${join(dir, 'state')}`,
        `SlurmdSpoolDir=${join(dir, 'spool')}`,
        `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
        `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
        `SlurmctldLogFile=${join(dir, 'slurmctld.log')}`,
        `SlurmdLogFile=${join(dir, 'slurmd.log')}`,
        `NodeName=${host} NodeAddr=127.0.0.1 CPUs=${availableParallelism()} RealMemory=${memory} State=UNKNOWN`,
        `PartitionName=main Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
        '',
      ].join('\n'),
    );
    mkdirSync(join(dir, 'state'));
    mkdirSync(join(dir, 'spool'));
    const ctld = slurm('slurmctld', ['-c']);
    if (ctld.status !== 0) throw new Error(`slurmctld did not start: ${ctld.stderr}\n${logs()}`);
    await waitFor('slurmctld', () => readPid(join(dir, 'slurmctld.pid')) !== undefined, 15_000, logs);
    started.slurmctld = readPid(join(dir, 'slurmctld.pid'));
    const d = slurm('slurmd', []);
    if (d.status !== 0) throw new Error(`slurmd did not start: ${d.stderr}\n${logs()}`);
    await waitFor('slurmd', () => readPid(join(dir, 'slurmd.pid')) !== undefined, 15_000, logs);
    started.slurmd = readPid(join(dir, 'slurmd.pid'));
    await waitFor(
      'the node to be idle',
      () => slurm('sinfo', ['-h', '-N', '-o', '%T']).stdout.trim() === 'idle',
      30_000,
      logs,
    );
  }, 90_000);

  afterAll(async () => {
    try {
      if (started.slurmctld !== undefined || started.slurmd !== undefined) {
        // SIGTERM to both daemons at once: they stop in about 1.5 s (scontrol shutdown took about 4 s)
        const pids = [started.slurmctld, started.slurmd].filter((p): p is number => p !== undefined);
        for (const p of pids) process.kill(p, 'SIGTERM');
        const end = Date.now() + 15_000;
        while (Date.now() < end && pids.some(alive)) await sleep(50);
        for (const p of pids) if (alive(p)) process.kill(p, 'SIGKILL');
      }
    } finally {
      if (started.munged !== undefined && alive(started.munged)) {
        process.kill(started.munged, 'SIGTERM');
        const end = Date.now() + 5_000;
        while (Date.now() < end && alive(started.munged)) await sleep(100);
        if (alive(started.munged)) process.kill(started.munged, 'SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.skipIf(skipReason !== undefined)(
    `sbatch --array with deploy/slurm/sweep.sbatch, one shard re-submitted, merged by merge.sbatch: equals the local sweep${skipReason ? ` (skipped: ${skipReason})` : ''}`,
    async () => {
      const work = join(dir, 'work');
      mkdirSync(work);
      writeFileSync(join(work, 'scenario.json'), JSON.stringify(sweepScenario()));
      const plan = join(work, 'plan.json');
      writeFileSync(
        plan,
        JSON.stringify({
          scenario: 'scenario.json',
          design: 'grid',
          seed: 17,
          replicates: 3,
          factors: {
            'initial.volunteers': [0.2, 0.7],
            strategy: ['strengths-first', 'weakest-first'],
            'initial.charity': [0.1, 0.6],
          },
        }),
      );
      const out = join(work, 'out');
      const script = (name: string) => join(ROOT, 'deploy', 'slurm', name);
      const outputs = () => jobOutputs(work);

      // the sweep as a job array of two shards
      const array = submit([
        '--array=0-1',
        '--cpus-per-task=1',
        `--output=${join(work, 'sweep-%A_%a.out')}`,
        script('sweep.sbatch'),
        plan,
        out,
      ]);
      await finished([array], outputs);
      const shard1 = join(out, 'shard-1', 'runs.jsonl');
      expect(existsSync(shard1), outputs()).toBe(true);
      expect(readFileSync(shard1, 'utf8').split('\n').filter(Boolean)).toHaveLength(12);

      // shard 1 "timed out" half-way: five whole lines and a torn one; re-submit that task alone,
      // then merge with merge.sbatch once it has succeeded
      const lines = readFileSync(shard1, 'utf8').split('\n');
      writeFileSync(shard1, `${lines.slice(0, 5).join('\n')}\n${lines[5].slice(0, 30)}`);
      const again = submit([
        '--array=1',
        '--export=ALL,WUSHE_SHARDS=2',
        '--cpus-per-task=1',
        `--output=${join(work, 'again-%A_%a.out')}`,
        script('sweep.sbatch'),
        plan,
        out,
      ]);
      const merge = submit([
        `--dependency=afterok:${again}`,
        `--output=${join(work, 'merge-%j.out')}`,
        script('merge.sbatch'),
        out,
      ]);
      await finished([again, merge], outputs);

      const merged = join(out, 'all', 'runs.jsonl');
      expect(existsSync(merged), `no merged results\n${outputs()}`).toBe(true);
      for (const i of [0, 1]) expect(existsSync(join(out, `shard-${i}`, 'runs.jsonl'))).toBe(true);

      const local = join(work, 'local');
      const r = wushe(['sweep', plan, '--out', local, '--quiet']);
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(merged, 'utf8').split('\n').filter(Boolean)).toHaveLength(24);
      expect(readFileSync(merged, 'utf8')).toBe(readFileSync(join(local, 'runs.jsonl'), 'utf8'));
      expect(readFileSync(join(out, 'all', 'summary.csv'), 'utf8')).toBe(
        readFileSync(join(local, 'summary.csv'), 'utf8'),
      );
    },
  );
  it.skipIf(skipReason !== undefined)(
    `programme run as a job array (deploy/slurm/programme-run-submit.sh), one shard re-submitted and merged again: equals the run in one process${skipReason ? ` (skipped: ${skipReason})` : ''}`,
    async () => {
      const work = join(dir, 'programme');
      mkdirSync(work);
      writeFileSync(join(work, 'tiny.json'), JSON.stringify(templateScenario()));
      const file = join(work, 'district.json');
      writeFileSync(file, JSON.stringify(programmeFile({ weeks: 8, fundingWeeks: 4, communities: 3 })));
      const options = ['--seeds', '5', '--set', 'allocation.rule=need'];
      const out = join(work, 'out');
      const outputs = (extra = '') => jobOutputs(out, extra);

      // the replicates as a job array of two shards, and the merge job after it
      const r = spawnSync(
        'bash',
        [join(ROOT, 'deploy', 'slurm', 'programme-run-submit.sh'), file, out, '2', ...options],
        { env: { ...env, WUSHE_SBATCH: '--cpus-per-task=1' }, cwd: ROOT, encoding: 'utf8', timeout: 30_000 },
      );
      expect(r.status, outputs(r.stderr)).toBe(0);
      const ids = /^array job (\d+) \(2 shards\), merge job (\d+)$/m.exec(r.stdout);
      expect(ids, r.stdout).not.toBeNull();
      await finished([ids![1], ids![2]], outputs);

      const local = join(work, 'local');
      const l = wushe(['programme', 'run', file, ...options, '--out', local, '-q']);
      expect(l.status, l.stderr).toBe(0);
      const same = () => {
        expect(existsSync(join(out, 'all', 'summary.json')), `no merged results\n${outputs()}`).toBe(true);
        for (const f of PROGRAMME_RUN_FILES)
          expect(readFileSync(join(out, 'all', f), 'utf8'), f).toBe(readFileSync(join(local, f), 'utf8'));
      };
      same();
      expect(readFileSync(join(out, `programme-merge-${ids![2]}.out`), 'utf8')).toContain(l.stdout);
      expect(
        readFileSync(join(out, 'shard-1', 'replicates.jsonl'), 'utf8')
          .split('\n')
          .filter(Boolean),
      ).toHaveLength(2);

      // shard 1 "timed out" after one replicate and half of the next: re-submit that task alone
      // (it resumes), then merge again with programme-merge.sbatch
      const shard1 = join(out, 'shard-1', 'replicates.jsonl');
      const lines = readFileSync(shard1, 'utf8').split('\n');
      writeFileSync(shard1, `${lines[0]}\n${lines[1].slice(0, 50)}`);
      rmSync(join(out, 'all'), { recursive: true });
      const again = submit([
        '--array=1',
        '--export=ALL,WUSHE_SHARDS=2',
        '--cpus-per-task=1',
        `--output=${join(out, 'again-%A_%a.out')}`,
        join(ROOT, 'deploy', 'slurm', 'programme-run.sbatch'),
        file,
        out,
        ...options,
      ]);
      const merge = submit([
        `--dependency=afterok:${again}`,
        `--output=${join(out, 'merge-again-%j.out')}`,
        join(ROOT, 'deploy', 'slurm', 'programme-merge.sbatch'),
        out,
      ]);
      await finished([again, merge], outputs);
      same();
    },
  );
  it.skipIf(skipReason !== undefined)(
    `programme optimise in stages of job arrays (deploy/slurm/programme-optimise-submit.sh): equals the search in one process${skipReason ? ` (skipped: ${skipReason})` : ''}`,
    async () => {
      const work = join(dir, 'optimise');
      mkdirSync(work);
      writeFileSync(join(work, 'tiny.json'), JSON.stringify(templateScenario()));
      const file = join(work, 'district.json');
      writeFileSync(
        file,
        JSON.stringify(
          programmeFile({
            weeks: 8,
            fundingWeeks: 4,
            communities: 3,
            free: [
              { path: 'instruments.socialWork.share', min: 0.1, max: 0.9 },
              { path: 'allocation.rule', values: ['equal', 'need', 'lottery'] },
            ],
          }),
        ),
      );
      const small = ['--seeds', '2', '--min-seeds', '1', '--budget', '12'];
      const out = join(work, 'out');
      const r = spawnSync(
        'bash',
        [join(ROOT, 'deploy', 'slurm', 'programme-optimise-submit.sh'), file, out, '2', ...small],
        {
          env: { ...env, WUSHE_POLL: '0.2', WUSHE_SBATCH: '--cpus-per-task=1' },
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 150_000,
        },
      );
      const outputs = () => jobOutputs(out, r.stderr);
      expect(r.status, outputs()).toBe(0);
      expect(r.stdout).toMatch(/stage 2: \d+ evaluations on 2 shards/);
      expect(
        readdirSync(out)
          .filter((f) => /^evaluations-shard-\d-of-2\.jsonl$/.test(f))
          .sort(),
      ).toEqual(['evaluations-shard-0-of-2.jsonl', 'evaluations-shard-1-of-2.jsonl']);
      const local = join(work, 'local');
      const l = wushe(['programme', 'optimise', file, ...small, '--out', local, '-q']);
      expect(l.status, l.stderr).toBe(0);
      expect(readFileSync(join(out, 'trace.csv'), 'utf8')).toBe(
        readFileSync(join(local, 'trace.csv'), 'utf8'),
      );
      expect(r.stdout).toContain(l.stdout);
    },
  );
});
