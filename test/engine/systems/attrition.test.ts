import { describe, expect, it } from 'vitest';
import {
  addDonor,
  becomeCore,
  becomeVolunteer,
  foundOrganisation,
  joinOrganisation,
} from '../../../src/engine/ops.ts';
import { CORE, ORGANISER, PARTICIPANT, RESIDENT, VOLUNTEER, type World } from '../../../src/engine/state.ts';
import { donorLapse, organizationClosure, volunteerLapse } from '../../../src/engine/systems/attrition.ts';
import { CHARITY, ORGANIZATIONS } from '../../../src/model/elements.ts';
import { expectConsistent, makeWorld, type ParameterOverrides } from '../helpers.ts';

/**
 * 2,000 residents: volunteers 0..299 (200..249 core; 0..9 also members of organisation 0),
 * organisers 1000..1004 leading organisations 0..4, each with a few members.
 */
function volunteering(parameters: ParameterOverrides, seed = 1): World {
  const w = makeWorld({ residents: 2000, parameters, seed });
  for (let k = 0; k < 5; k++) {
    const o = foundOrganisation(w, 1000 + k, 0, ORGANIZATIONS, 25 + k);
    for (let m = 1; m <= 6; m++) joinOrganisation(w, 1000 + k * 10 + m + 100, o);
  }
  for (let i = 0; i < 300; i++) becomeVolunteer(w, i);
  for (let i = 0; i < 10; i++) joinOrganisation(w, i, 0);
  for (let i = 200; i < 250; i++) becomeCore(w, i);
  w.tick = 1;
  return w;
}

const roles = (w: World, from: number, to: number) => Array.from(w.residents.role.subarray(from, to));

describe('volunteer lapse', () => {
  it('with lapse hazard 1 every plain volunteer lapses, core volunteers about half, organisers none', () => {
    const w = volunteering({ volunteers: { lapseHazard: 1, burnout: 0 } });
    expect(w.counters.volunteers).toBe(305);
    volunteerLapse(w);
    // members fall back to participants, the others to residents
    expect(roles(w, 0, 10).every((r) => r === PARTICIPANT)).toBe(true);
    expect(roles(w, 10, 200).every((r) => r === RESIDENT)).toBe(true);
    const coresLeft = roles(w, 200, 250).filter((r) => r === CORE).length;
    expect(coresLeft).toBeGreaterThan(10);
    expect(coresLeft).toBeLessThan(40);
    expect(roles(w, 200, 250).every((r) => r === CORE || r === RESIDENT)).toBe(true);
    expect(roles(w, 1000, 1005).every((r) => r === ORGANISER)).toBe(true);
    expect(w.counters.volunteers).toBe(coresLeft + 5);
    expect(w.counters.cores).toBe(coresLeft + 5);
    // and the since-week of those who lapsed is this week
    expect(w.residents.since[50]).toBe(1);
    expectConsistent(w);
  });

  it('with lapse hazard 0 nobody lapses, even at the 3-, 6- and 12-month peaks', () => {
    const w = volunteering({ volunteers: { lapseHazard: 0, lapsePeak: 10 } });
    for (const week of [1, 13, 26, 52]) {
      w.tick = week;
      volunteerLapse(w);
    }
    expect(w.counters.volunteers).toBe(305);
  });

  it('the hazard peaks at 13, 26 and 52 weeks of tenure', () => {
    for (const tenure of [12, 13, 14, 26, 52]) {
      const w = volunteering({ volunteers: { lapseHazard: 0.1, lapsePeak: 10 } });
      w.tick = tenure; // volunteers started in week 0
      volunteerLapse(w);
      const plainLeft = roles(w, 0, 200).filter((r) => r === VOLUNTEER).length;
      if (tenure === 13 || tenure === 26 || tenure === 52) expect(plainLeft).toBe(0);
      else {
        expect(plainLeft).toBeGreaterThan(160);
        expect(plainLeft).toBeLessThan(200);
      }
    }
  });

  it('an incentive scheme reduces lapses by about incentiveEffect', () => {
    let off = 0;
    let on = 0;
    for (let seed = 1; seed <= 5; seed++) {
      for (const incentive of [false, true]) {
        const w = volunteering({ volunteers: { lapseHazard: 0.2, incentiveEffect: 0.4 } }, seed);
        w.incentive = incentive;
        const before = w.counters.volunteers;
        volunteerLapse(w);
        expectConsistent(w);
        if (incentive) on += before - w.counters.volunteers;
        else off += before - w.counters.volunteers;
      }
    }
    // expected lapses: 5 × (250 × 0.2 + 50 × 0.1) = 275 without, × 0.6 = 165 with
    expect(off).toBeGreaterThan(230);
    expect(off).toBeLessThan(320);
    expect(on / off).toBeGreaterThan(0.45);
    expect(on / off).toBeLessThan(0.75);
  });

  it('a full incentive effect stops lapses altogether', () => {
    const w = volunteering({ volunteers: { lapseHazard: 1, incentiveEffect: 1 } });
    w.incentive = true;
    volunteerLapse(w);
    expect(w.counters.volunteers).toBe(305);
  });
});

describe('organisation closure', () => {
  it('with closureHazard 1 every organisation closes and releases its members', () => {
    const w = volunteering({ organizations: { closureHazard: 1 } });
    expect(w.counters.organizations).toBe(5);
    expect(w.counters.members).toBe(5 + 30 + 10);
    organizationClosure(w);
    expect(w.counters.organizations).toBe(0);
    expect(w.counters.members).toBe(0);
    expect(w.counters.organisers).toBe(0);
    expect(Array.from(w.organizations.members.subarray(0, 5))).toEqual([0, 0, 0, 0, 0]);
    // organisers stay core volunteers, volunteers stay volunteers, participants become residents
    expect(roles(w, 1000, 1005).every((r) => r === CORE)).toBe(true);
    expect(roles(w, 0, 10).every((r) => r === VOLUNTEER)).toBe(true);
    expect(w.residents.role[1011 + 100]).toBe(RESIDENT);
    expect(w.counters.volunteers).toBe(305);
    expect(w.counters.cores).toBe(55);
    for (let i = 0; i < 2000; i++) expect(w.residents.org[i]).toBe(-1);
    expectConsistent(w);
  });

  it('with a partial hazard the counters still match a recount, and closed organisations stay closed', () => {
    const w = volunteering({ organizations: { closureHazard: 0.9, youngFactor: 3, smallFactor: 1 } });
    for (let week = 1; week <= 6; week++) {
      w.tick = week;
      organizationClosure(w);
      expectConsistent(w);
    }
    expect(w.counters.organizations).toBeLessThan(5);
    for (let o = 0; o < 5; o++) if (!w.organizations.alive[o]) expect(w.organizations.members[o]).toBe(0);
  });

  it('funded, older, larger organisations close less often than young, small, unfunded ones', () => {
    let fundedClosed = 0;
    let unfundedClosed = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const w = makeWorld({ residents: 2000, seed, parameters: { organizations: { closureHazard: 0.5 } } });
      for (let k = 0; k < 20; k++) foundOrganisation(w, 100 * k, 0, ORGANIZATIONS, k);
      for (let k = 0; k < 10; k++) {
        w.organizations.funds[k] = 1000;
        w.organizations.founded[k] = -100;
        for (let m = 1; m <= 6; m++) joinOrganisation(w, 100 * k + m, k);
      }
      w.tick = 1;
      organizationClosure(w);
      for (let k = 0; k < 20; k++) {
        if (w.organizations.alive[k]) continue;
        if (k < 10) fundedClosed++;
        else unfundedClosed++;
      }
    }
    // weekly hazard h ≈ 0.0132: funded ones close at h, young small unfunded ones at 6h
    expect(unfundedClosed).toBeGreaterThan(3 * Math.max(1, fundedClosed));
  });
});

describe('donor lapse', () => {
  it('with donorLapse 1 every donor stops; with 0 none does', () => {
    const w = makeWorld({ residents: 500, parameters: { charity: { donorLapse: 1 } } });
    for (let k = 0; k < 40; k++) addDonor(w, 10, CHARITY);
    donorLapse(w);
    expect(w.counters.donors).toBe(0);
    expectConsistent(w);
    const v = makeWorld({ residents: 500, parameters: { charity: { donorLapse: 0 } } });
    for (let k = 0; k < 40; k++) addDonor(v, 10, CHARITY);
    donorLapse(v);
    expect(v.counters.donors).toBe(40);
  });
});
