import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/run.ts';
import { STRATEGIES } from '../../src/model/elements.ts';
import { consistencyProblem, presetFile, presetIds, recount, validated } from './helpers.ts';

const WEEKS = 30;

/** Steps a simulation week by week, asserting after every week that the counters match a recount. */
function runChecked(sim: Simulation): void {
  expect(consistencyProblem(sim.world), 'at week 0').toBeUndefined();
  while (!sim.done) {
    sim.step();
    const problem = consistencyProblem(sim.world);
    if (problem) expect.fail(`${sim.scenario.id}, seed ${sim.scenario.seed}: ${problem}`);
  }
}

describe('counters equal a recount from agent state, every week', () => {
  it.each(presetIds())('preset %s (2,000 residents, 30 weeks, 2 seeds)', (id) => {
    for (const seed of [1, 2]) {
      const sc = validated({ ...presetFile(id), residents: 2000, ticks: WEEKS, seed });
      const sim = new Simulation(sc);
      runChecked(sim);
      const c = recount(sim.world);
      // the run did something: the invariants are not checked on an idle world
      expect(sim.world.record.flowCount.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(c.served).toBeGreaterThan(0);
    }
  });

  it.each(STRATEGIES)('strategy %s, strong start, with every kind of intervention', (strategy) => {
    const sc = validated({
      id: 'busy',
      seed: 11,
      ticks: WEEKS,
      residents: 1500,
      initial: { community: 0.7, organizations: 0.8, socialWorkers: 0.7, volunteers: 0.8, charity: 0.6 },
      strategy,
      parameters: {
        organizations: { closureHazard: 0.6 },
        volunteers: { lapseHazard: 0.05, foundRate: 0.05 },
        projects: { problemRate: 5 },
      },
      interventions: [
        { type: 'shock', tick: 0, need: 'all', size: 0.3 },
        { type: 'grant', tick: 2, amount: 200000, weeks: 10 },
        { type: 'hire', tick: 3, socialWorkers: 3 },
        { type: 'incentive', tick: 5, on: true },
        { type: 'withdraw', tick: 15, socialWorkers: 10 },
        { type: 'funding-end', tick: 8 },
        { type: 'incentive', tick: 20, on: false },
      ],
    });
    const sim = new Simulation(sc);
    runChecked(sim);
    const c = sim.world.counters;
    expect(c.projectsStarted).toBe(
      c.projectsCompleted + c.projectsFailed + c.projectsRecruiting + c.projectsRunning,
    );
    expect(c.projectsStarted).toBeGreaterThan(0);
  });
});
