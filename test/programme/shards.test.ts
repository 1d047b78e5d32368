/**
 * `wushe programme run --out` as a resumable batch and as shards: the shards of a run merged by
 * `wushe programme merge` give the whole run's folder and printout byte for byte; a missing or
 * doubled shard, a shard of another programme or seeds, and bad flags exit 2 with a clear message;
 * a run killed with SIGKILL half-way and resumed equals one never interrupted. The whole run, the
 * merge of its shards and the killed runs go through dist/cli.js in processes of their own; the
 * shards themselves (test/integration/slurm.test.ts runs them as separate jobs) and the other checks
 * (printouts, refusals, bad flags, resumes) use the same command line in this process (`wusheHere`).
 */
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROGRAMME_RUN_FILES } from '../../src/batch/programmeFolder.ts';
import { expectNoStack, killAfterLines, tempDir, writeScenario, wushe, wusheHere } from '../cli/helpers.ts';
import { programmeFile, templateScenario } from './helpers.ts';

const dir = tempDir();
writeScenario(dir, 'tiny.json', templateScenario());
const file = writeScenario(dir, 'district.json', programmeFile());
const FILES = PROGRAMME_RUN_FILES;
const SEEDS = '5';

function expectSameFolder(a: string, b: string): void {
  expect(readdirSync(b).sort()).toEqual([...FILES].sort());
  for (const f of FILES) expect(readFileSync(join(b, f), 'utf8'), f).toBe(readFileSync(join(a, f), 'utf8'));
}

const whole = join(dir, 'whole');
let wholeStdout = '';

describe('wushe programme run --shard and wushe programme merge', { timeout: 120_000 }, () => {
  it('the shards merged are the unsharded run, byte for byte (files and printout)', async () => {
    const r = wushe(['programme', 'run', file, '--seeds', SEEDS, '--workers', '2', '--out', whole, '-q']);
    expect(r.status, r.stderr).toBe(0);
    wholeStdout = r.stdout;
    // the same table as a run without --out
    const plain = await wusheHere(['programme', 'run', file, '--seeds', SEEDS, '-q']);
    expect(plain.stdout).toBe(wholeStdout);
    expect(readFileSync(join(whole, 'replicates.jsonl'), 'utf8').trim().split('\n')).toHaveLength(5);

    const shards = [0, 1, 2].map((i) => join(dir, `shard-${i}`));
    for (const [i, out] of shards.entries()) {
      const s = await wusheHere([
        'programme',
        'run',
        file,
        '--seeds',
        SEEDS,
        '--workers',
        '1',
        '--shard',
        `${i}/3`,
        '--out',
        out,
      ]);
      expect(s.status, s.stderr).toBe(0);
      expect(s.stdout).toBe('');
      expect(s.stderr).toContain(`shard ${i}/3: ${i < 2 ? 2 : 1} of 5 replicates`);
      expect(readdirSync(out).sort()).toEqual(['programme.json', 'replicates.jsonl', 'run.json']);
    }
    const merged = join(dir, 'merged');
    const m = wushe(['programme', 'merge', ...shards.reverse(), '--out', merged]);
    expect(m.status, m.stderr).toBe(0);
    expect(m.stdout).toBe(wholeStdout);
    expectSameFolder(whole, merged);
    const json = await wusheHere([
      'programme',
      'merge',
      ...shards,
      '--out',
      join(dir, 'merged-json'),
      '--json',
      '-q',
    ]);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(readFileSync(join(whole, 'summary.json'), 'utf8')));
  });

  it('a missing, doubled or foreign shard exits 2 naming it, and writes nothing', async () => {
    const s = (i: number) => join(dir, `shard-${i}`);
    let r = await wusheHere(['programme', 'merge', s(0), s(2), '--out', join(dir, 'm1')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'missing 2 of 5 replicates: 1, 4 (of shard 1/3); finish their shards (wushe programme run … --shard i/n --resume) and merge again',
    );
    expectNoStack(r.stderr);
    expect(existsSync(join(dir, 'm1'))).toBe(false);

    r = await wusheHere(['programme', 'merge', s(0), s(1), s(2), whole, '--out', join(dir, 'm2')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/doubled: replicate 0 is in both .*shard-0 and .*whole/);

    // a shard of the programme with another --set, and one of another number of seeds
    const other = join(dir, 'other-1');
    const o = await wusheHere([
      'programme',
      'run',
      file,
      '--seeds',
      SEEDS,
      '--set',
      'budget=300000',
      '--shard',
      '1/3',
      '--out',
      other,
      '-q',
    ]);
    expect(o.status, o.stderr).toBe(0);
    r = await wusheHere(['programme', 'merge', s(0), other, s(2), '--out', join(dir, 'm3')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `${other}: its programme.json is not that of ${s(0)}; only shards of one programme run can be merged`,
    );
    const more = join(dir, 'more-1');
    const m = await wusheHere([
      'programme',
      'run',
      file,
      '--seeds',
      '6',
      '--shard',
      '1/3',
      '--out',
      more,
      '-q',
    ]);
    expect(m.status, m.stderr).toBe(0);
    r = await wusheHere(['programme', 'merge', s(0), more, s(2), '--out', join(dir, 'm4')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${more}: a run of 6 seeds, ${s(0)} one of 5`);

    // not a programme run folder; a sweep merge given programme shards
    r = await wusheHere(['programme', 'merge', dir, '--out', join(dir, 'm5')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not a programme run folder');
    r = await wusheHere(['merge', s(0), s(1), '--out', join(dir, 'm6')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('join the shards of a programme run with wushe programme merge');
    for (const k of [2, 3, 4, 5, 6]) expect(existsSync(join(dir, `m${k}`))).toBe(false);
  });

  it('bad flags exit 2 with a clear message', async () => {
    const cases: [string[], string][] = [
      [
        ['--shard', '3/2', '--out', join(dir, 'x')],
        "argument '3/2' is invalid. Expected i/n with 0 ≤ i < n, e.g. 0/4: shard 3 is not one of shards 0 to 1.",
      ],
      [['--shard', 'x', '--out', join(dir, 'x')], "argument 'x' is invalid. Expected i/n with 0 ≤ i < n"],
      [['--shard', '0/0', '--out', join(dir, 'x')], 'Expected i/n with n at least 1'],
      [['--shard', '0/2'], '--shard needs --out DIR'],
      [['--resume'], '--resume needs --out DIR'],
      [
        ['--resume', '--force', '--out', join(dir, 'x')],
        '--resume continues the run in --out, --force starts it afresh; choose one',
      ],
      [['--out', whole], '(6 in all)); add --resume to continue the run in it'],
    ];
    for (const [args, message] of cases) {
      const r = await wusheHere(['programme', 'run', file, '--seeds', SEEDS, ...args, '-q']);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expectNoStack(r.stderr);
    }
    expect(existsSync(join(dir, 'x'))).toBe(false);
    const help = await wusheHere(['programme', 'run', '--help']);
    expect(help.stdout).toContain('--shard <i/n>');
    expect(help.stdout).toContain('--resume');
    expect(help.stdout).toContain('wushe programme merge');
    expect((await wusheHere(['programme', '--help'])).stdout).toMatch(/merge \[options\] <dir\.\.\.>/);
  });

  it('--resume on a folder of another run exits 2; on a finished run changes nothing', async () => {
    const r = await wusheHere(['programme', 'run', file, '--seeds', '4', '--out', whole, '--resume', '-q']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--out ${whole}: holds a run of 5 seeds, not --seeds 4`);
    const s = await wusheHere([
      'programme',
      'run',
      file,
      '--seeds',
      SEEDS,
      '--set',
      'budget=1',
      '--out',
      whole,
      '--resume',
      '-q',
    ]);
    expect(s.status).toBe(2);
    expect(s.stderr).toContain('holds a run of another programme');
    const t = await wusheHere([
      'programme',
      'run',
      file,
      '--seeds',
      SEEDS,
      '--shard',
      '0/2',
      '--out',
      whole,
      '--resume',
      '-q',
    ]);
    expect(t.status).toBe(2);
    expect(t.stderr).toContain('holds the whole run, not shard 0/2');
    const before = FILES.map((f) => readFileSync(join(whole, f), 'utf8'));
    const again = await wusheHere([
      'programme',
      'run',
      file,
      '--seeds',
      SEEDS,
      '--out',
      whole,
      '--resume',
      '-q',
    ]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toBe(wholeStdout);
    expect(FILES.map((f) => readFileSync(join(whole, f), 'utf8'))).toEqual(before);
  });
});

/** Starts a run and SIGKILLs it once `atLeast` replicates are on disk; resolves with the count then. */
function killHalfWay(args: string[], out: string, atLeast: number): Promise<number> {
  return killAfterLines(
    ['programme', 'run', ...args, '--out', out, '--workers', '1', '-q'],
    join(out, 'replicates.jsonl'),
    atLeast,
  );
}

describe('wushe programme run --resume after SIGKILL', { timeout: 120_000 }, () => {
  // long enough per replicate (~75 ms) that the kill lands half-way
  const args = [file, '--seeds', '10', '--set', 'weeks=60'];

  it('ends with exactly the files and printout of an uninterrupted run', async () => {
    const full = join(dir, 'full');
    const r = wushe(['programme', 'run', ...args, '--out', full, '-q']);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(join(full, 'replicates.jsonl'), 'utf8').split('\n');

    const out = join(dir, 'killed');
    const before = await killHalfWay(args, out, 2);
    expect(before).toBeGreaterThanOrEqual(2);
    expect(before).toBeLessThan(10);
    expect(existsSync(join(out, 'summary.json'))).toBe(false);
    // a write cut off by the kill: part of a line at the end
    appendFileSync(join(out, 'replicates.jsonl'), lines[before].slice(0, 80));

    const refused = await wusheHere(['programme', 'run', ...args, '--out', out, '-q']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/the folder is not empty .*; add --resume/);

    const resumed = await wusheHere(['programme', 'run', ...args, '--out', out, '--resume']);
    expectNoStack(resumed.stderr);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`(${before} replicates were there already)`);
    expect(resumed.stdout).toBe(r.stdout);
    expectSameFolder(full, out);
  });

  it('a shard killed and resumed merges like the others', async () => {
    const shard = (i: number) => join(dir, `k-shard-${i}`);
    expect(await killHalfWay([...args, '--shard', '0/2'], shard(0), 1)).toBeLessThan(5);
    for (const i of [0, 1]) {
      const r = await wusheHere([
        'programme',
        'run',
        ...args,
        '--shard',
        `${i}/2`,
        '--out',
        shard(i),
        '-q',
        ...(i === 0 ? ['--resume'] : []),
      ]);
      expect(r.status, r.stderr).toBe(0);
    }
    const merged = join(dir, 'k-merged');
    const m = await wusheHere(['programme', 'merge', shard(0), shard(1), '--out', merged, '-q']);
    expect(m.status, m.stderr).toBe(0);
    expectSameFolder(join(dir, 'full'), merged);
  });
});
