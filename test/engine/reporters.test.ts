import { describe, expect, it } from 'vitest';
import { runSummary } from '../../src/analysis/summary.ts';
import { METRIC_KEYS, NUMERIC_METRICS, runMetrics } from '../../src/batch/metrics.ts';
import { REPORTERS, SERIES_COLUMNS, seriesIndex } from '../../src/engine/reporters.ts';
import { round, Simulation } from '../../src/engine/run.ts';
import { measureStrength } from '../../src/engine/strength.ts';
import { ELEMENTS } from '../../src/model/elements.ts';
import { makeScenario } from './helpers.ts';

describe('reporters feed every output', () => {
  const sim = new Simulation(makeScenario({ residents: 800, ticks: 12 }));
  while (!sim.done) sim.step();
  const summary = runSummary(sim);
  const strength = measureStrength(sim.world, sim.world.ref, new Float64Array(5));

  it('the weekly series: one column per series reporter, in declared order, its last value measured now', () => {
    expect(Object.keys(summary.series)).toEqual(['tick', ...SERIES_COLUMNS]);
    for (const r of REPORTERS.filter((x) => x.series !== false)) {
      const column = summary.series[r.id];
      expect(column, r.id).toHaveLength(13);
      expect(column[12], r.id).toBe(round(r.measure(sim.world, strength)));
      expect(sim.columns[seriesIndex(r.id)][12], r.id).toBe(r.measure(sim.world, strength));
    }
  });

  it('the summary: final.strength and final.counts hold exactly the reporters marked final', () => {
    const counts = REPORTERS.filter((r) => r.final === 'count').map((r) => r.id);
    expect(Object.keys(summary.final.counts)).toEqual(counts);
    for (const r of REPORTERS.filter((x) => x.final === 'strength')) {
      expect(summary.final.strength[r.id.slice('strength.'.length) as 'charity'], r.id).toBe(
        round(r.measure(sim.world, strength)),
      );
    }
  });

  it('sweep metrics: every reporter marked metric is a numeric metric with its final value', () => {
    const m = runMetrics(summary) as Record<string, unknown>;
    for (const r of REPORTERS.filter((x) => x.metric)) {
      expect(METRIC_KEYS, r.id).toContain(r.id);
      expect(NUMERIC_METRICS, r.id).toContain(r.id);
      expect(typeof m[r.id], r.id).toBe('number');
    }
    expect(Object.keys(m)).toEqual([...METRIC_KEYS]);
  });
});

describe('target-group coverage', () => {
  const coverage = (sim: Simulation, e: number, among: (i: number) => boolean) => {
    const res = sim.world.residents;
    let n = 0;
    let d = 0;
    for (let i = 0; i < res.count; i++) {
      if (!among(i)) continue;
      d++;
      if (res.served[i] & (1 << e)) n++;
    }
    return round(n / d);
  };

  it('is each element’s coverage of the residents a shock registered, in final.counts', () => {
    const sim = new Simulation(
      makeScenario({
        residents: 800,
        ticks: 12,
        initial: { community: 0.5, socialWorkers: 0.5, volunteers: 0.3, organizations: 0.3, charity: 0.3 },
        interventions: [
          { tick: 0, type: 'shock', need: 'psychological', size: 0.4, share: 0.1, targets: true },
        ],
      }),
    );
    while (!sim.done) sim.step();
    const s = runSummary(sim);
    expect(sim.world.targets.length).toBeGreaterThan(0);
    ELEMENTS.forEach((e, k) => {
      expect(s.final.counts[`targetCoverage.${e}`], e).toBe(
        coverage(sim, k, (i) => sim.world.residents.target[i] === 1),
      );
    });
    // the committee and social workers aim part of their outreach at the target group
    expect(s.final.counts['targetCoverage.socialWorkers']).toBeGreaterThan(s.outcomes.coverage.socialWorkers);
  });

  it('is coverage of every resident when no target group is registered', () => {
    const sim = new Simulation(makeScenario({ residents: 800, ticks: 12 }));
    while (!sim.done) sim.step();
    const s = runSummary(sim);
    for (const e of ELEMENTS) expect(s.final.counts[`targetCoverage.${e}`], e).toBe(s.outcomes.coverage[e]);
  });
});
