import { describe, expect, it } from 'vitest';
import { runSummary } from '../../src/analysis/summary.ts';
import { KNOCKOUT_IDS, MECHANISMS, PROCESS_INDEX } from '../../src/engine/mechanisms.ts';
import { becomeCore, becomeVolunteer, foundOrganisation, joinOrganisation } from '../../src/engine/ops.ts';
import { Simulation } from '../../src/engine/run.ts';
import { CORE, PIPELINE_VACANCY, PROJECT_FREE, PROJECT_RUNNING, VOLUNTEER } from '../../src/engine/state.ts';
import { residentTurnover, volunteerLapse } from '../../src/engine/systems/attrition.ts';
import { committeeWork } from '../../src/engine/systems/committee.ts';
import { runProjects } from '../../src/engine/systems/projects.ts';
import { socialWork } from '../../src/engine/systems/socialWork.ts';
import { ORGANIZATIONS } from '../../src/model/elements.ts';
import { validateScenario } from '../../src/model/scenario.ts';
import { expectConsistent, makeWorld, mechanismCount, presetFile, validated } from './helpers.ts';

describe('limits and decay', () => {
  it('partner links lapse without joint work; running projects keep two links each busy; knocked out, none lapse', () => {
    const lapsed = (projects: number, on = true) => {
      const w = makeWorld({ residents: 2000, parameters: { community: { linkLapse: 0.2 } } });
      w.committee.links = 40;
      w.counters.projectsRunning = projects;
      if (!on) w.on[PROCESS_INDEX['partner-link-lapse']] = 0;
      for (let k = 0; k < 10; k++) committeeWork(w);
      return 40 - w.committee.links;
    };
    expect(lapsed(0)).toBeGreaterThan(25);
    expect(lapsed(20)).toBe(0);
    expect(lapsed(10)).toBeLessThan(lapsed(0));
    expect(lapsed(0, false)).toBe(0);
  });

  it('committee staff who leave are replaced only after the vacancy weeks', () => {
    const w = makeWorld({
      residents: 2000,
      parameters: { community: { staffTurnover: 0.5, vacancyWeeks: 5 }, socialWorkers: { trainingRate: 0 } },
    });
    w.committee.staff = 6;
    w.tick = 1;
    committeeWork(w);
    const left = 6 - w.committee.staff;
    expect(left).toBeGreaterThan(0);
    expect(w.pipeline.count).toBe(left);
    for (let k = 0; k < w.pipeline.count; k++) expect(w.pipeline.kind[k]).toBe(PIPELINE_VACANCY);
    w.on[PROCESS_INDEX['committee-turnover']] = 0;
    for (let week = 2; week <= 5; week++) {
      w.tick = week;
      socialWork(w);
      expect(w.committee.staff).toBe(6 - left);
    }
    w.tick = 6;
    socialWork(w);
    expect(w.committee.staff).toBe(6);
  });

  it('core volunteers burn out and step back to volunteering; knocked out, they do not', () => {
    for (const on of [true, false]) {
      const w = makeWorld({
        residents: 1000,
        parameters: { volunteers: { lapseHazard: 0, burnout: 0.5 } },
      });
      for (let i = 0; i < 200; i++) {
        becomeVolunteer(w, i);
        becomeCore(w, i);
      }
      if (!on) w.on[PROCESS_INDEX['core-burnout']] = 0;
      w.tick = 3;
      volunteerLapse(w);
      const cores = Array.from(w.residents.role.subarray(0, 200)).filter((r) => r === CORE).length;
      if (on) {
        expect(cores).toBeGreaterThan(60);
        expect(cores).toBeLessThan(140);
      } else expect(cores).toBe(200);
      expect(w.counters.volunteers).toBe(200);
      expect(Array.from(w.residents.role.subarray(0, 200)).every((r) => r === CORE || r === VOLUNTEER)).toBe(
        true,
      );
      expectConsistent(w);
    }
  });

  it('residents move out and newcomers take their places; the counters stay true', () => {
    const w = makeWorld({ residents: 2000, parameters: { population: { turnover: 0.9 } } });
    for (let k = 0; k < 10; k++) {
      const o = foundOrganisation(w, 100 * k, 0, ORGANIZATIONS, k);
      for (let m = 1; m < 8; m++) joinOrganisation(w, 100 * k + m, o);
    }
    for (let i = 1000; i < 1300; i++) becomeVolunteer(w, i);
    w.residents.served.fill(1, 0, 2000);
    w.counters.served = 2000;
    for (let week = 1; week <= 20; week++) {
      w.tick = week;
      residentTurnover(w);
      expectConsistent(w);
    }
    // about 4% a week moved at a 90% yearly rate: a good part of the volunteers and of the served are newcomers
    expect(w.counters.volunteers).toBeLessThan(300);
    expect(w.counters.served).toBeLessThan(2000);
    expect(w.counters.served).toBeGreaterThan(500);
  });

  it('organisations per 10,000 residents level off over ten years instead of rising on', () => {
    const sim = new Simulation(
      validated({ ...presetFile('organization-led'), ticks: 520, residents: 3000, seed: 2 }),
    );
    while (!sim.done) sim.step();
    const orgs = sim.columns[7];
    const y5 = orgs[260];
    const y10 = orgs[520];
    expect(y10 / y5).toBeLessThan(1.5);
    expect(y10 / y5).toBeGreaterThan(0.5);
  });
});

describe('knock-outs', () => {
  it('every mechanism and process id is a valid knock-out; unknown ids are refused with a did-you-mean', () => {
    const base = { ...presetFile('baseline'), ticks: 10, residents: 500 };
    const all = validateScenario({ ...base, knockouts: [...KNOCKOUT_IDS] });
    expect(all.ok).toBe(true);
    const bad = validateScenario({ ...base, knockouts: ['donor-lapse', 'volunteer-network-doner'] });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors).toEqual([
        'knockouts[1]: unknown mechanism "volunteer-network-doner" (did you mean "volunteer-network-donor"?); see `wushe schema` for the ids',
      ]);
  });

  it.each(MECHANISMS.map((m) => m.id))('knocking out %s zeroes its flows in a preset run', (id) => {
    const run = (knockouts: string[]) => {
      const sim = new Simulation(
        validated({
          ...presetFile('charity-led'),
          ticks: 60,
          residents: 2000,
          knockouts,
          interventions: [{ type: 'grant', tick: 0, amount: 200000, weeks: 20 }],
        }),
      );
      while (!sim.done) sim.step();
      return sim.world;
    };
    const off = run([id]);
    expect(mechanismCount(off, id)).toBe(0);
    expectConsistent(off);
  });

  it('knocking out the social workers\u2019 support slows the carriers\u2019 growth', () => {
    const growth = (knockouts: string[]) => {
      let g = 0;
      for (let seed = 1; seed <= 3; seed++) {
        const sim = new Simulation(
          validated({ ...presetFile('organization-led'), seed, ticks: 52, residents: 2000, knockouts }),
        );
        while (!sim.done) sim.step();
        const s = runSummary(sim);
        for (const e of ['organizations', 'volunteers', 'charity'] as const)
          g += s.final.strength[e] - s.initial.strength[e];
      }
      return g;
    };
    expect(growth(['social-worker-support'])).toBeLessThan(growth([]));
  });

  it('projects stop when their money runs out (budget terms); knocked out, they run on', () => {
    for (const on of [true, false]) {
      const w = makeWorld({
        residents: 2000,
        initial: { community: 0.5 },
        parameters: { projects: { problemRate: 0 } },
      });
      if (!on) w.on[PROCESS_INDEX['project-budget-terms']] = 0;
      const pr = w.projects;
      pr.used = 1;
      pr.phase[0] = PROJECT_RUNNING;
      pr.budget[0] = 1600;
      pr.raised[0] = 0;
      pr.end[0] = 100;
      pr.org[0] = -1;
      pr.home[0] = 0;
      w.counters.projectsRunning = 1;
      w.counters.projectsStarted = 1;
      w.charity.fund = 0;
      w.tick = 1;
      runProjects(w);
      expect(pr.phase[0]).toBe(on ? PROJECT_FREE : PROJECT_RUNNING);
      expect(w.counters.projectsFailed).toBe(on ? 1 : 0);
      expectConsistent(w);
    }
  });
});
