/**
 * `wushe programme optimise`: 1 and 2 workers and the best design run again through dist/cli.js;
 * resuming, shards, refusals and bad specs through the same command line in this process
 * (`wusheHere`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoStack, tempDir, writeScenario, wushe, wusheHere } from '../cli/helpers.ts';
import { programmeFile, templateScenario } from './helpers.ts';

const dir = tempDir();
writeScenario(dir, 'tiny.json', templateScenario());
const FREE = [
  { path: 'instruments.socialWork.share', min: 0.1, max: 0.9 },
  { path: 'allocation.rule', values: ['equal', 'need', 'lottery'] },
];
const good = writeScenario(
  dir,
  'district.json',
  programmeFile({ weeks: 8, fundingWeeks: 4, communities: 3, free: FREE }),
);
const SMALL = ['--seeds', '2', '--min-seeds', '1', '--budget', '12', '-q'];

const read = (d: string, f: string) => readFileSync(join(dir, d, f), 'utf8');

describe('wushe programme optimise', () => {
  it('writes trace.csv and a best.json that programme run takes; 1 and 2 workers give the same search', () => {
    const a = wushe(['programme', 'optimise', good, ...SMALL, '--workers', '1', '--out', join(dir, 'w1')]);
    const b = wushe(['programme', 'optimise', good, ...SMALL, '--workers', '2', '--out', join(dir, 'w2')]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(
      /rank\s+candidate\s+instruments\.socialWork\.share\s+allocation\.rule\s+improved q10\s+mean/,
    );
    expect(read('w2', 'trace.csv')).toBe(read('w1', 'trace.csv'));
    expect(read('w2', 'best.json')).toBe(read('w1', 'best.json'));
    const trace = read('w1', 'trace.csv').trim().split('\n');
    expect(trace[0]).toMatch(
      /^candidate,round,rung,instruments\.socialWork\.share,allocation\.rule,seed\.\d+,seed\.\d+,n,quantile,mean,rank$/,
    );
    expect(trace.length).toBeGreaterThan(3);
    const best = JSON.parse(read('w1', 'best.json'));
    const ranked1 = trace.find((l) => l.endsWith(',1'))?.split(',') ?? [];
    expect(best.instruments.socialWork.share).toBe(Number(ranked1[3]));
    expect(best.allocation.rule).toBe(ranked1[4]);
    const run = wushe(['programme', 'run', join(dir, 'w1', 'best.json'), '--seeds', '1', '-q']);
    expect(run.status, run.stderr).toBe(0);
  });

  it('resumes from its evaluations, and shards of each stage give the same search as one process', async () => {
    const before = read('w1', 'evaluations.jsonl');
    const again = await wusheHere([
      'programme',
      'optimise',
      good,
      ...SMALL,
      '--out',
      join(dir, 'w1'),
      '--resume',
    ]);
    expect(again.status, again.stderr).toBe(0);
    // a finished search resumed evaluates nothing again
    expect(read('w1', 'evaluations.jsonl')).toBe(before);
    const out = join(dir, 'sharded');
    let stages = 0;
    for (;;) {
      const p = await wusheHere(['programme', 'optimise', good, ...SMALL, '--out', out, '--pending']);
      expect(p.status, p.stderr).toBe(0);
      if (p.stdout.trim() === '0') break;
      expect(Number(p.stdout)).toBeGreaterThan(0);
      for (const s of ['0/2', '1/2']) {
        const r = await wusheHere([
          'programme',
          'optimise',
          good,
          ...SMALL,
          '--out',
          out,
          '--shard',
          s,
          '--workers',
          '1',
        ]);
        expect(r.status, r.stderr).toBe(0);
      }
      stages++;
      expect(stages).toBeLessThan(30);
    }
    expect(stages).toBeGreaterThan(1);
    const fin = await wusheHere(['programme', 'optimise', good, ...SMALL, '--out', out, '--resume']);
    expect(fin.status, fin.stderr).toBe(0);
    expect(read('sharded', 'trace.csv')).toBe(read('w1', 'trace.csv'));
    expect(fin.stdout).toBe(again.stdout);
    // another search in the same folder is refused
    const other = await wusheHere([
      'programme',
      'optimise',
      good,
      ...SMALL,
      '--out',
      out,
      '--resume',
      '--quantile',
      '0.2',
    ]);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('another search');
  });

  it('refuses a non-empty --out folder unless --force or --resume', async () => {
    const r = await wusheHere(['programme', 'optimise', good, ...SMALL, '--out', join(dir, 'w1')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not empty');
    expect(r.stderr).toContain('--resume');
    // --force replaces the command's own files (a stale shard's evaluations too) and no others
    writeFileSync(join(dir, 'w1', 'notes.txt'), 'mine');
    writeFileSync(join(dir, 'w1', 'evaluations-shard-1-of-9.jsonl'), 'not json\n');
    const f = await wusheHere(['programme', 'optimise', good, ...SMALL, '--out', join(dir, 'w1'), '--force']);
    expect(f.status, f.stderr).toBe(0);
    expect(read('w1', 'notes.txt')).toBe('mine');
    expect(existsSync(join(dir, 'w1', 'evaluations-shard-1-of-9.jsonl'))).toBe(false);
    expect(read('w1', 'trace.csv')).toBe(read('w2', 'trace.csv'));
  });

  it('exits 2 on a bad --set, naming the path', async () => {
    const r = await wusheHere([
      'programme',
      'optimise',
      good,
      ...SMALL,
      '--set',
      'instruments.socialWork.shar=0.5',
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--set instruments.socialWork.shar: unknown path');
    expectNoStack(r.stderr);
  });

  it('exits 2 naming the free variable on a bad spec', async () => {
    const bad = (free: unknown[], name: string) => writeScenario(dir, name, programmeFile({ free }));
    const cases: [unknown[], string][] = [
      [
        [{ path: 'instruments.socialWork.shar', min: 0, max: 1 }],
        'free[0].path: unknown path "instruments.socialWork.shar" (did you mean "instruments.socialWork.share"?)',
      ],
      [[{ path: 'budget', min: 5, max: 1 }], 'free[0]: min (5) must be less than max (1)'],
      [[{ path: 'agencies', min: 1, max: 2.5 }], 'free[0].max: agencies is a whole number'],
      [[{ path: 'instruments.socialWork.share', min: 0, max: 2 }], 'free[0].max: 2 is outside 0 – 1'],
      [
        [{ path: 'allocation.rule', values: ['equal', 'by-luck'] }],
        'free[0].values[1]: "by-luck" for allocation.rule gives allocation.rule: must be one of',
      ],
      [
        [{ path: 'fundingWeeks', min: 5, max: 30 }],
        'free[0].max: 30 for fundingWeeks gives fundingWeeks: 30 weeks of funding do not fit',
      ],
      [[{ path: 'seed', min: 1, max: 9 }], 'free[0].path: "seed" cannot be free'],
      [
        [{ path: 'budget', min: 1, max: 9, values: [3] }],
        'free[0]: give either "min" and "max" (a range) or "values" (a list), not both',
      ],
      [
        [
          { path: 'budget', min: 1, max: 9 },
          { path: 'budget', values: [3] },
        ],
        'free[1].path: "budget" is already free (free[0])',
      ],
      [
        [{ path: 'allocation.rule', min: 0, max: 1 }],
        'free[0]: "allocation.rule" is not a number; give its choices as "values"',
      ],
      [[], 'free: no decision variables to optimise'],
    ];
    for (const [i, [free, message]] of cases.entries()) {
      const file = bad(free, `bad-${i}.json`);
      const r = await wusheHere(['programme', 'optimise', file, ...SMALL]);
      expect(r.status, `${message}\n${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`${file}: ${message}`);
      expectNoStack(r.stderr);
    }
    const r = await wusheHere(['programme', 'optimise', good, ...SMALL, '--objective', 'happiness']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--objective happiness: not a programme metric');
    const b = await wusheHere(['programme', 'optimise', good, '--seeds', '8', '--budget', '5', '-q']);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('--budget 5');
  });
});
