import { describe, expect, it } from 'vitest';
import { runSummary } from '../../../src/analysis/summary.ts';
import { Simulation } from '../../../src/engine/run.ts';
import type { World } from '../../../src/engine/state.ts';
import { collectFunds } from '../../../src/engine/systems/funds.ts';
import { applyInterventions } from '../../../src/engine/systems/interventions.ts';
import { makeScenario, makeWorld } from '../helpers.ts';

function withInterventions(interventions: unknown[], residents = 1000, ticks = 60): World {
  return makeWorld({ residents, ticks, interventions, initial: { socialWorkers: 0.5 } });
}

/** Pays in one week of external funding and returns how much came in. */
function payWeek(w: World): number {
  const before = w.charity.fund;
  collectFunds(w);
  return w.charity.fund - before;
}

describe('interventions', () => {
  it('a shock raises every need of every resident by its size, capped at 1', () => {
    const w = withInterventions([{ type: 'shock', tick: 5, need: 'all', size: 0.3 }]);
    const before = Float32Array.from(w.residents.needs);
    applyInterventions(w, 4);
    expect(Array.from(w.residents.needs)).toEqual(Array.from(before));
    applyInterventions(w, 5);
    for (let x = 0; x < before.length; x++) {
      expect(w.residents.needs[x]).toBeCloseTo(Math.min(1, before[x] + 0.3), 6);
    }
  });

  it('a shock to one need leaves the others alone, and hits about `share` of residents', () => {
    const w = withInterventions([{ type: 'shock', tick: 0, need: 'material', size: 0.2, share: 0.4 }], 3000);
    const before = Float32Array.from(w.residents.needs);
    applyInterventions(w, 0);
    let hit = 0;
    for (let i = 0; i < 3000; i++) {
      expect(w.residents.needs[3 * i]).toBe(before[3 * i]);
      expect(w.residents.needs[3 * i + 2]).toBe(before[3 * i + 2]);
      const d = w.residents.needs[3 * i + 1] - before[3 * i + 1];
      if (d > 0) {
        hit++;
        expect(d).toBeCloseTo(Math.min(0.2, 1 - before[3 * i + 1]), 6);
      }
    }
    expect(hit / 3000).toBeGreaterThan(0.36);
    expect(hit / 3000).toBeLessThan(0.44);
  });

  it('a shock shows in the run\u2019s mean need from the week after it', () => {
    const sc = makeScenario({
      residents: 1000,
      ticks: 12,
      initial: { socialWorkers: 0.3 },
      interventions: [{ type: 'shock', tick: 6, need: 'psychological', size: 0.4 }],
    });
    const sim = new Simulation(sc);
    while (!sim.done) sim.step();
    const need = runSummary(sim).series.needPsychological;
    expect(need[7] - need[6]).toBeGreaterThan(0.3);
    expect(Math.abs(need[6] - need[5])).toBeLessThan(0.02);
  });

  it('a grant is paid in equal parts over its weeks, and overlapping grants pay their full amounts', () => {
    const w = withInterventions([
      { type: 'grant', tick: 2, amount: 4000, weeks: 4 },
      { type: 'grant', tick: 4, amount: 3000, weeks: 5 },
    ]);
    const paid: number[] = [];
    for (let week = 0; week < 14; week++) {
      applyInterventions(w, week);
      paid.push(payWeek(w));
    }
    expect(paid.slice(0, 4)).toEqual([0, 0, 1000, 1000]);
    // from week 4 the 2,000 still due and the new 3,000 are spread over the longer span, 5 weeks
    for (let week = 4; week < 9; week++) expect(paid[week]).toBeCloseTo(1000, 9);
    expect(paid.slice(9)).toEqual([0, 0, 0, 0, 0]);
    expect(paid.reduce((a, b) => a + b, 0)).toBeCloseTo(7000, 9);
  });

  it('a one-week grant (the default) pays at once', () => {
    const w = withInterventions([{ type: 'grant', tick: 0, amount: 12345 }]);
    applyInterventions(w, 0);
    expect(payWeek(w)).toBe(12345);
    expect(payWeek(w)).toBe(0);
  });

  it('funding-end stops the external money still being paid in', () => {
    const w = withInterventions([
      { type: 'grant', tick: 0, amount: 10000, weeks: 10 },
      { type: 'funding-end', tick: 3 },
    ]);
    const paid: number[] = [];
    for (let week = 0; week < 8; week++) {
      applyInterventions(w, week);
      paid.push(payWeek(w));
    }
    expect(paid).toEqual([1000, 1000, 1000, 0, 0, 0, 0, 0]);
    expect(w.charity.externalWeeksLeft).toBe(0);
  });

  it('hire and withdraw change the social workers\u2019 FTE; withdraw never goes below 0', () => {
    const w = withInterventions([
      { type: 'hire', tick: 1, socialWorkers: 2.5 },
      { type: 'withdraw', tick: 2, socialWorkers: 1 },
      { type: 'withdraw', tick: 3, socialWorkers: 100 },
      { type: 'hire', tick: 4, socialWorkers: 1 },
    ]);
    const start = w.socialWorkers.fte;
    expect(start).toBeGreaterThan(0);
    const fte: number[] = [];
    for (let week = 1; week <= 4; week++) {
      applyInterventions(w, week);
      fte.push(w.socialWorkers.fte);
    }
    expect(fte[0]).toBeCloseTo(start + 2.5, 12);
    expect(fte[1]).toBeCloseTo(start + 1.5, 12);
    expect(fte[2]).toBe(0);
    expect(fte[3]).toBe(1);
  });

  it('incentive switches the scheme on and off', () => {
    const w = withInterventions([
      { type: 'incentive', tick: 2, on: true },
      { type: 'incentive', tick: 5, on: false },
    ]);
    const on: boolean[] = [];
    for (let week = 0; week < 7; week++) {
      applyInterventions(w, week);
      on.push(w.incentive);
    }
    expect(on).toEqual([false, false, true, true, true, false, false]);
  });

  it('in a run, an intervention at tick t takes effect in week t + 1 (after t weeks)', () => {
    const sc = makeScenario({
      residents: 500,
      ticks: 8,
      initial: { socialWorkers: 0.4 },
      interventions: [
        { type: 'hire', tick: 3, socialWorkers: 4 },
        { type: 'grant', tick: 0, amount: 5000 },
      ],
    });
    const sim = new Simulation(sc);
    while (!sim.done) sim.step();
    const s = runSummary(sim).series;
    expect(s.socialWorkers[3]).toBe(s.socialWorkers[0]);
    expect(s.socialWorkers[4]).toBeCloseTo(s.socialWorkers[0] + 4, 5);
    // the week-0 grant is in the fund by the end of week 1
    expect(s.fund[0]).toBe(0);
    expect(s.fund[1]).toBeGreaterThan(0);
  });
});
