/**
 * `wushe discover`: a hand-made sweep folder with a known box and a real tiny sweep end to end (its
 * boxes recounted from runs.jsonl) through dist/cli.js; other boxes, unfinished and programme
 * folders and bad input (exit 2) through the same command line in this process (`wusheHere`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { expectNoStack, tempDir, wushe, wusheHere } from './helpers.ts';
import { sweepScenario, writePlan } from './sweepHelpers.ts';

const dir = tempDir();

/**
 * A sweep folder written by hand: 600 runs over a, b, c ∈ [0, 1] and a strategy; a run's
 * volunteers end weak (0.2) iff a > 0.7 and b < 0.3, else strong (0.8).
 */
function knownFolder(): string {
  const folder = join(dir, 'known');
  mkdirSync(folder);
  const factors = {
    'initial.volunteers': { min: 0, max: 1 },
    'initial.charity': { min: 0, max: 1 },
    'initial.community': { min: 0, max: 1 },
    strategy: ['strengths-first', 'balanced'],
  };
  const n = 600;
  writeFileSync(
    join(folder, 'plan.json'),
    JSON.stringify({
      scenario: sweepScenario(),
      factors,
      design: 'random',
      samples: n,
      replicates: 1,
      seed: 1,
    }),
  );
  writeFileSync(
    join(folder, 'sweep.json'),
    JSON.stringify({ format: 1, points: n, runs: n, shard: null, shardRuns: n }),
  );
  const random = seedrandom('known');
  const lines: string[] = [];
  for (let run = 0; run < n; run++) {
    const [a, b, c] = [random(), random(), random()];
    const weak = a > 0.7 && b < 0.3;
    lines.push(
      JSON.stringify({
        run,
        point: run,
        replicate: 0,
        seed: run,
        factors: {
          'initial.volunteers': a,
          'initial.charity': b,
          'initial.community': c,
          strategy: random() < 0.5 ? 'balanced' : 'strengths-first',
        },
        metrics: {
          'strength.volunteers': weak ? 0.2 : 0.8,
          mode: weak ? 'mixed' : 'volunteer-led',
          allInvolvedTick: null,
        },
      }),
    );
  }
  lines.push(JSON.stringify({ run: n, point: n, replicate: 0, seed: 0, factors: {}, error: 'worker died' }));
  writeFileSync(join(folder, 'runs.jsonl'), `${lines.join('\n')}\n`);
  return folder;
}

const known = knownFolder();

describe('wushe discover', { timeout: 120_000 }, () => {
  it('finds the known box, prints it and writes the five files', () => {
    const out = join(dir, 'known-out');
    const r = wushe(['discover', known, '--outcome', 'strength.volunteers < 0.5', '--out', out]);
    expectNoStack(r.stderr);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Outcome: strength\.volunteers < 0\.5 — \d+ of 600 cases/);
    expect(r.stdout).toMatch(/initial\.volunteers\s+≥ 0\.(69|7)/);
    expect(r.stdout).toMatch(/initial\.charity\s+≤ 0\.(2|3)/);
    expect(r.stdout).not.toMatch(/initial\.community/);
    expect(r.stderr).toContain('wrote trajectory.csv, boxes.csv, boxes.json, trajectory.svg, box.svg');
    const json = JSON.parse(readFileSync(join(out, 'boxes.json'), 'utf8'));
    expect(json.source).toEqual({ folder: known, kind: 'sweep', cases: 600, failed: 1 });
    expect(json.boxes).toHaveLength(1);
    const [box] = json.boxes;
    expect(box.restricted.sort()).toEqual(['initial.charity', 'initial.volunteers']);
    expect(box.limits['initial.volunteers'].min).toBeGreaterThan(0.65);
    expect(box.limits['initial.charity'].max).toBeLessThan(0.35);
    expect(box.density).toBeGreaterThan(0.95);
    expect(box.coverage).toBeGreaterThan(0.8);
    expect(box.quasiP['initial.volunteers']).toBeLessThan(1e-6);
    const traj = readFileSync(join(out, 'trajectory.csv'), 'utf8').trim().split('\n');
    expect(traj[0]).toBe(
      'box,step,action,chosen,coverage,density,mass,cases,positives,restricted,restricted_inputs,' +
        'initial.volunteers.min,initial.volunteers.max,initial.charity.min,initial.charity.max,' +
        'initial.community.min,initial.community.max,strategy',
    );
    expect(traj[1]).toMatch(/^1,0,start,false,1,[\d.]+,1,600,\d+,0,,/);
    expect(traj.filter((l) => l.split(',')[3] === 'true')).toHaveLength(1);
    const boxes = readFileSync(join(out, 'boxes.csv'), 'utf8').trim().split('\n');
    expect(boxes).toHaveLength(1 + 4);
    const svg = readFileSync(join(out, 'trajectory.svg'), 'utf8');
    expect(svg).toMatch(/^<\?xml/);
    expect(svg.match(/class="chosen"/g)).toHaveLength(1);
    expect(readFileSync(join(out, 'box.svg'), 'utf8').match(/class="limit"/g)).toHaveLength(2);
  });

  it('--force replaces only its own files; the help offers it, defaults unquoted', async () => {
    const out = join(dir, 'forced');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'keep me');
    writeFileSync(join(out, 'boxes.json'), 'stale');
    const r = await wusheHere([
      'discover',
      known,
      '--outcome',
      'mode == "mixed"',
      '--out',
      out,
      '--force',
      '--quiet',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(JSON.parse(readFileSync(join(out, 'boxes.json'), 'utf8')).outcome).toBe('mode == "mixed"');
    const help = (await wusheHere(['discover', '--help'])).stdout;
    expect(help).toMatch(/--force\s+write into a folder that is not empty/);
    expect(help).not.toMatch(/\(default: "/);
  });

  it('--coverage and --step choose other boxes of the same trajectory', async () => {
    const byCoverage = await wusheHere([
      'discover',
      known,
      '--outcome',
      'mode == "mixed"',
      '--coverage',
      '1',
    ]);
    expect(byCoverage.status, byCoverage.stderr).toBe(0);
    expect(byCoverage.stdout).toMatch(/coverage 100\.0%/);
    const step0 = await wusheHere(['discover', known, '--outcome', 'mode == "mixed"', '--step', '0']);
    expect(step0.stdout).toMatch(/Box 1 \(step 0 of \d+\): coverage 100\.0%, density [\d.]+%, mass 100\.0%/);
    expect(step0.stdout).toContain('no restriction');
  });

  it('bad input exits 2 with a message naming the problem', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['discover', known, '--outcome', 'strength.volunter < 0.5'],
        /unknown metric "strength\.volunter" \(did you mean "strength\.volunteers"\?\)/,
      ],
      [
        ['discover', known, '--outcome', 'mode = "mixed"'],
        /use == to compare[\s\S]*\n {2}mode = "mixed"\n {7}\^/,
      ],
      [['discover', known, '--outcome', 'mode == "mixd"'], /did you mean "mixed"/],
      [['discover', known, '--outcome', 'mode'], /not a condition/],
      [['discover', join(dir, 'nowhere'), '--outcome', 'mode == "mixed"'], /nowhere: no such folder/],
      [['discover', dir, '--outcome', 'mode == "mixed"'], /not an ensemble folder; expected a sweep folder/],
      [['discover', known], /required option '--outcome <expr>'/],
      [
        ['discover', known, '--outcome', 'mode == "mixed"', '--density', '0.8', '--coverage', '0.5'],
        /cannot be used with/,
      ],
      [['discover', known, '--outcome', 'mode == "mixed"', '--alpha', '0.7'], /alpha/],
      [
        ['discover', known, '--outcome', 'mode == "mixed"', '--step', '9999'],
        /--step 9999: the peeling trajectory has steps 0 to \d+/,
      ],
      [['discover', known, '--outcome', 'mode == "mixed"', '--out', known], /the folder is not empty/],
    ];
    for (const [args, message] of cases) {
      const r = await wusheHere(args);
      expectNoStack(r.stderr);
      expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('reads an unfinished sweep as it is, with a note', async () => {
    const folder = join(dir, 'unfinished');
    mkdirSync(folder);
    for (const f of ['plan.json', 'runs.jsonl']) writeFileSync(join(folder, f), readFileSync(join(known, f)));
    writeFileSync(
      join(folder, 'sweep.json'),
      JSON.stringify({ format: 1, points: 700, runs: 700, shard: null, shardRuns: 700 }),
    );
    writeFileSync(join(folder, 'runs.jsonl'), '{"run":999,"point"', { flag: 'a' });
    const r = await wusheHere(['discover', folder, '--outcome', 'mode == "mixed"']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('601 of 700 runs are done (finish it with wushe sweep --resume)');
    expect(r.stderr).toContain('the last line is cut off');
    expect(r.stdout).toMatch(/of 600 cases/);
  });

  it('reads a programme folder (communities.csv): the communities’ starting conditions are the inputs', async () => {
    const folder = join(dir, 'programme');
    mkdirSync(folder);
    writeFileSync(join(folder, 'programme.json'), '{}\n');
    const random = seedrandom('programme');
    const rows = ['seed,community,id,residents,allocation,initial.volunteers,mode,yearsAfter2.volunteers'];
    for (let k = 0; k < 400; k++) {
      const v = random();
      const allocation = random() < 0.5 ? 'need' : 'equal';
      const left = v < 0.3 && allocation === 'need' ? 5 : 60;
      rows.push(
        `${1 + (k % 4)},${k},c${k},${2000 + Math.floor(random() * 3000)},${allocation},${v},mixed,${left}`,
      );
    }
    writeFileSync(join(folder, 'communities.csv'), `${rows.join('\n')}\n`);
    const r = await wusheHere([
      'discover',
      folder,
      '--outcome',
      'yearsAfter2.volunteers < 10',
      '--max-p',
      '0.01',
    ]);
    expectNoStack(r.stderr);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/initial\.volunteers\s+≤ 0\.(2|3)/);
    expect(r.stdout).toMatch(/allocation\s+need\s/);
    expect(r.stdout).not.toMatch(/residents\s/);
  });

  it('end to end on a tiny sweep: the boxes written match a recount of runs.jsonl', () => {
    const plan = writePlan(dir, {
      design: 'lhs',
      samples: 40,
      replicates: 1,
      seed: 5,
      factors: {
        'initial.volunteers': { min: 0, max: 1 },
        'initial.organizations': { min: 0, max: 1 },
        strategy: ['strengths-first', 'balanced'],
      },
    });
    const sweepOut = join(dir, 'sweep');
    const s = wushe(['sweep', plan, '--out', sweepOut, '--workers', '2', '--quiet']);
    expect(s.status, s.stderr).toBe(0);
    const outcome = 'strength.volunteers < 0.4 || mode == "organization-led"';
    const out = join(dir, 'tiny-out');
    const r = wushe([
      'discover',
      sweepOut,
      '--outcome',
      outcome,
      '--boxes',
      '2',
      '--paste',
      '--density',
      '0.6',
      '--min-mass',
      '0.1',
      '--out',
      out,
      '--quiet',
    ]);
    expectNoStack(r.stderr);
    expect(r.status, r.stderr).toBe(0);
    const runs = readFileSync(join(sweepOut, 'runs.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const hit = (m: Record<string, unknown>) =>
      (m['strength.volunteers'] as number) < 0.4 || m.mode === 'organization-led';
    const json = JSON.parse(readFileSync(join(out, 'boxes.json'), 'utf8'));
    expect(json.cases).toBe(40);
    expect(json.positives).toBe(runs.filter((x) => hit(x.metrics)).length);
    let left = runs;
    for (const box of json.boxes) {
      const inside = (x: { factors: Record<string, unknown> }) =>
        Object.entries(box.limits as Record<string, { min?: number; max?: number; keep?: string[] }>).every(
          ([k, l]) => {
            const v = x.factors[k];
            return l.keep ? l.keep.includes(v as string) : (v as number) >= l.min! && (v as number) <= l.max!;
          },
        );
      const inBox = left.filter(inside);
      expect(box.cases).toBe(inBox.length);
      expect(box.positives).toBe(inBox.filter((x) => hit(x.metrics)).length);
      expect(box.density).toBeCloseTo(box.positives / box.cases, 9);
      expect(box.coverage).toBeCloseTo(box.positives / json.positives, 9);
      expect(box.mass).toBeGreaterThanOrEqual(0.1 - 1e-12);
      left = left.filter((x) => !inside(x));
    }
  });
});
