import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HUBEI_2020 } from '../../src/analysis/published.ts';
import { allocate, INDICATORS, sampleRespondents, summarise, surveyOnce } from '../../src/analysis/survey.ts';
import { Simulation } from '../../src/engine/run.ts';
import { ELEMENTS } from '../../src/model/elements.ts';
import { ensembleMembers } from '../../src/model/ensemble.ts';
import { parseScenario } from '../../src/model/parse.ts';

function hubei(overrides: Record<string, unknown> = {}) {
  const file = JSON.parse(readFileSync(new URL('../../scenarios/hubei-2020.json', import.meta.url), 'utf8'));
  const r = parseScenario(JSON.stringify({ ...file, ...overrides }));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

describe('ensembles', () => {
  it('draw each community within the ranges, deterministically, with distinct seeds', () => {
    const s = hubei();
    const a = ensembleMembers(s);
    const b = ensembleMembers(s);
    expect(a).toEqual(b);
    expect(a).toHaveLength(32);
    expect(new Set(a.map((m) => m.seed)).size).toBe(32);
    for (const m of a) {
      expect(m.residents).toBeGreaterThanOrEqual(s.ensemble!.residents.min);
      expect(m.residents).toBeLessThanOrEqual(s.ensemble!.residents.max);
      for (const e of ELEMENTS) {
        const r = s.ensemble!.initial![e]!;
        expect(m.initial[e]).toBeGreaterThanOrEqual(r.min);
        expect(m.initial[e]).toBeLessThanOrEqual(r.max);
      }
      expect(m.ensemble).toBeUndefined();
    }
    expect(ensembleMembers({ ...s, seed: 5 })).not.toEqual(a);
  });
});

describe('virtual survey', () => {
  it('allocates respondents as evenly as the total allows', () => {
    expect(allocate(618, 32).reduce((x, y) => x + y, 0)).toBe(618);
    expect(new Set(allocate(618, 32))).toEqual(new Set([19, 20]));
  });

  it('samples the target group only, without repeats, one row per respondent', () => {
    const [member] = ensembleMembers(hubei());
    const sim = new Simulation({ ...member, ticks: 6 });
    while (!sim.done) sim.step();
    const rows = sampleRespondents(sim.world, 1, 25, 3);
    expect(rows).toHaveLength(25);
    expect(new Set(rows.map((r) => r.resident)).size).toBe(25);
    for (const r of rows) {
      expect(sim.world.residents.target[r.resident]).toBe(1);
      expect(r.community).toBe(1);
      for (const [name] of INDICATORS) expect([0, 1]).toContain(r.improved[name]);
      for (const e of ELEMENTS)
        expect(r.served[e]).toBe(sim.world.residents.served[r.resident] & (1 << ELEMENTS.indexOf(e)) ? 1 : 0);
    }
    // asking for more than the group holds returns the whole group
    expect(sampleRespondents(sim.world, 1, 1e6, 3)).toHaveLength(sim.world.targets.length);
  });

  it('reads the world without changing it', () => {
    const [member] = ensembleMembers(hubei());
    const sim = new Simulation({ ...member, ticks: 5 });
    while (!sim.done) sim.step();
    const res = sim.world.residents;
    const before = {
      needs: res.needs.slice(),
      needWeek: res.needWeek.slice(),
      sums: sim.world.needSum.slice(),
    };
    sampleRespondents(sim.world, 1, 60, 4);
    expect(res.needs).toEqual(before.needs);
    expect(res.needWeek).toEqual(before.needWeek);
    expect(sim.world.needSum).toEqual(before.sums);
  });

  it('gives a report with every field, from the respondents', () => {
    const s = hubei({ ticks: 8, ensemble: { communities: 4, residents: { min: 1000, max: 2000 } } });
    const { respondents, report } = surveyOnce(s, 11, 80);
    expect(respondents).toHaveLength(80);
    expect(report.n).toBe(80);
    expect(report.communities).toBe(4);
    for (const e of ELEMENTS) {
      const share = respondents.filter((r) => r.served[e]).length / 80;
      expect(report.coverage[e]).toBeCloseTo(share, 12);
    }
    for (const [name] of INDICATORS) expect(report.improved[name]).toBeGreaterThanOrEqual(0);
    for (const k of ['belonging', 'trust'] as const) {
      expect(Object.keys(report.regression[k])).toEqual(
        expect.arrayContaining(['coef', 'se', 'p', 'seCluster']),
      );
    }
    const again = surveyOnce(s, 11, 80);
    expect(again.report).toEqual(report);
    const summary = summarise([report, surveyOnce(s, 12, 80).report]);
    expect(summary.seeds).toEqual([11, 12]);
    expect(summary.coverage.socialWorkers.low).toBeLessThanOrEqual(summary.coverage.socialWorkers.mean);
    expect(summary.gap.coverage.socialWorkers).toBeCloseTo(
      summary.coverage.socialWorkers.mean - (HUBEI_2020.coverage.socialWorkers as number),
      12,
    );
  });
});
