import fc from 'fast-check';
import { describe, it } from 'vitest';
import { runSummary } from '../../src/analysis/summary.ts';
import { Simulation } from '../../src/engine/run.ts';
import { ELEMENTS, STRATEGIES } from '../../src/model/elements.ts';
import { NEEDS } from '../../src/model/interventions.ts';
import { type NumberSpec, PARAMETERS } from '../../src/model/parameters.ts';
import { validateScenario } from '../../src/model/scenario.ts';
import { consistencyProblem, numbersIn } from './helpers.ts';

/**
 * Ranges narrowed for speed only. Each of these sets how much work one week does, and at the top of
 * its declared range a week can do millions of steps (e.g. a fund of 10,000 yuan per resident paid
 * out as 1-yuan aid packages), which a property test of many runs cannot afford. Every other
 * parameter is drawn from its full declared range.
 */
const FAST_RANGES: Record<string, [number, number]> = {
  'parameters.strength.fundPerResident': [1, 500],
  'parameters.charity.aidSize': [20, 100000],
  'parameters.charity.grantSize': [200, 10000000],
};

function numberArb(spec: NumberSpec): fc.Arbitrary<number> {
  const [min, max] = FAST_RANGES[spec.path] ?? [spec.min, spec.max];
  if (spec.integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  // the bounds themselves, and anything in between
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
    { weight: 6, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) },
  );
}

const parametersArb = fc.subarray([...PARAMETERS], { maxLength: 30 }).chain((specs) =>
  fc.tuple(...specs.map(numberArb)).map((values) => {
    const out: Record<string, Record<string, number>> = {};
    specs.forEach((s, k) => {
      out[s.group] ??= {};
      out[s.group][s.key] = values[k];
    });
    return out;
  }),
);

const unit = fc.double({ min: 0, max: 1, noNaN: true });

function interventionArb(ticks: number): fc.Arbitrary<Record<string, unknown>> {
  const tick = fc.integer({ min: 0, max: ticks - 1 });
  return fc.oneof(
    fc.record({
      type: fc.constant('shock'),
      tick,
      need: fc.constantFrom(...NEEDS, 'all'),
      size: unit,
      share: unit,
    }),
    fc.record({
      type: fc.constant('grant'),
      tick,
      amount: fc.double({ min: 0, max: 2e6, noNaN: true }),
      weeks: fc.integer({ min: 1, max: 60 }),
    }),
    fc.record({
      type: fc.constant('hire'),
      tick,
      socialWorkers: fc.double({ min: 0, max: 20, noNaN: true }),
    }),
    fc.record({
      type: fc.constant('withdraw'),
      tick,
      socialWorkers: fc.double({ min: 0, max: 40, noNaN: true }),
    }),
    fc.record({ type: fc.constant('incentive'), tick, on: fc.boolean() }),
    fc.record({ type: fc.constant('funding-end'), tick }),
  );
}

const scenarioArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 4294967295 }),
    ticks: fc.integer({ min: 1, max: 40 }),
    residents: fc.integer({ min: 100, max: 3000 }),
    initial: fc.record(
      Object.fromEntries(ELEMENTS.map((e) => [e, unit])) as Record<string, fc.Arbitrary<number>>,
    ),
    strategy: fc.constantFrom(...STRATEGIES),
    parameters: parametersArb,
  })
  .chain((s) =>
    fc
      .array(interventionArb(s.ticks), { maxLength: 8 })
      .map((interventions) => ({ id: 'property', ...s, interventions })),
  );

function check(file: unknown): void {
  const v = validateScenario(file);
  if (!v.ok) throw new Error(`generated an invalid scenario: ${v.errors.join('; ')}`);
  const sim = new Simulation(v.scenario);
  while (!sim.done) {
    sim.step();
    const fund = sim.world.charity.fund;
    if (!(fund >= 0)) throw new Error(`fund ${fund} in week ${sim.tick}`);
    for (let e = 0; e < 5; e++) {
      const x = sim.world.strength[e];
      if (!(x >= 0 && x <= 1)) throw new Error(`strength of ${ELEMENTS[e]} ${x} in week ${sim.tick}`);
    }
  }
  const problem = consistencyProblem(sim.world);
  if (problem) throw new Error(problem);
  const summary = runSummary(sim);
  for (const [path, x] of numbersIn(summary)) if (!Number.isFinite(x)) throw new Error(`${path} = ${x}`);
  const s = summary.series;
  for (let t = 0; t <= summary.ticks; t++) {
    if (!(s.fund[t] >= 0)) throw new Error(`series.fund[${t}] = ${s.fund[t]}`);
    for (const e of ELEMENTS) {
      const x = s[`strength.${e}`][t];
      if (!(x >= 0 && x <= 1)) throw new Error(`series strength.${e}[${t}] = ${x}`);
    }
    if (!(s.servedShare[t] >= 0 && s.servedShare[t] <= 1))
      throw new Error(`servedShare[${t}] = ${s.servedShare[t]}`);
    for (const n of ['needPsychological', 'needMaterial', 'needSocial']) {
      if (!(s[n][t] >= 0 && s[n][t] <= 1)) throw new Error(`${n}[${t}] = ${s[n][t]}`);
    }
  }
  const o = summary.outcomes;
  const shares: [string, number][] = [
    ...Object.entries(o.coverage).map(([e, x]) => [`coverage.${e}`, x] as [string, number]),
    ['servedAny', o.servedAny],
    ...Object.entries(o.improved).map(([k, x]) => [`improved.${k}`, x] as [string, number]),
    ...Object.entries(o.meanNeed).map(([k, x]) => [`meanNeed.${k}`, x] as [string, number]),
    ['meanBelonging', o.meanBelonging],
    ['meanTrust', o.meanTrust],
    ...Object.entries(summary.final.strength).map(([e, x]) => [`final.strength.${e}`, x] as [string, number]),
  ];
  for (const [name, x] of shares) if (!(x >= 0 && x <= 1)) throw new Error(`${name} = ${x}`);
  for (const e of ELEMENTS) {
    if (o.coverage[e] > o.servedAny + 1e-6) throw new Error(`coverage.${e} above servedAny`);
  }
  const c = summary.final.counts;
  if (c.coreVolunteers > c.volunteers || c.organisers > c.coreVolunteers)
    throw new Error('role ladder broken');
  const p = o.projects;
  if (p.completed + p.failed > p.started) throw new Error('more projects ended than started');
  for (const f of summary.flows) if (!(f.count > 0 && Number.isInteger(f.count))) throw new Error('bad flow');
}

describe('properties over random valid scenarios', () => {
  it('no NaN or Infinity, counts conserved, fund never negative, shares and strengths in [0, 1]', () => {
    fc.assert(
      fc.property(scenarioArb, (file) => {
        check(file);
      }),
      { numRuns: 400, seed: 20260101 },
    );
  });

  it('the same holds from a fresh random seed each run', () => {
    fc.assert(
      fc.property(scenarioArb, (file) => {
        check(file);
      }),
      { numRuns: 100 },
    );
  });
});
