/**
 * Bad input found in review: each must be answered with exit 2 and a message, or handled, never a
 * crash or a run of hours.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoStack, ROOT, tempDir, writeScenario, wusheHere } from './helpers.ts';
import { writePlan } from './sweepHelpers.ts';

const dir = tempDir();

describe('answers found in review', { timeout: 120_000 }, () => {
  it('validate scenarios/*.json skips the JSON Schema that lives beside the presets', async () => {
    const r = await wusheHere([
      'validate',
      join('scenarios', 'schema.json'),
      join('scenarios', 'baseline.json'),
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('scenarios/schema.json: a JSON Schema, not a scenario (skipped)');
    expect(r.stdout).toContain('scenarios/baseline.json: valid');
  });

  it('calibrating a whole-number parameter rounds it instead of crashing', async () => {
    const hubei = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'hubei-2020.json'), 'utf8'));
    const file = writeScenario(dir, 'small.json', {
      ...hubei,
      ticks: 3,
      ensemble: { ...hubei.ensemble, communities: 2, residents: { min: 400, max: 500 } },
    });
    const targets = writeScenario(dir, 'int-targets.json', {
      respondents: 20,
      replicates: 1,
      evaluations: 3,
      indicators: [{ name: 'coverage.socialWorkers', observed: 0.9 }],
      parameters: [{ path: 'parameters.network.buildingSize', min: 10, max: 50 }],
    });
    const out = join(dir, 'int-fit');
    const r = await wusheHere(['calibrate', file, '--targets', targets, '--out', out, '--quiet']);
    expectNoStack(r.stderr);
    expect(r.status, r.stderr).toBe(0);
    const fitted = JSON.parse(readFileSync(join(out, 'scenario.json'), 'utf8'));
    expect(Number.isInteger(fitted.parameters.network.buildingSize)).toBe(true);
  });

  it('a hundred thousand social workers in a hundred-resident community still run quickly', async () => {
    const t0 = Date.now();
    const r = await wusheHere([
      'run',
      join('scenarios', 'baseline.json'),
      '--set',
      'residents=100',
      '--set',
      'ticks=20',
      '--set',
      'parameters.socialWorkers.groupSize=100',
      '--set',
      'interventions=[{"type":"hire","tick":0,"socialWorkers":100000}]',
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('merge and resume refuse a folder whose sweep.json is not one wushe wrote', async () => {
    const plan = writePlan(dir, {
      design: 'grid',
      seed: 1,
      replicates: 1,
      factors: { strategy: ['balanced'] },
    });
    const good = join(dir, 'sweep-good');
    expect((await wusheHere(['sweep', plan, '--out', good, '--quiet'])).status).toBe(0);
    const bad = join(dir, 'sweep-bad');
    mkdirSync(bad);
    cpSync(join(good, 'plan.json'), join(bad, 'plan.json'));
    cpSync(join(good, 'runs.jsonl'), join(bad, 'runs.jsonl'));
    writeFileSync(join(bad, 'sweep.json'), 'null\n');
    for (const args of [
      ['merge', good, bad, '--out', join(dir, 'merged')],
      ['sweep', plan, '--out', bad, '--resume', '--quiet'],
    ]) {
      const r = await wusheHere(args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain('sweep.json: not a sweep description written by wushe sweep');
      expectNoStack(r.stderr);
    }
  });

  it('a design too large to hold in memory is refused before it is built', async () => {
    const factors = Object.fromEntries(
      ['community', 'organizations', 'socialWorkers', 'volunteers', 'charity'].map((e) => [
        `initial.${e}`,
        { min: 0, max: 1 },
      ]),
    );
    const plan = writePlan(dir, { design: 'lhs', samples: 9_000_000, replicates: 1, seed: 1, factors });
    const r = await wusheHere(['sweep', plan, '--out', join(dir, 'huge'), '--dry-run']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('values; at most 20,000,000');
  });

  it('a number where the id should be text says so', async () => {
    const r = await wusheHere(['run', join('scenarios', 'baseline.json'), '--set', 'id=2024']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('id: must be text');
  });

  it('--set reaches the ensemble (survey) and the scenario being fitted (calibrate)', async () => {
    const out = join(dir, 'set-survey');
    const hubei = join('scenarios', 'hubei-2020.json');
    const r = await wusheHere([
      'survey',
      hubei,
      '--set',
      'ensemble.communities=2',
      '--set',
      'ticks=2',
      '--respondents',
      '10',
      '--out',
      out,
      '--quiet',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).communities).toBe(2);
    const targets = writeScenario(dir, 'set-targets.json', {
      respondents: 10,
      replicates: 1,
      evaluations: 2,
      indicators: [{ name: 'coverage.socialWorkers', observed: 0.9 }],
      parameters: [{ path: 'parameters.socialWorkers.targetFocus', min: 0.2, max: 1 }],
    });
    const fit = join(dir, 'set-fit');
    const c = await wusheHere([
      'calibrate',
      hubei,
      '--set',
      'ensemble.communities=2',
      '--set',
      'ticks=2',
      '--targets',
      targets,
      '--out',
      fit,
      '--quiet',
    ]);
    expect(c.status, c.stderr).toBe(0);
    const fitted = JSON.parse(readFileSync(join(fit, 'scenario.json'), 'utf8'));
    expect(fitted.ensemble.communities).toBe(2);
    expect(fitted.ticks).toBe(2);
    const bad = await wusheHere([
      'calibrate',
      hubei,
      '--set',
      'ensemble.comunities=2',
      '--targets',
      targets,
      '--out',
      fit,
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('did you mean "ensemble.communities"');
  });
});
