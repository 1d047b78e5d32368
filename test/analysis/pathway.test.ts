import { describe, expect, it } from 'vitest';
import { analysePathway, pathwayFromWeeks, rollInWeeks } from '../../src/analysis/pathway.ts';
import { runSummary } from '../../src/analysis/summary.ts';
import { MECHANISM_INDEX, MECHANISMS } from '../../src/engine/mechanisms.ts';
import { Simulation } from '../../src/engine/run.ts';
import { CHARITY, COMMUNITY, ORGANIZATIONS, SOCIAL_WORKERS, VOLUNTEERS } from '../../src/model/elements.ts';
import { makeScenario } from '../engine/helpers.ts';

// roll-in weeks indexed by element: community, organizations, socialWorkers, volunteers, charity (−1: never)
const weeks = (
  community: number,
  organizations: number,
  socialWorkers: number,
  volunteers: number,
  charity: number,
) => [community, organizations, socialWorkers, volunteers, charity];

describe('pathwayFromWeeks', () => {
  it.each([
    [weeks(0, 3, 0, 20, 40), 'organizations', ['organizations', 'volunteers', 'charity'], 'organization-led'],
    [weeks(0, 30, 0, 2, 50), 'volunteers', ['volunteers', 'organizations', 'charity'], 'volunteer-led'],
    [weeks(0, 12, 0, 30, 1), 'charity', ['charity', 'organizations', 'volunteers'], 'charity-led'],
    [weeks(0, 60, 0, 9, 15), 'volunteers', ['volunteers', 'charity', 'organizations'], 'volunteer-led'],
  ])('%j: first mover %s, order %j, mode %s', (rollIn, first, order, mode) => {
    const p = pathwayFromWeeks(rollIn, 4, 104);
    expect(p.firstMover).toBe(first);
    expect(p.order).toEqual(order);
    expect(p.mode).toBe(mode);
    expect(p.reason.en).toContain(`week ${Math.min(rollIn[1], rollIn[3], rollIn[4])}`);
    expect(p.reason.zh.length).toBeGreaterThan(0);
  });

  it('reports every element\u2019s roll-in week, null for those that never rolled in', () => {
    const p = pathwayFromWeeks(weeks(0, 5, 1, -1, 30), 4, 104);
    expect(p.rollIn).toEqual({
      community: 0,
      organizations: 5,
      socialWorkers: 1,
      volunteers: null,
      charity: 30,
    });
    expect(p.order).toEqual(['organizations', 'charity']);
    expect(p.allInvolvedTick).toBeNull();
  });

  it('allInvolvedTick is the week the last of all five rolled in, the base included', () => {
    expect(pathwayFromWeeks(weeks(0, 5, 1, 9, 30), 4, 104).allInvolvedTick).toBe(30);
    expect(pathwayFromWeeks(weeks(50, 5, 1, 9, 30), 4, 104).allInvolvedTick).toBe(50);
    expect(pathwayFromWeeks(weeks(-1, 5, 1, 9, 30), 4, 104).allInvolvedTick).toBeNull();
    expect(pathwayFromWeeks(weeks(0, 0, 0, 0, 0), 4, 104).allInvolvedTick).toBe(0);
  });

  it('a lead shorter than leadWeeks is mixed; exactly leadWeeks is enough', () => {
    const short = pathwayFromWeeks(weeks(0, 10, 0, 13, 40), 4, 104);
    expect(short.firstMover).toBe('organizations');
    expect(short.mode).toBe('mixed');
    expect(short.reason.en).toContain('within 3 week(s)');
    expect(pathwayFromWeeks(weeks(0, 10, 0, 14, 40), 4, 104).mode).toBe('organization-led');
    // the lead is measured to the second carrier, not the third
    expect(pathwayFromWeeks(weeks(0, 10, 0, 60, 12), 4, 104).mode).toBe('mixed');
    // leadWeeks 0: any order is a clear one
    expect(pathwayFromWeeks(weeks(0, 10, 0, 11, 12), 0, 104).mode).toBe('organization-led');
  });

  it('ties are ordered by element, and are mixed', () => {
    const p = pathwayFromWeeks(weeks(0, 7, 0, 7, 7), 4, 104);
    expect(p.order).toEqual(['organizations', 'volunteers', 'charity']);
    expect(p.firstMover).toBe('organizations');
    expect(p.mode).toBe('mixed');
    const q = pathwayFromWeeks(weeks(0, 20, 0, 7, 7), 4, 104);
    expect(q.order).toEqual(['volunteers', 'charity', 'organizations']);
    expect(q.mode).toBe('mixed');
  });

  it('no carrier rolled in: mixed, with no first mover', () => {
    const p = pathwayFromWeeks(weeks(0, -1, 0, -1, -1), 4, 104);
    expect(p.firstMover).toBeNull();
    expect(p.order).toEqual([]);
    expect(p.mode).toBe('mixed');
    expect(p.allInvolvedTick).toBeNull();
    expect(p.reason.en).toContain('104 weeks');
    // the base need not have acted either
    expect(pathwayFromWeeks(weeks(-1, -1, -1, -1, -1), 4, 10).firstMover).toBeNull();
  });

  it('a lone carrier leads by the weeks left in the run', () => {
    // rolled in at week 100 of 104: 5 weeks to the end, enough
    const p = pathwayFromWeeks(weeks(0, -1, 0, 100, -1), 4, 104);
    expect(p.mode).toBe('volunteer-led');
    expect(p.order).toEqual(['volunteers']);
    expect(p.reason.en).toContain('no other carrier followed');
  });

  it('a lone carrier too close to the end of the run is mixed (and does not throw)', () => {
    const p = pathwayFromWeeks(weeks(0, -1, 0, -1, 102), 4, 104);
    expect(p.firstMover).toBe('charity');
    expect(p.mode).toBe('mixed');
    expect(p.reason.en).toContain('week 102');
    expect(p.reason.zh.length).toBeGreaterThan(0);
    // a run shorter than leadWeeks can never show a clear lead
    expect(pathwayFromWeeks(weeks(0, 1, 0, -1, -1), 4, 3).mode).toBe('mixed');
  });

  it('reads a typed array (the engine passes its Int32Array)', () => {
    const p = pathwayFromWeeks(Int32Array.from(weeks(0, 3, 0, 20, 40)), 4, 104);
    expect(p.mode).toBe('organization-led');
  });
});

describe('the roll-in rule on a run record', () => {
  const p = makeScenario().parameters;
  const width = MECHANISMS.length * 5;
  const M = MECHANISM_INDEX;
  /**
   * A record of `ticks` weeks where `events[t]` lists [mechanism id, source element, count] in week
   * t for events that moved no money, and `money[t]` lists [source element, count, yuan each] for
   * events through which the source put money in.
   */
  function input(
    ticks: number,
    residents: number,
    events: Record<number, [string, number, number][]>,
    money: Record<number, [number, number, number][]> = {},
  ) {
    const produced = new Float64Array((ticks + 1) * width);
    const funded = new Float64Array((ticks + 1) * 5);
    const moved = new Float64Array((ticks + 1) * 5);
    const running = new Float64Array(width);
    const count = new Float64Array(5);
    const yuan = new Float64Array(5);
    for (let t = 0; t <= ticks; t++) {
      for (const [id, s, n] of events[t] ?? []) running[M[id] * 5 + s] += n;
      for (const [s, n, each] of money[t] ?? []) {
        count[s] += n;
        yuan[s] += n * each;
      }
      produced.set(running, t * width);
      funded.set(count, t * 5);
      moved.set(yuan, t * 5);
    }
    const staff = Array.from({ length: ticks + 1 }, () => 1);
    return {
      ticks,
      residents,
      produced,
      funded,
      moved,
      series: { committeeStaff: staff, socialWorkers: staff },
    };
  }
  const settings = { rollInThreshold: 4, yuanPerPerson: 2000, rollInEvents: 5, leadWeeks: 4 };

  it('counts people: one founding weighs its leader and founding members, a volunteer one', () => {
    // 1,000 residents: 4 people needed in at least 5 events
    const volunteers = input(10, 1000, { 2: [['capable-members-volunteer', ORGANIZATIONS, 4]] });
    expect(rollInWeeks(volunteers, p, settings)[ORGANIZATIONS]).toBe(-1); // 4 people but only 4 events
    const more = input(10, 1000, {
      2: [['capable-members-volunteer', ORGANIZATIONS, 4]],
      6: [['capable-members-volunteer', ORGANIZATIONS, 1]],
    });
    expect(rollInWeeks(more, p, settings)[ORGANIZATIONS]).toBe(6);
    // four foundings are 4 × (1 + foundingSize) people, but one event short
    const foundings = input(10, 1000, {
      1: [['core-volunteer-founds-organization', VOLUNTEERS, 4]],
      3: [['volunteer-network-donor', VOLUNTEERS, 1]],
    });
    const w = rollInWeeks(foundings, p, {
      ...settings,
      rollInThreshold: 4 * (1 + p.organizations.foundingSize),
    });
    expect(w[VOLUNTEERS]).toBe(3);
  });

  it('scales the threshold with the community: the same events roll in a small community, not a large one', () => {
    const ev = { 3: [['capable-members-volunteer', ORGANIZATIONS, 10]] as [string, number, number][] };
    expect(rollInWeeks(input(10, 2000, ev), p, settings)[ORGANIZATIONS]).toBe(3);
    expect(rollInWeeks(input(10, 20000, ev), p, settings)[ORGANIZATIONS]).toBe(-1);
  });

  it('the base acts when staffed or when it develops another element', () => {
    const rec = input(10, 1000, { 5: [['committee-hosts-organization', COMMUNITY, 1]] });
    const none = {
      ...rec,
      series: { committeeStaff: Array(11).fill(0), socialWorkers: [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
    };
    const w = rollInWeeks(none, p, settings);
    expect(w[COMMUNITY]).toBe(5); // no staff, but hosted an organisation in week 5
    expect(w[SOCIAL_WORKERS]).toBe(3); // staffed from the end of week 2, acts in week 3
  });

  it('counts money by its amount: many small draws stay below roll-in, one large grant-funded draw counts', () => {
    // 1,000 residents: 4 people (8,000 yuan at 2,000 yuan a person) in at least 5 events
    const small = input(20, 1000, {}, { 1: [[CHARITY, 20, 100]], 5: [[CHARITY, 30, 100]] });
    // 50 draws of 100 yuan: events enough, but 5,000 yuan is 2.5 people
    expect(rollInWeeks(small, p, settings)[CHARITY]).toBe(-1);
    // the same 50 events under the people rule would have been 50 people: far above the threshold
    const asPeople = input(20, 1000, { 1: [['grant-brings-volunteers', CHARITY, 50]] });
    expect(rollInWeeks(asPeople, p, settings)[CHARITY]).toBe(1);
    // the 20 small draws and one grant-funded draw of 20,000 yuan (10 people) in week 3
    const large = input(20, 1000, {}, { 1: [[CHARITY, 20, 100]], 3: [[CHARITY, 1, 20000]] });
    expect(rollInWeeks(large, p, settings)[CHARITY]).toBe(3);
    // the conversion is a measurement setting: at 10,000 yuan a person the same draws are 2.2 people
    expect(rollInWeeks(large, p, { ...settings, yuanPerPerson: 10000 })[CHARITY]).toBe(-1);
  });

  it('adds money to the people an element engaged without money', () => {
    // 3 volunteers brought (3 people) and 2,000 yuan granted (1 person) make 4 people in 5 events
    const both = input(
      10,
      1000,
      { 2: [['grant-brings-volunteers', CHARITY, 3]] },
      { 4: [[CHARITY, 2, 1000]] },
    );
    expect(rollInWeeks(both, p, settings)[CHARITY]).toBe(4);
  });

  it('reports the share of nearby settings that give the same mode', () => {
    // organisations far ahead of everyone: every setting agrees
    const clear = input(50, 1000, { 2: [['capable-members-volunteer', ORGANIZATIONS, 40]] });
    const a = analysePathway(clear, p);
    expect(a.mode).toBe('organization-led');
    expect(a.robustness).toEqual({
      share: 1,
      settings: 81,
      modes: { 'organization-led': 81, 'volunteer-led': 0, 'charity-led': 0, mixed: 0 },
    });
    // volunteers follow 5 weeks later: a lead of 4 gives organization-led, a lead of 8 gives mixed
    const close = input(50, 1000, {
      2: [['capable-members-volunteer', ORGANIZATIONS, 40]],
      7: [['volunteer-network-donor', VOLUNTEERS, 40]],
    });
    const b = analysePathway(close, p);
    expect(b.mode).toBe('organization-led');
    expect(b.robustness!.modes.mixed).toBe(27);
    expect(b.robustness!.share).toBeCloseTo(54 / 81, 6);
  });
});

describe('money on a run: the amounts recorded and counted', () => {
  /**
   * A community whose projects draw on a charity fund that nothing else touches: no grants, no
   * fund-paid social work, no donors found, no fundraising, and a project's draw half of whatever
   * the fund holds (project-budget-terms off), so a small fund gives many small draws.
   */
  const knockouts = [
    'project-budget-terms',
    'project-fundraising',
    'grant-to-organization',
    'grant-brings-professional-organization',
    'grant-brings-volunteers',
    'fund-buys-social-work',
    'volunteer-network-donor',
    'organization-sponsor',
    'committee-introduces-resources',
    'social-worker-raises-funds',
  ];
  function run(seed: number, fund: number) {
    const scenario = {
      ...makeScenario({
        seed,
        residents: 1000,
        ticks: 30,
        initial: { community: 0.6, socialWorkers: 0.6, organizations: 0.5, charity: 0.05 },
        parameters: { projects: { problemRate: 30, searchRate: 1 } },
      }),
      knockouts,
    };
    const sim = new Simulation(scenario, { events: true });
    sim.world.charity.fund = fund;
    while (!sim.done) sim.step();
    return { sim, summary: runSummary(sim), events: sim.events() };
  }

  it('every draw carries its amount, and the record sums what stayed put in', () => {
    const { sim, events } = run(1, 20000);
    const r = sim.world.record;
    let draws = 0;
    let drawn = 0;
    for (let e = 0; e < r.eventCount; e++) {
      expect(r.evAmount[e]).toBeGreaterThanOrEqual(0);
      if (r.evAmount[e] === 0) continue;
      expect(MECHANISMS[r.evMechanism[e]].id).toBe('project-funding');
      expect(r.evSource[e]).toBe(CHARITY);
      draws++;
      drawn += r.evAmount[e];
    }
    expect(draws).toBeGreaterThan(0);
    expect(events.filter((e) => e.amount > 0).length).toBeGreaterThan(0);
    const t = sim.tick;
    expect(sim.funded[t * 5 + CHARITY]).toBe(draws);
    // failed projects give their draws back: what the record keeps is at most what was drawn
    expect(sim.moved[t * 5 + CHARITY]).toBeGreaterThan(0);
    expect(sim.moved[t * 5 + CHARITY]).toBeLessThanOrEqual(drawn + 1e-6);
  });

  it('many small draws do not roll charity in; one large draw does', () => {
    for (let seed = 1; seed <= 3; seed++) {
      // a fund of 1,800 yuan: hundreds of small draws, some of which brought members in
      const small = run(seed, 1800);
      const params = small.sim.scenario.parameters;
      const needed = (params.pathway.rollInThreshold * 1000) / 1000;
      const draws = small.events.filter((e) => e.amount > 0);
      const withMembers = draws.filter((e) => e.value > 0);
      expect(draws.length).toBeGreaterThan(params.pathway.rollInEvents);
      // counted one person each (the people rule), the draws that brought members would have rolled charity in
      expect(withMembers.length).toBeGreaterThanOrEqual(Math.max(needed, params.pathway.rollInEvents));
      expect(small.summary.pathway.rollIn.charity).toBeNull();
      // a fund of 40,000 yuan: the first draw (half the fund) is a whole project budget, 10 people's worth
      const large = run(seed, 40000);
      const first = large.events.find((e) => e.amount > 0)!;
      expect(first.amount).toBeCloseTo(params.projects.budget, 6);
      expect(large.summary.pathway.rollIn.charity).not.toBeNull();
    }
  });
});
