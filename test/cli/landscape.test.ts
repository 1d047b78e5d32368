/**
 * `wushe landscape` end to end: the files through dist/cli.js; one worker and bad input through the
 * same command line in this process (`wusheHere`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoStack, tempDir, writeScenario, wushe, wusheHere } from './helpers.ts';
import { sweepScenario } from './sweepHelpers.ts';

const dir = tempDir();
const scenario = writeScenario(dir, 'base.json', sweepScenario());
const MODES = ['organization-led', 'volunteer-led', 'charity-led', 'mixed'];

describe('wushe landscape', { timeout: 120_000 }, () => {
  const args = [
    'landscape',
    scenario,
    '--x',
    'initial.volunteers',
    '--y',
    'initial.charity',
    '--steps',
    '3',
    '--replicates',
    '2',
  ];

  it('writes landscape.csv, landscape.json and landscape.svg', () => {
    const out = join(dir, 'a');
    const r = wushe([...args, '--out', out, '--workers', '2']);
    expectNoStack(r.stderr);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('18 runs; wrote landscape.csv, landscape.json, landscape.svg');
    const [header, ...rows] = readFileSync(join(out, 'landscape.csv'), 'utf8').trim().split('\n');
    expect(header).toBe(
      `x,y,ix,iy,n,${MODES.map((m) => `share.${m}`).join(',')},dominant,mean_all_involved_tick,all_involved_share`,
    );
    expect(rows).toHaveLength(9);
    const cols = header.split(',');
    rows.forEach((row, i) => {
      const v = row.split(',');
      expect(Number(v[0])).toBe([0, 0.5, 1][i % 3]);
      expect(Number(v[1])).toBe([0, 0.5, 1][Math.floor(i / 3)]);
      expect(v[cols.indexOf('n')]).toBe('2');
      const shares = MODES.map((m) => Number(v[cols.indexOf(`share.${m}`)]));
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(MODES).toContain(v[cols.indexOf('dominant')]);
    });
    const json = JSON.parse(readFileSync(join(out, 'landscape.json'), 'utf8'));
    expect(json).toMatchObject({
      scenario: 'sweep-test',
      x: 'initial.volunteers',
      y: 'initial.charity',
      steps: 3,
      replicates: 2,
      seed: 1,
      failed: 0,
    });
    expect(json.cells).toHaveLength(9);
    const svg = readFileSync(join(out, 'landscape.svg'), 'utf8');
    expect(svg).toMatch(/^<\?xml/);
    expect(svg.match(/class="cell"/g)).toHaveLength(9);
    expect(svg).toContain('Dominant pathway');
  });

  it('the same with one worker', async () => {
    const out = join(dir, 'b');
    expect((await wusheHere([...args, '--out', out, '--workers', '1', '--quiet'])).status).toBe(0);
    for (const f of ['landscape.csv', 'landscape.json', 'landscape.svg'])
      expect(readFileSync(join(out, f), 'utf8')).toBe(readFileSync(join(dir, 'a', f), 'utf8'));
  });

  it('bad axes and options exit 2 naming the problem', async () => {
    const bad = await wusheHere([
      'landscape',
      scenario,
      '--x',
      'initial.volunters',
      '--y',
      'initial.charity',
      '--out',
      join(dir, 'c'),
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      '--x initial.volunters: unknown numeric field (did you mean "initial.volunteers"?)',
    );
    const same = await wusheHere([
      'landscape',
      scenario,
      '--x',
      'initial.charity',
      '--y',
      'initial.charity',
      '--out',
      join(dir, 'c'),
    ]);
    expect(same.status).toBe(2);
    expect(same.stderr).toContain('--x and --y are the same field');
    const steps = await wusheHere([...args.slice(0, 6), '--steps', '1', '--out', join(dir, 'c')]);
    expect(steps.status).toBe(2);
    expect(steps.stderr).toMatch(/--steps.*from 2 to 1000/);
    const missing = await wusheHere([
      'landscape',
      scenario,
      '--x',
      'initial.charity',
      '--out',
      join(dir, 'c'),
    ]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--y/);
  });
});
