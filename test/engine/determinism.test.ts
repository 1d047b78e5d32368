import { describe, expect, it } from 'vitest';
import { runScenario, runSummary } from '../../src/analysis/summary.ts';
import { Simulation } from '../../src/engine/run.ts';
import type { Scenario } from '../../src/model/scenario.ts';
import { presetFile, presetIds, validated } from './helpers.ts';

/** A preset with all kinds of intervention added, at a reduced size. */
function busy(id: string, seed: number): Scenario {
  return validated({
    ...presetFile(id),
    seed,
    residents: 2500,
    ticks: 40,
    interventions: [
      { type: 'shock', tick: 0, need: 'all', size: 0.2, share: 0.7 },
      { type: 'grant', tick: 3, amount: 50000, weeks: 8 },
      { type: 'hire', tick: 5, socialWorkers: 1.5 },
      { type: 'incentive', tick: 6, on: true },
      { type: 'funding-end', tick: 9 },
      { type: 'withdraw', tick: 20, socialWorkers: 1 },
    ],
  });
}

describe('determinism', () => {
  it.each(presetIds())('%s: same scenario and seed, identical summary and events', (id) => {
    const a = runScenario(busy(id, 7), { events: true });
    const b = runScenario(busy(id, 7), { events: true });
    expect(JSON.stringify(b.summary)).toBe(JSON.stringify(a.summary));
    expect(a.events.length).toBeGreaterThan(0);
    expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));
    expect(b.eventsDropped).toBe(a.eventsDropped);
  });

  it('a run does not depend on what ran before it in the same process', () => {
    const first = JSON.stringify(runScenario(busy('baseline', 3)).summary);
    runScenario(busy('organization-led', 99));
    runScenario(busy('charity-led', 4));
    expect(JSON.stringify(runScenario(busy('baseline', 3)).summary)).toBe(first);
  });

  it.each(presetIds())('%s: different seeds give different output', (id) => {
    const outputs = new Set(
      [1, 2, 3].map((seed) => JSON.stringify({ ...runScenario(busy(id, seed)).summary, seed: 0 })),
    );
    expect(outputs.size).toBe(3);
  });

  it('stepping a Simulation week by week gives the same summary as runScenario', () => {
    for (const id of ['organization-led', 'volunteer-led']) {
      const sc = busy(id, 5);
      const sim = new Simulation(sc, { events: true });
      const ticks: number[] = [];
      while (!sim.done) {
        sim.step();
        ticks.push(sim.tick);
        // reading the summary part-way must not disturb the run
        if (sim.tick % 10 === 0) runSummary(sim);
      }
      expect(ticks).toEqual(Array.from({ length: sc.ticks }, (_, k) => k + 1));
      sim.step(); // a step past the end does nothing
      expect(sim.tick).toBe(sc.ticks);
      const out = runScenario(sc, { events: true });
      expect(JSON.stringify(runSummary(sim))).toBe(JSON.stringify(out.summary));
      expect(JSON.stringify(sim.events())).toBe(JSON.stringify(out.events));
    }
  });

  it('reading the summary every week (as the web app does) does not change the run', () => {
    // two seeds of each of four presets: an exact equality, which one differing week would break
    for (const id of ['baseline', 'organization-led', 'volunteer-led', 'charity-led']) {
      for (let seed = 1; seed <= 2; seed++) {
        const sc = validated({
          ...presetFile(id),
          seed,
          ticks: 60,
          interventions: [{ type: 'shock', tick: 0, need: 'all', size: 0.3 }],
        });
        const sim = new Simulation(sc);
        while (!sim.done) {
          sim.step();
          runSummary(sim);
        }
        expect(JSON.stringify(runSummary(sim)), `${id} seed ${seed}`).toBe(
          JSON.stringify(runScenario(sc).summary),
        );
      }
    }
  });

  it('a part-way summary covers the weeks run so far and agrees with the full run up to then', () => {
    const sc = busy('charity-led', 8);
    const sim = new Simulation(sc);
    for (let k = 0; k < 15; k++) sim.step();
    const part = runSummary(sim);
    const full = runScenario(sc).summary;
    expect(part.ticks).toBe(15);
    for (const [name, column] of Object.entries(part.series)) {
      expect(column.length).toBe(16);
      expect(column).toEqual(full.series[name].slice(0, 16));
    }
  });

  it('keeping the event log does not change the run', () => {
    const sc = busy('dongting', 2);
    const withEvents = runScenario(sc, { events: true });
    const without = runScenario(sc);
    expect(JSON.stringify(without.summary)).toBe(JSON.stringify(withEvents.summary));
    expect(without.events).toEqual([]);
    // the log agrees with the flow counts
    const counted = withEvents.summary.flows.reduce((a, f) => a + f.count, 0);
    expect(withEvents.events.length + withEvents.eventsDropped).toBe(counted);
  });

  it('an event limit drops events but not flows', () => {
    const sc = busy('volunteer-led', 2);
    const full = runScenario(sc, { events: true });
    const capped = runScenario(sc, { events: true, eventLimit: 50 });
    expect(capped.events.length).toBe(50);
    expect(capped.events).toEqual(full.events.slice(0, 50));
    expect(capped.eventsDropped).toBe(full.events.length - 50);
    expect(JSON.stringify(capped.summary)).toBe(JSON.stringify(full.summary));
  });
});
