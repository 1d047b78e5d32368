/**
 * `wushe run` end to end with the real engine: byte-identical output from separate processes and the
 * files of --out through dist/cli.js, the rest through the same command line in this process
 * (`wusheHere`). test/cli/wiring.test.ts covers the command with a stand-in engine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CliRun,
  expectNoStack,
  minimalScenario,
  tempDir,
  writeScenario,
  wushe,
  wusheHere,
} from './helpers.ts';

const ELEMENTS = ['community', 'organizations', 'socialWorkers', 'volunteers', 'charity'];
const MODES = ['organization-led', 'volunteer-led', 'charity-led', 'mixed'];

const dir = tempDir();
const file = writeScenario(dir, 'run.json', minimalScenario());

/** `wushe run FILE --json …`, in this process unless `here` is false (then through dist/cli.js). */
async function runJson(args: string[], here = true): Promise<CliRun> {
  const a = ['run', file, '--json', ...args];
  const r = here ? await wusheHere(a) : wushe(a);
  expectNoStack(r.stderr);
  expect(r.status, r.stderr).toBe(0);
  return r;
}

describe('wushe run (real engine)', { timeout: 120_000 }, () => {
  it('--knockout switches a mechanism off (repeatable, added to --set knockouts)', async () => {
    const flows = async (args: string[]) =>
      // 1,000 residents: in the file’s 200, thirty weeks may bring no such event at all
      (
        JSON.parse((await runJson(['--ticks', '30', '--set', 'residents=1000', ...args])).stdout).flows as {
          mechanism: string;
          count: number;
        }[]
      )
        .filter((f) => f.mechanism === 'peer-asks-volunteer' || f.mechanism === 'volunteer-becomes-core')
        .reduce((a, f) => a + f.count, 0);
    expect(await flows([])).toBeGreaterThan(0);
    expect(
      await flows(['--knockout', 'peer-asks-volunteer', '--set', 'knockouts=volunteer-becomes-core']),
    ).toBe(0);
  });

  it('--json: one JSON document with the fixed fields', async () => {
    const r = await runJson([]);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.trimEnd()).not.toContain('\n');
    const s = JSON.parse(r.stdout);
    expect(s.scenario).toBe('cli-test');
    expect(s.seed).toBe(1);
    expect(s.ticks).toBe(20);
    expect([...ELEMENTS, null]).toContain(s.pathway.firstMover);
    expect(Array.isArray(s.pathway.order)).toBe(true);
    for (const e of s.pathway.order) expect(ELEMENTS).toContain(e);
    expect(MODES).toContain(s.pathway.mode);
    expect(Object.keys(s.final.strength).sort()).toEqual([...ELEMENTS].sort());
    for (const e of ELEMENTS) {
      const v = s.final.strength[e];
      expect(typeof v).toBe('number');
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(typeof s.series).toBe('object');
    for (const column of Object.values(s.series) as number[][]) expect(column).toHaveLength(21);
    expect(Array.isArray(s.flows)).toBe(true);
    for (const f of s.flows) {
      expect(ELEMENTS).toContain(f.from);
      expect(ELEMENTS).toContain(f.to);
      expect(typeof f.mechanism).toBe('string');
      expect(typeof f.count).toBe('number');
    }
    expect(typeof s.outcomes).toBe('object');
  });

  it('--seed and --ticks override the file', async () => {
    const s = JSON.parse((await runJson(['--seed', '9', '--ticks', '8'])).stdout);
    expect(s.seed).toBe(9);
    expect(s.ticks).toBe(8);
    for (const column of Object.values(s.series) as number[][]) expect(column).toHaveLength(9);
  });

  it('the same seed gives byte-identical output; another seed differs', async () => {
    const a = (await runJson(['--seed', '42'], false)).stdout;
    const b = (await runJson(['--seed', '42'], false)).stdout;
    const c = (await runJson(['--seed', '43'])).stdout;
    expect((await runJson(['--seed', '42'])).stdout, 'in this process').toBe(a);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('--set changes the scenario that is run', async () => {
    const s = JSON.parse(
      (await runJson(['--set', 'initial.volunteers=0.9', '--set', 'strategy=balanced'])).stdout,
    );
    expect(s.strategy).toBe('balanced');
    expect(s.initial.strength.volunteers).toBeGreaterThan(0.5);
  });

  it('a readable summary without --json', async () => {
    const r = await wusheHere(['run', file]);
    expectNoStack(r.stderr);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('cli-test');
    expect(r.stdout).toContain('Pathway');
    for (const e of ELEMENTS) expect(r.stdout).toContain(e);
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  it('--out writes the five data files', () => {
    const out = join(dir, 'out');
    const r = wushe(['run', file, '--out', out, '--quiet', '--ticks', '104']);
    expectNoStack(r.stderr);
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['summary.json', 'series.csv', 'flows.csv', 'events.jsonl', 'scenario.json']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.scenario).toBe('cli-test');

    const series = readFileSync(join(out, 'series.csv'), 'utf8').trimEnd().split('\n');
    expect(series[0].split(',')[0]).toBe('tick');
    expect(series[0].split(',').slice(1)).toEqual(Object.keys(summary.series).filter((k) => k !== 'tick'));
    expect(series).toHaveLength(1 + 105);
    expect(series[105].split(',')[0]).toBe('104');

    const flows = readFileSync(join(out, 'flows.csv'), 'utf8').trimEnd().split('\n');
    expect(flows[0]).toBe('from,to,mechanism,count,strength');
    expect(flows).toHaveLength(1 + summary.flows.length);

    const lines = readFileSync(join(out, 'events.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const e = JSON.parse(line);
      expect(typeof e.tick).toBe('number');
      expect(typeof e.mechanism).toBe('string');
      expect(ELEMENTS).toContain(e.source);
      expect(ELEMENTS).toContain(e.target);
    }

    // The scenario as run is a scenario file that runs again to the same result.
    const again = wushe(['run', join(out, 'scenario.json'), '--json']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toBe(`${JSON.stringify(summary)}\n`);
  });
});
