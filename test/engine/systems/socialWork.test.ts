import { describe, expect, it } from 'vitest';
import { MECHANISM_INDEX, PROCESS_INDEX } from '../../../src/engine/mechanisms.ts';
import { Simulation } from '../../../src/engine/run.ts';
import { PIPELINE_TRAINING, type World } from '../../../src/engine/state.ts';
import { cultivateFromBase } from '../../../src/engine/systems/cultivation.ts';
import { allocateEffort } from '../../../src/engine/systems/effort.ts';
import { applyInterventions } from '../../../src/engine/systems/interventions.ts';
import { socialWork } from '../../../src/engine/systems/socialWork.ts';
import { CHARITY, COMMUNITY, ORGANIZATIONS, SOCIAL_WORKERS } from '../../../src/model/elements.ts';
import { flowCount, makeScenario, makeWorld, type ParameterOverrides, remeasure } from '../helpers.ts';

/** 2,000 residents whose social workers start at 0.5 (stationed, on a contract); nothing else. */
function stationed(parameters: ParameterOverrides = {}, seed = 1): World {
  const w = makeWorld(
    { residents: 2000, seed, initial: { socialWorkers: 0.5 }, parameters },
    { events: true },
  );
  w.tick = 1;
  return w;
}

/** Runs the social-work system until the stationed contract has ended (and a few weeks more). */
function untilContractEnds(w: World, extra = 3): void {
  const weeks = w.socialWorkers.contractLeft + extra;
  for (let k = 0; k < weeks; k++) {
    w.tick++;
    socialWork(w);
  }
}

const strengthOf = (w: World) => {
  remeasure(w);
  return w.strength[SOCIAL_WORKERS];
};

describe('the social-worker element (contracts, purchases, para-professionals)', () => {
  it('stationed workers start on a contract already under way, with their skill', () => {
    const w = stationed();
    const sw = w.socialWorkers;
    expect(sw.stationed.fte).toBeCloseTo(0.5 * w.ref.socialWorkers, 9);
    expect(sw.fte).toBe(sw.stationed.fte);
    expect(sw.skill).toBeCloseTo(0.5, 9);
    expect(sw.contractLeft).toBeGreaterThanOrEqual(1);
    expect(sw.contractLeft).toBeLessThanOrEqual(w.params.socialWorkers.contractWeeks);
  });

  it('when the contract ends and no one renews or takes it over, the workers leave and their skill with them', () => {
    const w = stationed({ socialWorkers: { renewalChance: 0, trainingRate: 0 } });
    expect(strengthOf(w)).toBeGreaterThan(0.4);
    untilContractEnds(w);
    expect(w.socialWorkers.fte).toBe(0);
    expect(w.socialWorkers.skill).toBe(0);
    expect(w.socialWorkers.contractLeft).toBe(0);
    expect(strengthOf(w)).toBe(0);
  });

  it('a renewed contract keeps them for another term, recorded committee → social workers', () => {
    const w = stationed({ socialWorkers: { renewalChance: 1, trainingRate: 0 } });
    const fte = w.socialWorkers.fte;
    untilContractEnds(w);
    expect(w.socialWorkers.fte).toBeCloseTo(fte, 9);
    expect(w.socialWorkers.contractLeft).toBe(w.params.socialWorkers.contractWeeks - 3);
    expect(flowCount(w, 'committee-renews-contract', COMMUNITY, SOCIAL_WORKERS)).toBe(1);
  });

  it('a fund with a reserve takes the team over and pays it week by week; when it cannot pay, they leave', () => {
    const cost = 1000;
    const w = stationed({
      socialWorkers: { renewalChance: 0, trainingRate: 0, costPerWeek: cost, buyReserveWeeks: 4 },
    });
    const fte = w.socialWorkers.fte;
    // enough for the reserve and a few weeks' pay, but not for buying anyone more
    w.charity.fund = fte * cost * 4 + 1;
    untilContractEnds(w, 0);
    expect(w.socialWorkers.stationed.fte).toBe(0);
    expect(w.socialWorkers.funded.fte).toBeCloseTo(fte, 9);
    expect(flowCount(w, 'local-takeover', CHARITY, SOCIAL_WORKERS)).toBe(1);
    let weeks = 0;
    while (w.socialWorkers.funded.fte > 0 && weeks < 50) {
      w.tick++;
      socialWork(w);
      weeks++;
      expect(w.charity.fund).toBeGreaterThanOrEqual(0);
    }
    expect(w.socialWorkers.funded.fte).toBe(0);
    expect(w.socialWorkers.skill).toBe(0);
    expect(weeks).toBeLessThanOrEqual(5);
  });

  it('with local-takeover knocked out, a fund holding the reserve does not take the team over', () => {
    const cost = 1000;
    const w = stationed({
      socialWorkers: { renewalChance: 0, trainingRate: 0, costPerWeek: cost, buyReserveWeeks: 4 },
    });
    w.on[MECHANISM_INDEX['local-takeover']] = 0;
    // (buying time worker by worker is another mechanism: off here, so only the takeover is tested)
    w.on[MECHANISM_INDEX['fund-buys-social-work']] = 0;
    w.charity.fund = w.socialWorkers.fte * cost * 4 + 1;
    untilContractEnds(w, 0);
    expect(w.socialWorkers.stationed.fte).toBe(0);
    expect(w.socialWorkers.funded.fte).toBe(0);
    expect(flowCount(w, 'local-takeover', CHARITY, SOCIAL_WORKERS)).toBe(0);
  });

  it('knocking out contract-end keeps the stationed workers however long', () => {
    const w = stationed({ socialWorkers: { renewalChance: 0, trainingRate: 0 } });
    w.on[PROCESS_INDEX['contract-end']] = 0;
    const fte = w.socialWorkers.fte;
    for (let k = 0; k < 200; k++) {
      w.tick++;
      socialWork(w);
    }
    expect(w.socialWorkers.fte).toBeCloseTo(fte, 9);
  });

  it('a fund holding a reserve buys social-work time (one FTE at a time, up to full strength)', () => {
    const w = makeWorld(
      {
        residents: 10000,
        initial: { socialWorkers: 0.3 },
        parameters: { socialWorkers: { trainingRate: 0, costPerWeek: 100, buyReserveWeeks: 10 } },
      },
      { events: true },
    );
    w.tick = 1;
    w.socialWorkers.contractLeft = 1000;
    w.charity.fund = 1e9;
    const before = w.socialWorkers.fte;
    w.tick++;
    socialWork(w);
    expect(w.socialWorkers.funded.fte).toBe(1);
    expect(w.socialWorkers.fte).toBeCloseTo(before + 1, 9);
    for (let k = 0; k < 100; k++) {
      w.tick++;
      socialWork(w);
    }
    expect(w.socialWorkers.fte).toBeLessThanOrEqual(w.ref.socialWorkers);
    expect(w.socialWorkers.fte).toBeGreaterThan(w.ref.socialWorkers - 1);
  });

  it('trainees become para-professionals only after the training weeks; skill of the newcomers is theirs', () => {
    const weeks = 6;
    const w = stationed({
      socialWorkers: {
        trainingRate: 5,
        trainingShare: 0.5,
        trainingWeeks: weeks,
        paraTurnover: 0,
        learning: 0,
      },
    });
    w.socialWorkers.contractLeft = 1000;
    w.committee.staff = 4;
    w.tick = 10;
    socialWork(w);
    const started = w.pipeline.count;
    expect(started).toBeGreaterThan(0);
    for (let k = 0; k < started; k++) expect(w.pipeline.kind[k]).toBe(PIPELINE_TRAINING);
    expect(w.socialWorkers.local.fte).toBe(0);
    w.socialWorkers.fte = 0; // no trainers from now on: only those under way complete
    w.socialWorkers.stationed.fte = 0;
    for (let week = 11; week < 10 + weeks; week++) {
      w.tick = week;
      socialWork(w);
      expect(w.socialWorkers.local.fte).toBe(0);
    }
    w.tick = 10 + weeks;
    socialWork(w);
    expect(w.socialWorkers.local.fte).toBeCloseTo(started * w.params.socialWorkers.paraFte, 9);
    expect(w.socialWorkers.local.skill).toBeCloseTo(w.params.socialWorkers.paraSkill, 9);
    expect(w.pipeline.count).toBe(0);
  });

  it('withdrawing every social worker takes their skill too: strength falls to 0', () => {
    const w = makeWorld({
      residents: 2000,
      ticks: 30,
      initial: { socialWorkers: 0.6 },
      interventions: [{ type: 'withdraw', tick: 5, socialWorkers: 1000 }],
    });
    expect(strengthOf(w)).toBeGreaterThan(0.5);
    applyInterventions(w, 5);
    expect(w.socialWorkers.fte).toBe(0);
    expect(strengthOf(w)).toBe(0);
  });

  it('a hire stations workers with the hire skill on a contract of its weeks', () => {
    const w = makeWorld({
      residents: 2000,
      ticks: 30,
      interventions: [{ type: 'hire', tick: 2, socialWorkers: 2, weeks: 10 }],
      parameters: { socialWorkers: { renewalChance: 0, trainingRate: 0 } },
    });
    applyInterventions(w, 2);
    expect(w.socialWorkers.fte).toBe(2);
    expect(w.socialWorkers.skill).toBeCloseTo(w.params.socialWorkers.hireSkill, 9);
    expect(w.socialWorkers.contractLeft).toBe(10);
    for (let k = 0; k < 10; k++) {
      w.tick++;
      socialWork(w);
    }
    expect(w.socialWorkers.fte).toBe(0);
  });

  it('communities that start with the same social workers end with different social-worker strength', () => {
    const end = (initial: Record<string, number>) => {
      const sim = new Simulation(
        makeScenario({ residents: 3000, ticks: 104, seed: 3, initial: { socialWorkers: 0.5, ...initial } }),
      );
      while (!sim.done) sim.step();
      return sim.strength().socialWorkers;
    };
    const a = end({ community: 0.5, organizations: 0.7, volunteers: 0.2, charity: 0.1 });
    const b = end({ community: 0.5, organizations: 0.2, volunteers: 0.15, charity: 0.7 });
    expect(a).not.toBeCloseTo(b, 3);
  });
});

describe('incubation takes time', () => {
  /** A community whose social workers put all their organising time into incubating organisations. */
  function incubating(lag: boolean): World {
    const w = makeWorld(
      {
        residents: 5000,
        strategy: 'weakest-first',
        initial: { socialWorkers: 0.8, community: 0.5, volunteers: 0.5, charity: 0.9 },
        parameters: {
          socialWorkers: { directRate: 10, incubationWeeks: 5, trainingRate: 0 },
          community: { hostRate: 0 },
        },
      },
      { events: true },
    );
    if (!lag) w.on[PROCESS_INDEX['incubation-lag']] = 0;
    w.tick = 1;
    remeasure(w);
    allocateEffort(w);
    // a few rounds of the week's incubation work, all started in week 1
    for (let k = 0; k < 10; k++) cultivateFromBase(w);
    return w;
  }

  it('an incubated organisation is founded only after the incubation weeks, recorded social workers → organisations', () => {
    const w = incubating(true);
    const started = w.pipeline.count;
    expect(started).toBeGreaterThan(0);
    expect(w.counters.organizations).toBe(0);
    for (let week = 2; week <= 5; week++) {
      w.tick = week;
      socialWork(w);
      expect(w.counters.organizations).toBe(0);
    }
    w.tick = 6;
    socialWork(w);
    expect(w.counters.organizations).toBeGreaterThan(0);
    expect(flowCount(w, 'social-worker-incubates-organization', SOCIAL_WORKERS, ORGANIZATIONS)).toBe(
      w.counters.organizations,
    );
    expect(w.pipeline.count).toBe(0);
  });

  it('with the lag knocked out, incubations found organisations at once', () => {
    const w = incubating(false);
    expect(w.pipeline.count).toBe(0);
    expect(w.counters.organizations).toBeGreaterThan(0);
  });
});
