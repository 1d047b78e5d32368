import { describe, expect, it } from 'vitest';
import {
  PROJECT_FREE,
  PROJECT_RUNNING,
  PROJECT_SLOTS,
  VOLUNTEER,
  type World,
} from '../../../src/engine/state.ts';
import { runProjects } from '../../../src/engine/systems/projects.ts';
import { CHARITY, ORGANIZATIONS } from '../../../src/model/elements.ts';
import {
  expectConsistent,
  makeWorld,
  mechanismCount,
  type ParameterOverrides,
  remeasure,
} from '../helpers.ts';

/** Runs only the projects system for `weeks` weeks; problems arise in the first week only. */
function runWeeks(w: World, weeks: number, each?: (week: number) => void): void {
  const rate = w.params.projects.problemRate;
  for (let k = 0; k < weeks; k++) {
    w.tick++;
    remeasure(w);
    w.params.projects.problemRate = w.tick === 1 ? rate : 0;
    runProjects(w);
    each?.(w.tick);
  }
}

const strong = { community: 1, organizations: 1, socialWorkers: 1, volunteers: 1, charity: 1 };

describe('projects (动中联)', () => {
  it('with a rich fund and strong organisations, projects are funded, assemble, run and finish', () => {
    for (let seed = 1; seed <= 3; seed++) {
      const w = makeWorld({
        residents: 2000,
        seed,
        initial: strong,
        parameters: { projects: { problemRate: 10 } },
      });
      w.charity.fund = 1e6;
      const p = w.params.projects;
      let everRunning = 0;
      let readyWeek = -1;
      runWeeks(w, p.recruitWeeks + p.runWeeks + 4, (week) => {
        expectConsistent(w);
        everRunning = Math.max(everRunning, w.counters.projectsRunning);
        if (readyWeek < 0 && w.counters.projectsRunning > 0) {
          readyWeek = week;
          // a running project has its money, an organisation and at least half its volunteers
          const pr = w.projects;
          for (let k = 0; k < pr.used; k++) {
            if (pr.phase[k] !== PROJECT_RUNNING) continue;
            expect(pr.org[k]).toBeGreaterThanOrEqual(0);
            expect(pr.volunteerCount[k]).toBeGreaterThanOrEqual(Math.ceil(p.volunteersNeeded / 2));
            for (let v = 0; v < pr.volunteerCount[k]; v++) {
              const j = pr.volunteers[k * PROJECT_SLOTS + v];
              expect(w.residents.project[j]).toBe(k);
              expect(w.residents.role[j]).toBeGreaterThanOrEqual(VOLUNTEER);
            }
          }
        }
      });
      const c = w.counters;
      expect(c.projectsStarted).toBeGreaterThanOrEqual(1);
      expect(everRunning).toBeGreaterThanOrEqual(1);
      expect(readyWeek).toBeLessThanOrEqual(p.recruitWeeks);
      expect(c.projectsCompleted).toBe(c.projectsStarted);
      expect(c.projectsFailed).toBe(0);
      expect(c.projectsRunning + c.projectsRecruiting).toBe(0);
      expect(mechanismCount(w, 'project-funding')).toBeGreaterThanOrEqual(c.projectsStarted);
      // finished projects let their volunteers go
      for (let i = 0; i < 2000; i++) expect(w.residents.project[i]).toBe(-1);
      expect(w.charity.fund).toBeLessThan(1e6);
      expect(w.charity.fund).toBeGreaterThanOrEqual(0);
    }
  });

  it('with nothing to draw on, a project fails at its deadline and returns the money it raised', () => {
    const parameters: ParameterOverrides = {
      projects: { problemRate: 20, searchRate: 1, recruitWeeks: 6, minDraw: 0 },
      // fundraising through the leader's network brings nothing
      charity: { enterpriseGift: 0, giftMean: 0 },
    };
    for (let seed = 1; seed <= 3; seed++) {
      const w = makeWorld({ residents: 2000, seed, initial: { community: 0.5 }, parameters });
      w.charity.fund = 2000; // far less than half a budget
      const failedBy: number[] = [];
      let raisedWhileRecruiting = 0;
      runWeeks(w, 10, () => {
        expectConsistent(w);
        failedBy.push(w.counters.projectsFailed);
        let raised = 0;
        for (let k = 0; k < w.projects.used; k++)
          if (w.projects.phase[k] !== PROJECT_FREE) raised += w.projects.raised[k];
        raisedWhileRecruiting = Math.max(raisedWhileRecruiting, raised);
        // money is either in the fund or held by a project
        expect(w.charity.fund + raised).toBeCloseTo(2000, 6);
      });
      const c = w.counters;
      expect(c.projectsStarted).toBeGreaterThanOrEqual(1);
      expect(raisedWhileRecruiting).toBeGreaterThan(0);
      // started in week 1, deadline week 7: nothing fails before, everything fails then
      expect(failedBy.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
      expect(failedBy[6]).toBe(c.projectsStarted);
      expect(c.projectsCompleted).toBe(0);
      expect(c.projectsRecruiting).toBe(0);
      expect(w.charity.fund).toBeCloseTo(2000, 6);
      // the draws were recorded with their money, and the money returned taken off again
      expect(w.record.funded[CHARITY]).toBeGreaterThan(0);
      expect(w.record.moved[CHARITY]).toBeCloseTo(0, 6);
      expect(w.counters.organizations).toBe(0);
      for (let i = 0; i < 2000; i++) expect(w.residents.project[i]).toBe(-1);
    }
  });

  it('with every element at zero nobody takes a problem up', () => {
    const w = makeWorld({ residents: 2000, parameters: { projects: { problemRate: 100 } } });
    runWeeks(w, 3);
    expect(w.counters.projectsStarted).toBe(0);
  });

  it('a funded project without a local organisation brings in a professional one', () => {
    const w = makeWorld({
      residents: 2000,
      initial: { community: 0.6, socialWorkers: 0.6 },
      parameters: { projects: { problemRate: 20, searchRate: 1 } },
    });
    w.charity.fund = 1e6;
    runWeeks(w, 4);
    expect(w.counters.projectsStarted).toBeGreaterThan(0);
    expect(w.counters.organizations).toBeGreaterThan(0);
    for (let o = 0; o < w.organizations.used; o++) expect(w.organizations.foundedBy[o]).toBe(CHARITY);
    expect(w.record.flowCount.some((n) => n > 0)).toBe(true);
    expect(mechanismCount(w, 'project-funding')).toBeGreaterThan(0);
    // the organisation came from charity money, recorded charity → organisations
    const m = w.record.flowCount;
    let charityToOrgs = 0;
    for (let k = 0; k < m.length; k += 25) charityToOrgs += m[k + CHARITY * 5 + ORGANIZATIONS];
    expect(charityToOrgs).toBeGreaterThan(0);
    expectConsistent(w);
  });
});
