/**
 * `wushe sweep` and `wushe merge` end to end: the same lines with 1 and 2 workers, the merge of
 * shards, and Morris sensitivity, through dist/cli.js; the shards themselves (separate processes in
 * test/integration/slurm.test.ts), the output files, merge's refusals and bad input through the same
 * command line in this process (`wusheHere`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliRun, expectNoStack, ROOT, tempDir, wushe, wusheHere } from './helpers.ts';
import { sortedLines, sweepScenario, writePlan } from './sweepHelpers.ts';

const dir = tempDir();
const grid = {
  design: 'grid',
  seed: 11,
  replicates: 3,
  factors: {
    'initial.volunteers': [0.1, 0.6],
    strategy: ['strengths-first', 'balanced'],
    'initial.charity': { min: 0, max: 0.8 },
  },
  levels: 2,
};
const planFile = writePlan(dir, grid);

/** Runs the command line (in this process unless given `wushe`) and expects exit 0 and no stack. */
async function ok(args: string[], run: (args: string[]) => CliRun | Promise<CliRun> = wusheHere) {
  const r = await run(args);
  expectNoStack(r.stderr);
  expect(r.status, r.stderr).toBe(0);
  return r;
}

describe('wushe sweep: results do not depend on workers, shards or order', { timeout: 120_000 }, () => {
  const one = join(dir, 'w1');
  const two = join(dir, 'w2');

  it('writes the same runs.jsonl with 1 and with 2 workers', async () => {
    await ok(['sweep', planFile, '--out', one, '--workers', '1', '--quiet'], wushe);
    await ok(['sweep', planFile, '--out', two, '--workers', '2', '--quiet'], wushe);
    const lines = sortedLines(join(one, 'runs.jsonl'));
    expect(lines).toHaveLength(2 * 2 * 2 * 3);
    expect(sortedLines(join(two, 'runs.jsonl'))).toEqual(lines);
    // sorted by run at the end, so the files are byte-identical too
    expect(readFileSync(join(two, 'runs.jsonl'), 'utf8')).toBe(readFileSync(join(one, 'runs.jsonl'), 'utf8'));
    expect(readFileSync(join(two, 'summary.csv'), 'utf8')).toBe(
      readFileSync(join(one, 'summary.csv'), 'utf8'),
    );
  });

  it('one line per run with its index, design point, replicate, seed, factors and metrics; no timing or host', async () => {
    const records = readFileSync(join(one, 'runs.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    records.forEach((r, i) => {
      expect(Object.keys(r)).toEqual(['run', 'point', 'replicate', 'seed', 'factors', 'metrics']);
      expect(r.run).toBe(i);
      expect(r.point).toBe(Math.floor(i / 3));
      expect(r.replicate).toBe(i % 3);
      expect(Object.keys(r.factors)).toEqual(['initial.volunteers', 'strategy', 'initial.charity']);
      expect(Object.keys(r.metrics)).toEqual(
        expect.arrayContaining([
          'strength.volunteers',
          'mode',
          'firstMover',
          'order',
          'allInvolvedTick',
          'servedAny',
        ]),
      );
    });
    expect(new Set(records.map((r) => r.seed)).size).toBe(records.length);
    expect(readFileSync(join(one, 'runs.jsonl'), 'utf8')).not.toMatch(/"(time|host|pid|duration|elapsed)/i);
  });

  it('a run’s line has the metrics of `wushe run` with that run’s values and seed', async () => {
    const r = JSON.parse(readFileSync(join(one, 'runs.jsonl'), 'utf8').split('\n')[7]);
    const single = await ok([
      'run',
      join(dir, 'scenario.json'),
      '--json',
      '--seed',
      String(r.seed),
      ...Object.entries(r.factors).flatMap(([k, v]) => ['--set', `${k}=${v}`]),
    ]);
    const s = JSON.parse(single.stdout);
    expect(r.metrics['strength.volunteers']).toBe(s.final.strength.volunteers);
    expect(r.metrics.mode).toBe(s.pathway.mode);
    expect(r.metrics.order).toEqual(s.pathway.order);
    expect(r.metrics.servedAny).toBe(s.outcomes.servedAny);
  });

  it('the union of shards, merged, is the same sweep', async () => {
    for (const i of [0, 1, 2])
      await ok(['sweep', planFile, '--out', join(dir, `shard-${i}`), '--shard', `${i}/3`, '--quiet']);
    const shardLines = [0, 1, 2].flatMap((i) => sortedLines(join(dir, `shard-${i}`, 'runs.jsonl')));
    expect(shardLines).toHaveLength(24);
    expect(shardLines.sort()).toEqual(sortedLines(join(one, 'runs.jsonl')));
    const merged = join(dir, 'merged');
    await ok(
      ['merge', join(dir, 'shard-2'), join(dir, 'shard-0'), join(dir, 'shard-1'), '--out', merged, '--quiet'],
      wushe,
    );
    for (const f of ['runs.jsonl', 'summary.csv', 'plan.json', 'sweep.json'])
      expect(readFileSync(join(merged, f), 'utf8'), f).toBe(readFileSync(join(one, f), 'utf8'));
  });

  it('merge refuses a missing shard and a doubled one, naming the runs', async () => {
    const missing = await wusheHere([
      'merge',
      join(dir, 'shard-0'),
      join(dir, 'shard-1'),
      '--out',
      join(dir, 'm2'),
    ]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(
      /^missing 8 of 24 runs: 2, 5, 8, 11, 14, 17, 20, 23; finish their shards/m,
    );
    expect(existsSync(join(dir, 'm2'))).toBe(false);
    const doubled = await wusheHere([
      'merge',
      join(dir, 'shard-0'),
      join(dir, 'shard-1'),
      join(dir, 'shard-2'),
      join(dir, 'shard-1'),
      '--out',
      join(dir, 'm3'),
    ]);
    expect(doubled.status).toBe(2);
    expect(doubled.stderr).toMatch(/^doubled: run 1 is in both .*shard-1 and .*shard-1/m);
    const other = join(dir, 'other');
    mkdirSync(other);
    await ok([
      'sweep',
      writePlan(other, { ...grid, seed: 12 }),
      '--out',
      join(other, 'out'),
      '--shard',
      '2/3',
      '--quiet',
    ]);
    const mixed = await wusheHere([
      'merge',
      join(dir, 'shard-0'),
      join(dir, 'shard-1'),
      join(other, 'out'),
      '--out',
      join(dir, 'm4'),
    ]);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/is not the plan of .*shard-0; only shards of one sweep can be merged/);
  });

  it('writes the resolved plan, which runs again to the same results', async () => {
    const plan = JSON.parse(readFileSync(join(one, 'plan.json'), 'utf8'));
    expect(plan.scenario.id).toBe('sweep-test');
    expect(plan.scenario.parameters).toBeDefined();
    expect(plan).toMatchObject({ design: 'grid', replicates: 3, seed: 11, levels: 2 });
    await ok(['sweep', join(one, 'plan.json'), '--out', join(dir, 'again'), '--quiet']);
    expect(readFileSync(join(dir, 'again', 'runs.jsonl'), 'utf8')).toBe(
      readFileSync(join(one, 'runs.jsonl'), 'utf8'),
    );
  });

  it('summary.csv: one row per design point with mean, sd, CI and mode shares', async () => {
    const [header, ...rows] = readFileSync(join(one, 'summary.csv'), 'utf8').trim().split('\n');
    const cols = header.split(',');
    expect(cols.slice(0, 6)).toEqual([
      'point',
      'initial.volunteers',
      'strategy',
      'initial.charity',
      'n',
      'failed',
    ]);
    for (const c of [
      'strength.volunteers.mean',
      'strength.volunteers.sd',
      'strength.volunteers.ci95_low',
      'strength.volunteers.ci95_high',
      'mode.volunteer-led.share',
    ])
      expect(cols).toContain(c);
    expect(rows).toHaveLength(8);
    for (const row of rows) {
      const v = row.split(',');
      expect(v[cols.indexOf('n')]).toBe('3');
      const shares = ['organization-led', 'volunteer-led', 'charity-led', 'mixed'].map((m) =>
        Number(v[cols.indexOf(`mode.${m}.share`)]),
      );
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      const mean = Number(v[cols.indexOf('strength.volunteers.mean')]);
      expect(Number(v[cols.indexOf('strength.volunteers.ci95_low')])).toBeLessThanOrEqual(mean);
      expect(Number(v[cols.indexOf('strength.volunteers.ci95_high')])).toBeGreaterThanOrEqual(mean);
    }
  });
});

describe('wushe sweep: Morris screening', { timeout: 120_000 }, () => {
  it('writes sensitivity.csv and prints a table', async () => {
    const mdir = join(dir, 'morris');
    mkdirSync(mdir);
    const plan = writePlan(mdir, {
      design: 'morris',
      samples: 4,
      seed: 2,
      factors: {
        'initial.volunteers': { min: 0, max: 1 },
        'parameters.volunteers.lapseHazard': { min: 0.001, max: 0.02 },
      },
    });
    const r = await ok(['sweep', plan, '--out', join(mdir, 'out')], wushe);
    expect(r.stdout).toMatch(/^Morris screening: 4 trajectories × 2 factors, 4 levels/);
    expect(r.stdout).toMatch(/strength\.volunteers\s+initial\.volunteers\s+[-\d.]+\s+[-\d.]+\s+[-\d.]+/);
    const csv = readFileSync(join(mdir, 'out', 'sensitivity.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe('output,factor,n,mu_star,mu,sigma');
    expect(csv.some((l) => l.startsWith('strength.volunteers,initial.volunteers,4,'))).toBe(true);
    expect(csv.some((l) => l.startsWith('mode.volunteer-led,parameters.volunteers.lapseHazard,4,'))).toBe(
      true,
    );
    expect(sortedLines(join(mdir, 'out', 'runs.jsonl'))).toHaveLength(4 * 3);
    // --quiet: no table
    expect((await ok(['sweep', plan, '--out', join(mdir, 'quiet'), '--quiet'])).stdout).toBe('');
  });
});

describe('wushe sweep: bad input exits 2 naming the problem', { timeout: 120_000 }, () => {
  async function fails(args: string[], pattern: RegExp) {
    const r = await wusheHere(args);
    expectNoStack(r.stderr);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(pattern);
    return r;
  }
  let n = 0;
  const plan = (p: Record<string, unknown>, scenario?: Record<string, unknown>) => {
    const d = join(dir, `bad-${n++}`);
    mkdirSync(d);
    return writePlan(d, p, scenario);
  };

  it('an invalid plan', async () => {
    await fails(
      ['sweep', plan({ ...grid, design: 'sobol' }), '--out', join(dir, 'x1')],
      /plan\.json: design: must be one of grid, random, lhs, morris/,
    );
    await fails(
      ['sweep', plan({ ...grid, replicate: 2 }), '--out', join(dir, 'x1')],
      /plan\.json: replicate: unknown key \(did you mean "replicates"\?\)/,
    );
    const d = join(dir, 'syntax');
    mkdirSync(d);
    writeFileSync(join(d, 'plan.json'), '{"design": "grid",\n "seed": }');
    await fails(['sweep', join(d, 'plan.json'), '--out', join(dir, 'x1')], /plan\.json:2:10: invalid JSON/);
    await fails(
      ['sweep', join(dir, 'nope.json'), '--out', join(dir, 'x1')],
      /cannot read .*nope\.json: no such file/,
    );
    await fails(
      ['sweep', plan({ ...grid, scenario: 'missing.json' }), '--out', join(dir, 'x1')],
      /scenario: no such file missing\.json/,
    );
    await fails(
      ['sweep', plan(grid, sweepScenario({ residents: 5 })), '--out', join(dir, 'x1')],
      /scenario\.json: residents: must be between 100 and 4000000/,
    );
    expect(existsSync(join(dir, 'x1'))).toBe(false);
  });

  it('--lang zh (or a Chinese locale) prints a plan’s problems in Chinese', async () => {
    const bad = plan({ ...grid, design: 'sobol', replicate: 2 });
    const r = await wusheHere(['sweep', bad, '--out', join(dir, 'x-zh'), '--lang', 'zh']);
    expectNoStack(r.stderr);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('plan.json: design：必须是以下之一：grid, random, lhs, morris');
    expect(r.stderr).toContain('plan.json: replicate：未知的字段（是不是 "replicates"？）');
    const l = await wusheHere(['sweep', bad, '--out', join(dir, 'x-zh')], { LANG: 'zh_CN.UTF-8' });
    expect(l.status).toBe(2);
    expect(l.stderr).toContain('必须是以下之一');
    expect(existsSync(join(dir, 'x-zh'))).toBe(false);
  });

  it('an unknown path, with did-you-mean', async () => {
    await fails(
      ['sweep', plan({ ...grid, factors: { 'initial.volunters': [0.1, 0.2] } }), '--out', join(dir, 'x2')],
      /plan\.json: factors\["initial\.volunters"\]: unknown scenario field \(did you mean "initial\.volunteers"\?\)/,
    );
  });

  it('a factor range outside the parameter’s range', async () => {
    await fails(
      [
        'sweep',
        plan({ ...grid, factors: { 'parameters.volunteers.lapseHazard': { min: 0, max: 2 } } }),
        '--out',
        join(dir, 'x3'),
      ],
      /plan\.json: factors\["parameters\.volunteers\.lapseHazard"\]\.max: 2 is outside the field's range 0 to /,
    );
  });

  it('a folder that cannot be written, a non-empty folder, bad options', async () => {
    writeFileSync(join(dir, 'a-file'), 'x');
    await fails(
      ['sweep', planFile, '--out', join(dir, 'a-file', 'sub')],
      /--out .*a-file\/sub: a parent in the path is not a folder/,
    );
    await fails(
      ['sweep', planFile, '--out', join(dir, 'a-file')],
      /--out .*a-file: exists and is not a folder/,
    );
    await fails(
      ['sweep', planFile, '--out', join(dir, 'w1')],
      /--out .*w1: the folder is not empty \(plan\.json, runs\.jsonl, summary\.csv, sweep\.json\); add --resume to continue the sweep in it, choose a new folder, or add --force/,
    );
    await fails(
      ['sweep', planFile, '--out', join(dir, 'x4'), '--shard', '3/3'],
      /--shard.*Expected i\/n with 0 ≤ i < n/,
    );
    await fails(['sweep', planFile, '--out', join(dir, 'x4'), '--workers', '0'], /--workers.*from 1 to/);
    await fails(['sweep', planFile], /missing --out DIR/);
  });

  it('--resume into a folder of another sweep or shard', async () => {
    await fails(
      ['sweep', plan({ ...grid, seed: 99 }), '--out', join(dir, 'w1'), '--resume'],
      /holds a different sweep/,
    );
    await fails(
      ['sweep', planFile, '--out', join(dir, 'shard-0'), '--resume'],
      /holds shard 0\/3, not the whole sweep/,
    );
  });

  it('--dry-run checks a plan and prints its size; the example plan in deploy/slurm is valid', async () => {
    const r = await ok(['sweep', planFile, '--dry-run', '--shard', '1/3']);
    expect(r.stdout).toMatch(
      /^plan OK: design grid, 8 design points × 3 replicates = 24 runs; shard 1\/3 runs 8$/m,
    );
    const example = await ok(['sweep', join(ROOT, 'deploy', 'slurm', 'example-plan.json'), '--dry-run']);
    expect(example.stdout).toMatch(/^plan OK: design lhs, 200 design points × 5 replicates = 1000 runs$/m);
  });

  it('--schema prints the plan JSON Schema', async () => {
    const s = JSON.parse((await ok(['sweep', '--schema'])).stdout);
    expect(s.title).toBe('wushe sweep plan');
    expect(Object.keys(s.properties)).toEqual(
      expect.arrayContaining(['scenario', 'factors', 'design', 'samples', 'replicates', 'seed']),
    );
  });
});
