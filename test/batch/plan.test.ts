import { describe, expect, it } from 'vitest';
import {
  checkPlanShape,
  planJsonSchema,
  planToFile,
  type ResolvedPlan,
  resolvePlan,
} from '../../src/batch/plan.ts';
import { validateScenario } from '../../src/model/scenario.ts';
import { smallScenario } from './helpers.ts';

const base = (() => {
  const v = validateScenario(smallScenario());
  if (!v.ok) throw new Error(v.errors.join('\n'));
  return v.scenario;
})();

/** Problems of a plan (shape and factors), as the command line would list them. */
function problems(plan: Record<string, unknown>): string[] {
  const shape = checkPlanShape({ scenario: 'x.json', ...plan });
  if (!shape.ok) return shape.errors;
  const r = resolvePlan(shape.plan, base);
  return r.ok ? [] : r.errors;
}

function resolved(plan: Record<string, unknown>): ResolvedPlan {
  const shape = checkPlanShape({ scenario: 'x.json', ...plan });
  if (!shape.ok) throw new Error(shape.errors.join('\n'));
  const r = resolvePlan(shape.plan, base);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.plan;
}

const grid = { design: 'grid', seed: 1, factors: { 'initial.volunteers': [0.1, 0.9] } };

describe('plan validation', () => {
  it('accepts a valid plan and fills defaults', () => {
    const p = resolved(grid);
    expect(p.replicates).toBe(1);
    expect(p.levels).toBe(5);
    expect(p.samples).toBeNull();
    expect(
      resolved({ design: 'morris', seed: 1, samples: 4, factors: { 'initial.charity': { min: 0, max: 1 } } })
        .levels,
    ).toBe(4);
  });

  it('unknown keys, with did-you-mean', () => {
    expect(problems({ ...grid, replicate: 3 })).toEqual([
      'replicate: unknown key (did you mean "replicates"?)',
    ]);
    expect(problems({ ...grid, factor: {} })[0]).toBe('factor: unknown key (did you mean "factors"?)');
  });

  it('missing and mistyped fixed keys', () => {
    expect(problems({ design: 'grid', factors: {} })).toEqual(['seed: is required (the master seed)']);
    expect(problems({ ...grid, design: 'sobol' })).toEqual([
      'design: must be one of grid, random, lhs, morris',
    ]);
    expect(problems({ ...grid, replicates: 0 })).toEqual(['replicates: must be at least 1']);
    expect(problems({ ...grid, replicates: 2.5 })).toEqual(['replicates: must be a whole number']);
    expect(problems({ ...grid, seed: -1 })).toEqual(['seed: must be between 0 and 4294967295']);
    expect(checkPlanShape({ ...grid }).ok).toBe(false);
    expect(checkPlanShape({ ...grid, scenario: 3 })).toEqual({
      ok: false,
      errors: ['scenario: must be a file path (text) or an inline scenario (an object)'],
    });
  });

  it('unknown factor path, with did-you-mean', () => {
    expect(problems({ ...grid, factors: { 'initial.volunters': [0.1] } })).toEqual([
      'factors["initial.volunters"]: unknown scenario field (did you mean "initial.volunteers"?); see `wushe schema` for the fields',
    ]);
    expect(problems({ ...grid, factors: { volunteers: [0.1] } })[0]).toContain(
      '(did you mean "initial.volunteers"?)',
    );
    expect(problems({ ...grid, factors: { 'parameters.volunteers.lapseHazzard': [0.1] } })[0]).toContain(
      'did you mean "parameters.volunteers.lapseHazard"',
    );
  });

  it('a factor range outside the parameter’s declared range', () => {
    expect(problems({ ...grid, factors: { 'initial.volunteers': { min: 0.2, max: 1.5 } } })).toEqual([
      'factors["initial.volunteers"].max: 1.5 is outside the field\'s range 0 to 1 (strength index 0–1)',
    ]);
    expect(problems({ ...grid, factors: { residents: [50, 500] } })).toEqual([
      'factors["residents"][0]: 50 is outside the field\'s range 100 to 4000000 (residents)',
    ]);
    expect(problems({ ...grid, factors: { residents: [150.5] } })[0]).toBe(
      'factors["residents"][0]: 150.5 must be a whole number (residents)',
    );
    expect(problems({ ...grid, factors: { 'initial.charity': { min: 0.5, max: 0.5 } } })).toEqual([
      'factors["initial.charity"]: min (0.5) must be less than max (0.5)',
    ]);
  });

  it('malformed factors', () => {
    expect(problems({ ...grid, factors: { 'initial.charity': [] } })).toEqual([
      'factors["initial.charity"]: the list of values is empty',
    ]);
    expect(problems({ ...grid, factors: { 'initial.charity': 0.5 } })).toEqual([
      'factors["initial.charity"]: must be a list of values or a range {"min": a, "max": b}',
    ]);
    expect(problems({ ...grid, factors: { 'initial.charity': { min: 0, mx: 1 } } })[0]).toContain(
      'factors["initial.charity"].mx: unknown key (did you mean "max"?)',
    );
    expect(problems({ ...grid, factors: { strategy: { min: 0, max: 1 } } })[0]).toContain(
      'needs a numeric field',
    );
    expect(problems({ ...grid, factors: { strategy: ['balanced', 'fastest'] } })[0]).toBe(
      'factors["strategy"][1]: "fastest": strategy: must be one of strengths-first, weakest-first, balanced',
    );
    expect(problems({ ...grid, factors: { 'initial.charity': [0.1, 0.1] } })[0]).toBe(
      'factors["initial.charity"][1]: 0.1 is listed twice',
    );
    expect(problems({ ...grid, factors: { seed: [1, 2] } })[0]).toMatch(
      /^factors\["seed"\]: cannot be a factor/,
    );
  });

  it('design requirements', () => {
    const f = { 'initial.charity': { min: 0, max: 1 } };
    expect(problems({ design: 'lhs', seed: 1, factors: f })).toEqual([
      'samples: is required for design lhs (the number of design points)',
    ]);
    expect(problems({ design: 'grid', seed: 1, samples: 3, factors: f })[0]).toMatch(
      /^samples: not used by design grid/,
    );
    expect(problems({ design: 'morris', seed: 1, samples: 1, factors: f })[0]).toMatch(
      /at least 2 trajectories/,
    );
    expect(problems({ design: 'morris', seed: 1, samples: 4, levels: 5, factors: f })[0]).toMatch(
      /even number/,
    );
    expect(
      problems({
        design: 'morris',
        seed: 1,
        samples: 4,
        factors: { strategy: ['balanced', 'weakest-first'] },
      })[0],
    ).toMatch(/design morris needs a range/);
    expect(problems({ design: 'random', seed: 1, samples: 4, factors: {} })).toEqual([
      'factors: design random needs at least one factor',
    ]);
    expect(problems({ design: 'random', seed: 1, samples: 4, levels: 3, factors: f })[0]).toMatch(
      /levels: not used/,
    );
  });

  it('refuses a plan too large to run', () => {
    const many = Array.from({ length: 200 }, (_, i) => 100 + i);
    expect(
      problems({
        design: 'grid',
        seed: 1,
        replicates: 1000,
        factors: { residents: many, ticks: many.slice(0, 100) },
      })[0],
    ).toMatch(/runs; at most 10,000,000/);
  });

  it('the resolved plan is a plan again', () => {
    const p = resolved({
      ...grid,
      replicates: 2,
      factors: { 'initial.volunteers': { min: 0, max: 1 }, strategy: ['balanced'] },
    });
    const file = planToFile(p);
    expect(file.scenario).toMatchObject({ id: 'batch-test' });
    const again = checkPlanShape(file);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    const r = resolvePlan(again.plan, base);
    expect(r.ok && planToFile(r.plan)).toEqual(file);
  });

  it('has a JSON Schema with the fixed keys', () => {
    const s = planJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    for (const k of ['scenario', 'factors', 'design', 'samples', 'replicates', 'seed'])
      expect(s.properties).toHaveProperty(k);
    expect(s.required).toEqual(expect.arrayContaining(['scenario', 'factors', 'design', 'seed']));
  });
});

describe('plan validation: required keys', () => {
  it('names each missing key', () => {
    expect(problems({})).toEqual([
      'design: is required (one of grid, random, lhs, morris)',
      'seed: is required (the master seed)',
      'factors: is required (an object from field path to a list of values or {"min": a, "max": b})',
    ]);
  });
});
