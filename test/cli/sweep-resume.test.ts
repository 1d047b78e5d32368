/**
 * `wushe sweep --resume` after SIGKILL: the sweep (dist/cli.js in a process of its own) is killed
 * half-way (and a torn last line is left behind), resumed, and must end with exactly the lines of an
 * uninterrupted sweep. The resumed runs and merges use the same command line in this process
 * (`wusheHere`).
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expectNoStack,
  killAfterLines,
  lineCount,
  signalAfterLines,
  tempDir,
  wushe,
  wusheHere,
} from './helpers.ts';
import { sortedLines, sweepScenario, writePlan } from './sweepHelpers.ts';

const dir = tempDir();
const RUNS = 40;
const planFile = writePlan(
  dir,
  {
    design: 'lhs',
    samples: RUNS / 2,
    replicates: 2,
    seed: 3,
    factors: { 'initial.volunteers': { min: 0, max: 1 }, 'initial.organizations': { min: 0, max: 1 } },
  },
  // long enough per run (~25 ms) that the kill lands half-way
  sweepScenario({ residents: 1500, ticks: 60 }),
);

/** Starts a sweep and SIGKILLs it once `atLeast` lines are on disk; resolves with the line count then. */
function killHalfWay(out: string, atLeast: number, extra: string[] = []): Promise<number> {
  return killAfterLines(
    ['sweep', planFile, '--out', out, '--workers', '1', '--quiet', ...extra],
    join(out, 'runs.jsonl'),
    atLeast,
  );
}

describe('wushe sweep --resume after SIGKILL', { timeout: 120_000 }, () => {
  it('ends with exactly the lines of an uninterrupted sweep: nothing lost, doubled or torn', async () => {
    const whole = join(dir, 'whole');
    const r = wushe(['sweep', planFile, '--out', whole, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const expected = sortedLines(join(whole, 'runs.jsonl'));
    expect(expected).toHaveLength(RUNS);

    const out = join(dir, 'killed');
    const before = await killHalfWay(out, RUNS / 4);
    expect(before).toBeGreaterThanOrEqual(RUNS / 4);
    expect(before).toBeLessThan(RUNS);
    // a write cut off by the kill: half a line at the end
    appendFileSync(join(out, 'runs.jsonl'), expected[5].slice(0, 40));

    // without --resume the folder is refused
    const refused = await wusheHere(['sweep', planFile, '--out', out, '--quiet']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/the folder is not empty .*; add --resume/);

    const resumed = await wusheHere(['sweep', planFile, '--out', out, '--resume']);
    expectNoStack(resumed.stderr);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`${RUNS} of ${RUNS} runs`);
    const lines = readFileSync(join(out, 'runs.jsonl'), 'utf8');
    expect(lines.endsWith('\n')).toBe(true);
    expect(lines.split('\n').filter(Boolean).sort()).toEqual(expected);
    expect(lines).toBe(readFileSync(join(whole, 'runs.jsonl'), 'utf8'));
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toBe(
      readFileSync(join(whole, 'summary.csv'), 'utf8'),
    );

    // resuming a finished sweep runs nothing and changes nothing
    const again = await wusheHere(['sweep', planFile, '--out', out, '--resume', '--quiet']);
    expect(again.status).toBe(0);
    expect(readFileSync(join(out, 'runs.jsonl'), 'utf8')).toBe(lines);

    // a run recorded as failed (say its worker died) is run again on resume
    const records = lines
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const { metrics: _m, ...failed } = records[3];
    records[3] = { ...failed, error: 'worker stopped: worker exited with code 1' };
    writeFileSync(join(out, 'runs.jsonl'), records.map((x) => `${JSON.stringify(x)}\n`).join(''));
    const retried = await wusheHere(['sweep', planFile, '--out', out, '--resume', '--quiet']);
    expect(retried.status, retried.stderr).toBe(0);
    expect(readFileSync(join(out, 'runs.jsonl'), 'utf8')).toBe(lines);
  });

  it('a shard killed and resumed merges like the others', async () => {
    const out = join(dir, 'shard-1');
    expect(await killHalfWay(out, 3, ['--shard', '1/2'])).toBeLessThan(RUNS / 2);
    for (const i of [0, 1]) {
      const args = ['sweep', planFile, '--out', join(dir, `shard-${i}`), '--shard', `${i}/2`, '--quiet'];
      const r = await wusheHere(i === 1 ? [...args, '--resume'] : args);
      expect(r.status, r.stderr).toBe(0);
    }
    const merged = join(dir, 'merged');
    const m = await wusheHere([
      'merge',
      join(dir, 'shard-0'),
      join(dir, 'shard-1'),
      '--out',
      merged,
      '--quiet',
    ]);
    expect(m.status, m.stderr).toBe(0);
    expect(readFileSync(join(merged, 'runs.jsonl'), 'utf8')).toBe(
      readFileSync(join(dir, 'whole', 'runs.jsonl'), 'utf8'),
    );
  });
});

/** Starts a sweep and sends SIGTERM once `atLeast` lines are on disk; resolves with its exit and stderr. */
function terminateHalfWay(out: string, atLeast: number): Promise<{ code: number | null; stderr: string }> {
  return signalAfterLines(
    ['sweep', planFile, '--out', out, '--workers', '1', '--quiet'],
    join(out, 'runs.jsonl'),
    atLeast,
    'SIGTERM',
  );
}

describe('wushe sweep on SIGTERM (Slurm scancel)', { timeout: 120_000 }, () => {
  it('stops the workers, exits 143 saying how to resume, and resumes to the whole sweep', async () => {
    const out = join(dir, 'terminated');
    const stopped = await terminateHalfWay(out, RUNS / 4);
    expect(stopped.code).toBe(143);
    expect(stopped.stderr).toMatch(
      /^wushe sweep: stopped by SIGTERM after \d+ runs; continue with the same command and --resume\n$/,
    );
    expect(lineCount(join(out, 'runs.jsonl'))).toBeLessThan(RUNS);
    const resumed = await wusheHere(['sweep', planFile, '--out', out, '--resume', '--quiet']);
    expect(resumed.status, resumed.stderr).toBe(0);
    const whole = join(dir, 'whole');
    if (!existsSync(whole))
      expect((await wusheHere(['sweep', planFile, '--out', whole, '--quiet'])).status).toBe(0);
    expect(sortedLines(join(out, 'runs.jsonl'))).toEqual(sortedLines(join(whole, 'runs.jsonl')));
  });
});
