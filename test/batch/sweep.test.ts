import { describe, expect, it } from 'vitest';
import { SENSITIVITY_OUTPUTS, sensitivity, summaryColumns, summaryCsv } from '../../src/batch/aggregate.ts';
import type { RunMetrics } from '../../src/batch/metrics.ts';
import { checkPlanShape, type ResolvedPlan, resolvePlan } from '../../src/batch/plan.ts';
import { parseRecord, type RunRecord, recordLine } from '../../src/batch/records.ts';
import { deriveSeed } from '../../src/batch/seeds.ts';
import {
  checkPoints,
  createSweep,
  inShard,
  parseShard,
  runSpec,
  scenarioForRun,
  shardSize,
} from '../../src/batch/sweep.ts';
import { applySet } from '../../src/model/parse.ts';
import { validateScenario } from '../../src/model/scenario.ts';
import { smallScenario } from './helpers.ts';

function plan(p: Record<string, unknown>, scenario = smallScenario()): ResolvedPlan {
  const v = validateScenario(scenario);
  if (!v.ok) throw new Error(v.errors.join('\n'));
  const shape = checkPlanShape({ scenario: 'x.json', ...p });
  if (!shape.ok) throw new Error(shape.errors.join('\n'));
  const r = resolvePlan(shape.plan, v.scenario);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.plan;
}

/** Metrics with every key, numeric ones 0, for fake records. */
function metrics(values: Partial<Record<string, unknown>> = {}): RunMetrics {
  const m: Record<string, unknown> = { mode: 'mixed', firstMover: null, order: [], allInvolvedTick: null };
  for (const k of SENSITIVITY_OUTPUTS) if (!k.startsWith('mode.') && k !== 'allInvolvedTick') m[k] = 0;
  return { ...m, ...values } as RunMetrics;
}

describe('derived seeds', () => {
  it('depend on master seed, point and replicate only, and are stable across versions', () => {
    expect(deriveSeed(1, 0, 0)).toBe(deriveSeed(1, 0, 0));
    // frozen: changing the derivation would change every published sweep
    expect([
      deriveSeed(1, 0, 0),
      deriveSeed(1, 0, 1),
      deriveSeed(1, 1, 0),
      deriveSeed(2, 0, 0),
    ]).toMatchInlineSnapshot(`
      [
        3517789490,
        18650556,
        2719484655,
        3902304396,
      ]
    `);
  });

  it('are distinct over a large block of points and replicates', () => {
    const seen = new Set<number>();
    for (let p = 0; p < 300; p++) for (let r = 0; r < 30; r++) seen.add(deriveSeed(42, p, r));
    expect(seen.size).toBe(9000);
    for (const s of seen) expect(s >= 0 && s <= 4294967295 && Number.isInteger(s)).toBe(true);
  });
});

describe('design points and runs', () => {
  it('grid: the first factor varies slowest; ranges take `levels` values', () => {
    const s = createSweep(
      plan({
        design: 'grid',
        seed: 1,
        levels: 3,
        replicates: 2,
        factors: { strategy: ['balanced', 'weakest-first'], 'initial.charity': { min: 0, max: 1 } },
      }),
    );
    expect(s.points).toBe(6);
    expect(s.runs).toBe(12);
    expect(Array.from({ length: 6 }, (_, p) => s.values(p))).toEqual([
      ['balanced', 0],
      ['balanced', 0.5],
      ['balanced', 1],
      ['weakest-first', 0],
      ['weakest-first', 0.5],
      ['weakest-first', 1],
    ]);
    const r = runSpec(s, 7);
    expect(r).toEqual({
      run: 7,
      point: 3,
      replicate: 1,
      seed: deriveSeed(1, 3, 1),
      factors: { strategy: 'weakest-first', 'initial.charity': 0 },
    });
  });

  it('grid over a whole-number range rounds and drops repeats', () => {
    const s = createSweep(
      plan({ design: 'grid', seed: 1, levels: 5, factors: { ticks: { min: 10, max: 12 } } }),
    );
    expect(Array.from({ length: s.points }, (_, p) => s.values(p)[0])).toEqual([10, 11, 12]);
  });

  it('random and lhs stay inside the ranges and are reproducible', () => {
    for (const design of ['random', 'lhs']) {
      const p = plan({
        design,
        seed: 9,
        samples: 30,
        factors: {
          'parameters.volunteers.lapseHazard': { min: 0.001, max: 0.02 },
          residents: { min: 100, max: 300 },
        },
      });
      const a = createSweep(p);
      const b = createSweep(p);
      for (let i = 0; i < a.points; i++) {
        const [h, n] = a.values(i) as number[];
        expect(h).toBeGreaterThanOrEqual(0.001);
        expect(h).toBeLessThanOrEqual(0.02);
        expect(Number.isInteger(n) && n >= 100 && n <= 300).toBe(true);
        expect(b.values(i)).toEqual(a.values(i));
      }
    }
  });

  it('shards deal runs round-robin and together cover every run once', () => {
    expect(parseShard('1/4')).toEqual({ index: 1, count: 4 });
    for (const bad of ['4/4', '-1/2', '1', 'a/b', '0/0']) expect(parseShard(bad)).toBeUndefined();
    const count = 3;
    const runs = 10;
    const seen: number[] = [];
    for (let i = 0; i < count; i++) {
      const mine = Array.from({ length: runs }, (_, r) => r).filter((r) => inShard(r, { index: i, count }));
      expect(mine).toHaveLength(shardSize(runs, { index: i, count }));
      seen.push(...mine);
    }
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: runs }, (_, r) => r));
  });

  it('a run’s scenario is the base with its factor values and seed, as full validation would give', () => {
    const p = plan({
      design: 'lhs',
      seed: 3,
      samples: 5,
      factors: {
        'initial.volunteers': { min: 0, max: 1 },
        'parameters.volunteers.lapseHazard': { min: 0.001, max: 0.02 },
        strategy: ['balanced', 'weakest-first'],
      },
    });
    expect(p.validateRuns).toBe(false);
    const s = createSweep(p);
    for (let run = 0; run < s.runs; run++) {
      const spec = runSpec(s, run);
      const fast = scenarioForRun(p, spec);
      const file = smallScenario() as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(spec.factors)) applySet(file, `${k}=${JSON.stringify(v)}`);
      applySet(file, `seed=${spec.seed}`);
      const full = validateScenario(file);
      expect(full.ok && full.scenario).toEqual(fast);
    }
  });

  it('factors coupled to other fields are validated per design point', () => {
    const scenario = smallScenario({
      ticks: 30,
      interventions: [{ type: 'shock', tick: 25, need: 'all', size: 0.2 }],
    });
    const p = plan(
      { design: 'grid', seed: 1, factors: { ticks: { min: 10, max: 50 } }, levels: 3 },
      scenario,
    );
    expect(p.validateRuns).toBe(true);
    const problems = checkPoints(createSweep(p));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /design point 0 \{"ticks":10\}: invalid scenario: interventions\[0\]\.tick: week 25/,
    );
    expect(() => scenarioForRun(p, runSpec(createSweep(p), 0))).toThrow(/week 25/);
    expect(scenarioForRun(p, runSpec(createSweep(p), 1)).interventions[0]).toMatchObject({ share: 1 });
  });
});

describe('runs.jsonl lines', () => {
  it('have a fixed key order and read back', () => {
    const r: RunRecord = {
      run: 3,
      point: 1,
      replicate: 0,
      seed: 99,
      factors: { strategy: 'balanced' },
      metrics: metrics({ 'strength.charity': 0.5, mode: 'charity-led' }),
    };
    const line = recordLine(r);
    expect(
      line.startsWith(
        '{"run":3,"point":1,"replicate":0,"seed":99,"factors":{"strategy":"balanced"},"metrics":{"strength.community":0,',
      ),
    ).toBe(true);
    expect(line).not.toMatch(/time|host|duration/i);
    expect(parseRecord(line)).toEqual(JSON.parse(line));
    const failed = recordLine({ ...r, metrics: undefined, error: 'boom' });
    expect(JSON.parse(failed)).toEqual({
      run: 3,
      point: 1,
      replicate: 0,
      seed: 99,
      factors: { strategy: 'balanced' },
      error: 'boom',
    });
    for (const bad of [
      '',
      '{',
      '[]',
      '{"run":1}',
      '{"run":-1,"point":0,"replicate":0,"seed":1,"factors":{},"error":"x"}',
    ])
      expect(parseRecord(bad)).toBeUndefined();
  });
});

describe('summary.csv', () => {
  it('per design point: mean, sd and 95% CI of each metric, and mode shares', () => {
    const s = createSweep(
      plan({ design: 'grid', seed: 1, replicates: 5, factors: { 'initial.charity': [0.1, 0.9] } }),
    );
    const records: RunRecord[] = [];
    // point 0: strength.charity 1…5 (mean 3, CI 3 ± 1.963243); point 1: four runs and one failure
    for (let run = 0; run < 10; run++) {
      const spec = runSpec(s, run);
      if (run === 9) records.push({ ...spec, error: 'boom' });
      else
        records.push({
          ...spec,
          metrics: metrics({
            'strength.charity': spec.point === 0 ? spec.replicate + 1 : 0.5,
            mode: spec.replicate < 2 ? 'charity-led' : 'mixed',
            firstMover: spec.replicate < 2 ? 'charity' : null,
            allInvolvedTick: spec.replicate === 0 ? 40 : null,
          }),
        });
    }
    // order of records must not matter
    const csv = summaryCsv(s, [...records].reverse());
    expect(csv).toBe(summaryCsv(s, records));
    const [header, ...rows] = csv
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    expect(header.slice(0, 2)).toEqual(['point', 'initial.charity']);
    expect(header.slice(2)).toEqual(summaryColumns());
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows).toHaveLength(2);
    expect(col(rows[0], 'n')).toBe('5');
    expect(col(rows[0], 'failed')).toBe('0');
    expect(Number(col(rows[0], 'strength.charity.mean'))).toBe(3);
    expect(Number(col(rows[0], 'strength.charity.sd'))).toBeCloseTo(1.581139, 5);
    expect(Number(col(rows[0], 'strength.charity.ci95_low'))).toBeCloseTo(1.036757, 5);
    expect(Number(col(rows[0], 'strength.charity.ci95_high'))).toBeCloseTo(4.963243, 5);
    expect(Number(col(rows[0], 'mode.charity-led.share'))).toBe(0.4);
    // 2 of 5 runs: the 95% Wilson interval (0.1176, 0.7693)
    expect(Number(col(rows[0], 'mode.charity-led.wilson95_low'))).toBeCloseTo(0.1176, 4);
    expect(Number(col(rows[0], 'mode.charity-led.wilson95_high'))).toBeCloseTo(0.7693, 4);
    expect(Number(col(rows[0], 'mode.mixed.share'))).toBe(0.6);
    expect(Number(col(rows[0], 'firstMover.none.share'))).toBe(0.6);
    expect(Number(col(rows[0], 'allInvolved.share'))).toBe(0.2);
    expect(col(rows[0], 'allInvolvedTick.mean')).toBe('40');
    expect(col(rows[0], 'allInvolvedTick.sd')).toBe('');
    expect(col(rows[1], 'n')).toBe('4');
    expect(col(rows[1], 'failed')).toBe('1');
    expect(Number(col(rows[1], 'mode.charity-led.share'))).toBe(0.5);
  });
});

describe('Morris through the sweep: a toy response of the factor values', () => {
  // y = 2·volunteers − 0.5·charity/0.5 + 0·organizations, with charity over [0, 0.5]
  const p = plan({
    design: 'morris',
    seed: 5,
    samples: 12,
    replicates: 2,
    factors: {
      'initial.volunteers': { min: 0, max: 1 },
      'initial.charity': { min: 0, max: 0.5 },
      'initial.organizations': { min: 0.2, max: 0.8 },
    },
  });
  const s = createSweep(p);
  const records: RunRecord[] = [];
  for (let run = 0; run < s.runs; run++) {
    const spec = runSpec(s, run);
    const v = spec.factors['initial.volunteers'] as number;
    const c = spec.factors['initial.charity'] as number;
    records.push({
      ...spec,
      metrics: metrics({ 'strength.volunteers': 2 * v - c, mode: v > 0.5 ? 'volunteer-led' : 'mixed' }),
    });
  }
  const rows = sensitivity(s, records);
  const row = (factor: string, output: string) =>
    rows.find((r) => r.factor === factor && r.output === output)!;

  it('recovers the effects per full factor range', () => {
    expect(row('initial.volunteers', 'strength.volunteers').mu).toBeCloseTo(2, 6);
    expect(row('initial.volunteers', 'strength.volunteers').sigma).toBeCloseTo(0, 6);
    // charity moves over a range of 0.5: effect −1 · 0.5
    expect(row('initial.charity', 'strength.volunteers').mu).toBeCloseTo(-0.5, 6);
    expect(row('initial.charity', 'strength.volunteers').muStar).toBeCloseTo(0.5, 6);
    expect(row('initial.organizations', 'strength.volunteers').muStar).toBe(0);
    expect(row('initial.volunteers', 'strength.volunteers').n).toBe(12);
  });

  it('screens the mode shares too', () => {
    expect(row('initial.volunteers', 'mode.volunteer-led').muStar!).toBeGreaterThan(0);
    expect(row('initial.charity', 'mode.volunteer-led').muStar).toBe(0);
  });
});
