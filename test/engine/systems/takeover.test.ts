import { describe, expect, it } from 'vitest';
import { MECHANISM_INDEX } from '../../../src/engine/mechanisms.ts';
import { addDonor } from '../../../src/engine/ops.ts';
import { PROJECT_FREE, PROJECT_RUNNING, type World } from '../../../src/engine/state.ts';
import { collectFunds } from '../../../src/engine/systems/funds.ts';
import { applyInterventions } from '../../../src/engine/systems/interventions.ts';
import { runProjects } from '../../../src/engine/systems/projects.ts';
import { CHARITY, COMMUNITY } from '../../../src/model/elements.ts';
import { expectConsistent, flowCount, makeWorld } from '../helpers.ts';

const TAKEOVER = MECHANISM_INDEX['local-takeover'];

/**
 * A world in week 10 with one project running until week 20 (budget 16,000 over 16 weeks: 1,000 a
 * week, 11 weeks still to pay from this week on), holding `raised`, that depends on a grant whose
 * last payment (`lastPayment`) comes in this week.
 */
function grantProject(
  o: { raised?: number; fund?: number; committeeTakeover?: number; lastPayment?: number } = {},
): { w: World; k: number } {
  const w = makeWorld({
    residents: 300,
    initial: { community: 0.4 },
    parameters: {
      projects: { budget: 16000, runWeeks: 16, problemRate: 0, committeeTakeover: o.committeeTakeover ?? 0 },
    },
  });
  w.tick = 10;
  w.charity.fund = o.fund ?? 0;
  w.charity.externalPerWeek = o.lastPayment ?? 0;
  w.charity.externalWeeksLeft = 1;
  const k = addRunning(w, o.raised ?? 3000);
  w.projects.grant[k] = 1;
  return { w, k };
}

function addRunning(w: World, raised: number): number {
  const pr = w.projects;
  const k = pr.used++;
  pr.phase[k] = PROJECT_RUNNING;
  pr.need[k] = 0;
  pr.leaderElement[k] = COMMUNITY;
  pr.leader[k] = -1;
  pr.org[k] = -1;
  pr.budget[k] = 16000;
  pr.raised[k] = raised;
  pr.volunteerCount[k] = 0;
  pr.end[k] = 20;
  pr.home[k] = 0;
  w.counters.projectsRunning++;
  w.counters.projectsStarted++;
  return k;
}

describe('local money takes over what a grant paid for (local-takeover)', () => {
  it('the fund covers what the project still needs: it sets that aside and the project runs on', () => {
    // 11 weeks × 1,000 − 3,000 held = 8,000 needed; the fund holds 10,000 after the last payment
    const { w, k } = grantProject({ fund: 9000, lastPayment: 1000 });
    collectFunds(w);
    expect(w.charity.externalWeeksLeft).toBe(0);
    expect(w.projects.phase[k]).toBe(PROJECT_RUNNING);
    expect(w.projects.raised[k]).toBeCloseTo(11000, 9);
    expect(w.charity.fund).toBeCloseTo(2000, 9);
    expect(w.projects.grant[k]).toBe(0);
    expect(flowCount(w, 'local-takeover', CHARITY, COMMUNITY)).toBe(1);
    // the yuan the fund put in is on the record (for the pathway), and counted as the project's draw
    expect(w.record.moved[CHARITY]).toBeCloseTo(8000, 9);
    expect(w.projects.drawn[k]).toBeCloseTo(8000, 9);
    expectConsistent(w);
  });

  it('knocked out, the project ends with its grant even with a rich fund; what it held goes back', () => {
    const { w, k } = grantProject({ fund: 1e6 });
    w.on[TAKEOVER] = 0;
    collectFunds(w);
    expect(w.projects.phase[k]).toBe(PROJECT_FREE);
    expect(w.charity.fund).toBeCloseTo(1e6 + 3000, 6);
    expect(w.counters.projectsRunning).toBe(0);
    expect(w.counters.projectsFailed).toBe(1);
    expect(flowCount(w, 'local-takeover', CHARITY, COMMUNITY)).toBe(0);
    expectConsistent(w);
  });

  it('with no local money and no committee to buy it on, the project ends', () => {
    const { w, k } = grantProject({ fund: 500 });
    // it had drawn 2,000 of what it holds from the fund: that comes off the record when it goes back
    w.projects.drawn[k] = 2000;
    w.record.moved[CHARITY] = 2000;
    collectFunds(w);
    expect(w.record.moved[CHARITY]).toBe(0);
    expect(w.projects.phase[k]).toBe(PROJECT_FREE);
    expect(w.charity.fund).toBeCloseTo(3500, 9);
    expect(w.counters.projectsFailed).toBe(1);
  });

  it('local donors: what the fund lacks may come from their gifts over the remaining weeks', () => {
    // 8,000 needed over 11 weeks; the fund holds only this week's 800 from the donors, who give
    // 800 a week: the fund sets its 800 aside and the other 7,200 is within 11 weeks of their gifts
    const { w, k } = grantProject();
    addDonor(w, 800, CHARITY);
    collectFunds(w);
    expect(w.projects.phase[k]).toBe(PROJECT_RUNNING);
    expect(w.projects.raised[k]).toBe(3800);
    expect(w.charity.fund).toBe(0);
    expect(flowCount(w, 'local-takeover', CHARITY, COMMUNITY)).toBe(1);
    // a second project needing as much finds the donors' gifts already promised
    const { w: w2, k: a } = grantProject();
    const b = addRunning(w2, 3000);
    w2.projects.grant[b] = 1;
    addDonor(w2, 800, CHARITY);
    collectFunds(w2);
    expect(w2.projects.phase[a]).toBe(PROJECT_RUNNING);
    expect(w2.projects.phase[b]).toBe(PROJECT_FREE);
  });

  it('the committee buys it on with chance committeeTakeover × its strength, from outside the fund', () => {
    const { w, k } = grantProject({ committeeTakeover: 1, fund: 100 });
    w.strength[COMMUNITY] = 1;
    collectFunds(w);
    expect(w.projects.phase[k]).toBe(PROJECT_RUNNING);
    expect(w.projects.raised[k]).toBeCloseTo(11000, 9);
    expect(w.charity.fund).toBe(100);
    expect(flowCount(w, 'local-takeover', COMMUNITY, COMMUNITY)).toBe(1);
    // the committee's own project: money within one element is not linkage, so not on the record
    expect(w.record.moved[COMMUNITY]).toBe(0);
    const never = grantProject({ committeeTakeover: 1, fund: 100 });
    never.w.strength[COMMUNITY] = 0;
    collectFunds(never.w);
    expect(never.w.projects.phase[never.k]).toBe(PROJECT_FREE);
  });

  it('projects that did not depend on the grant are left alone', () => {
    const { w, k } = grantProject();
    w.projects.grant[k] = 0;
    collectFunds(w);
    expect(w.projects.phase[k]).toBe(PROJECT_RUNNING);
    expect(w.projects.raised[k]).toBe(3000);
  });

  it('ending the funding early (funding-end) ends its projects before next week, unless taken over', () => {
    const { w, k } = grantProject({ fund: 1e6 });
    w.charity.externalWeeksLeft = 30;
    w.charity.externalPerWeek = 100;
    w.scenario.interventions.push({ tick: 10, type: 'funding-end' });
    applyInterventions(w, 10);
    // from week 11 on: 10 weeks × 1,000 − 3,000 held = 7,000 set aside
    expect(w.projects.phase[k]).toBe(PROJECT_RUNNING);
    expect(w.projects.raised[k]).toBeCloseTo(10000, 9);
    expect(w.charity.fund).toBeCloseTo(1e6 - 7000, 6);
  });

  it('a project that draws on the fund while a grant is being paid depends on it; later ones do not', () => {
    const w = makeWorld({ residents: 300, parameters: { projects: { problemRate: 0 } } });
    w.charity.fund = 1e5;
    w.charity.externalWeeksLeft = 5;
    w.tick = 1;
    const k = addRunning(w, 0);
    runProjects(w);
    expect(w.projects.grant[k]).toBe(1);
    w.charity.externalWeeksLeft = 0;
    const j = addRunning(w, 0);
    w.tick = 2;
    runProjects(w);
    expect(w.projects.grant[j]).toBe(0);
  });
});
