import { describe, expect, it } from 'vitest';
import { MECHANISM_INDEX as MI } from '../../../src/engine/mechanisms.ts';
import { becomeCore, becomeVolunteer, foundOrganisation, joinOrganisation } from '../../../src/engine/ops.ts';
import {
  CORE,
  createOrganisations,
  ORGANISER,
  PARTICIPANT,
  PROFESSIONAL,
  VOLUNTEER,
  type World,
} from '../../../src/engine/state.ts';
import { cultivateFromFunds, cultivateResidents } from '../../../src/engine/systems/cultivation.ts';
import { CHARITY, ORGANIZATIONS, VOLUNTEERS } from '../../../src/model/elements.ts';
import {
  expectConsistent,
  flowCount,
  makeWorld,
  mechanismCount,
  type ParameterOverrides,
  remeasure,
} from '../helpers.ts';

/**
 * Every resident-driven channel off, except those a test turns on; with no social workers present,
 * channels run at their full rate (`unaided` 1) so that a test sees each channel's own rate.
 */
function quiet(over: ParameterOverrides = {}): ParameterOverrides {
  return {
    socialWorkers: { unaided: 1 },
    organizations: { capableToVolunteer: 0, joinRate: 0, ...over.organizations },
    volunteers: { peerRate: 0, donorRate: 0, foundRate: 0, councilRate: 0, coreRate: 0, ...over.volunteers },
    ...Object.fromEntries(Object.entries(over).filter(([g]) => g !== 'organizations' && g !== 'volunteers')),
  };
}

/** A 200-resident community with one organisation led by resident 0 and five participants 10..14. */
function communityWithOrganisation(parameters: ParameterOverrides, talentOfFirst = 1) {
  const w = makeWorld({ residents: 200, parameters }, { events: true });
  const o = foundOrganisation(w, 0, 0, ORGANIZATIONS, 0);
  for (let i = 10; i < 15; i++) {
    expect(joinOrganisation(w, i, o)).toBe(true);
    w.residents.talent[i] = 0;
  }
  w.residents.talent[10] = talentOfFirst;
  w.organizations.activity[o] = 1;
  w.tick = 1;
  remeasure(w);
  // the week's strengths as the system reads them: volunteers and organisations have all the room to grow
  w.strength[VOLUNTEERS] = 0;
  w.strength[ORGANIZATIONS] = 0;
  return { w, o };
}

describe('cultivation (联中动)', () => {
  it('a capable participant of an active organisation becomes a volunteer, recorded organisations → volunteers', () => {
    const { w, o } = communityWithOrganisation(quiet({ organizations: { capableToVolunteer: 1 } }));
    expect(w.residents.role[10]).toBe(PARTICIPANT);
    const volunteersBefore = w.counters.volunteers;
    cultivateResidents(w);
    expect(w.residents.role[10]).toBe(VOLUNTEER);
    expect(w.residents.org[10]).toBe(o);
    // the talentless participants never do
    for (let i = 11; i < 15; i++) expect(w.residents.role[i]).toBe(PARTICIPANT);
    expect(w.counters.volunteers).toBe(volunteersBefore + 1);
    expect(flowCount(w, 'capable-members-volunteer', ORGANIZATIONS, VOLUNTEERS)).toBe(1);
    expect(mechanismCount(w, 'capable-members-volunteer')).toBe(1);
    const r = w.record;
    expect(r.eventCount).toBe(1);
    expect(r.evActor[0]).toBe(0); // the organisation's leader
    expect(r.evSubject[0]).toBe(10);
    expect(r.evValue[0]).toBeCloseTo(w.units.volunteer, 6);
    expect(r.produced[MI['capable-members-volunteer'] * 5 + ORGANIZATIONS]).toBe(1);
    expectConsistent(w);
  });

  it('with capableToVolunteer 0 it never happens, however long', () => {
    const { w } = communityWithOrganisation(quiet());
    for (let week = 1; week <= 100; week++) {
      w.tick = week;
      cultivateResidents(w);
    }
    for (let i = 10; i < 15; i++) expect(w.residents.role[i]).toBe(PARTICIPANT);
    expect(mechanismCount(w, 'capable-members-volunteer')).toBe(0);
    expect(w.record.eventCount).toBe(0);
  });

  it('the chance grows with talent: half-talented participants convert at about half the rate', () => {
    let converted = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const { w } = communityWithOrganisation(quiet({ organizations: { capableToVolunteer: 1 } }), 0.5);
      w.random.channels[MI['capable-members-volunteer']] = seeded(t);
      cultivateResidents(w);
      if (w.residents.role[10] === VOLUNTEER) converted++;
    }
    expect(converted / trials).toBeGreaterThan(0.4);
    expect(converted / trials).toBeLessThan(0.6);
  });

  it('a core volunteer founds an organisation with foundRate high, recorded volunteers → organisations', () => {
    const w = makeWorld(
      { residents: 200, parameters: quiet({ volunteers: { foundRate: 1 } }) },
      { events: true },
    );
    const founder = 60;
    expect(becomeVolunteer(w, founder)).toBe(true);
    expect(becomeCore(w, founder)).toBe(true);
    w.residents.talent[founder] = 1;
    for (let i = 0; i < 200; i++) w.residents.willingness[i] = 1;
    w.tick = 1;
    remeasure(w);
    w.strength[ORGANIZATIONS] = 0;
    cultivateResidents(w);

    expect(w.counters.organizations).toBe(1);
    const o = w.residents.org[founder];
    expect(o).toBe(0);
    expect(w.residents.role[founder]).toBe(ORGANISER);
    expect(w.counters.organisers).toBe(1);
    expect(w.organizations.leader[o]).toBe(founder);
    expect(w.organizations.foundedBy[o]).toBe(VOLUNTEERS);
    expect(w.organizations.home[o]).toBe(Math.floor(founder / w.buildingSize));
    // founding members are the founder and up to foundingSize − 1 of its neighbours (all willing here)
    const size = w.params.organizations.foundingSize;
    expect(w.organizations.members[o]).toBe(size);
    const { offsets, neighbours } = w.network;
    const nb = new Set(neighbours.subarray(offsets[founder], offsets[founder + 1]));
    for (let i = 0; i < 200; i++) if (w.residents.org[i] === o && i !== founder) expect(nb.has(i)).toBe(true);
    expect(flowCount(w, 'core-volunteer-founds-organization', VOLUNTEERS, ORGANIZATIONS)).toBe(1);
    expect(w.record.evValue[0]).toBeCloseTo(w.units.organization + (size - 1) * w.units.member, 6);
    expectConsistent(w);
  });

  it('plain volunteers do not found organisations; core volunteers never do with foundRate 0', () => {
    const w = makeWorld({ residents: 200, parameters: quiet({ volunteers: { foundRate: 1 } }) });
    becomeVolunteer(w, 60);
    w.residents.talent[60] = 1;
    const v = makeWorld({ residents: 200, parameters: quiet() });
    becomeVolunteer(v, 60);
    becomeCore(v, 60);
    v.residents.talent[60] = 1;
    for (const x of [w, v]) {
      for (let week = 1; week <= 10; week++) {
        x.tick = week;
        remeasure(x);
        cultivateResidents(x);
      }
      expect(x.counters.organizations).toBe(0);
    }
    expect(w.residents.role[60]).toBe(VOLUNTEER);
    expect(v.residents.role[60]).toBe(CORE);
  });

  it('peers recruit only residents who have a volunteering neighbour', () => {
    const w = makeWorld({ residents: 400, parameters: quiet({ volunteers: { peerRate: 1 } }) });
    for (const i of [5, 100, 101, 300]) becomeVolunteer(w, i);
    const before = Uint16Array.from(w.residents.volunteerNeighbours);
    const wasVolunteer = Uint8Array.from(w.residents.role, (r) => (r >= VOLUNTEER ? 1 : 0));
    w.tick = 1;
    remeasure(w);
    cultivateResidents(w);
    let recruited = 0;
    for (let i = 0; i < 400; i++) {
      if (!wasVolunteer[i] && w.residents.role[i] >= VOLUNTEER) {
        recruited++;
        expect(before[i]).toBeGreaterThan(0);
      }
    }
    expect(recruited).toBeGreaterThan(0);
    expect(flowCount(w, 'peer-asks-volunteer', VOLUNTEERS, VOLUNTEERS)).toBe(recruited);
    expectConsistent(w);
  });

  it('grants never overdraw the fund; with no organisations to fund they bring professional ones', () => {
    const w = makeWorld({
      residents: 1000,
      parameters: {
        charity: { grantRate: 1, grantSize: 1000 },
        socialWorkers: { unaided: 1 },
        // room for every new organisation the grants bring
        strength: { organizationsPer10k: 500 },
      },
    });
    w.charity.fund = 5500;
    w.tick = 1;
    remeasure(w);
    w.strength[ORGANIZATIONS] = 0;
    cultivateFromFunds(w);
    expect(w.charity.fund).toBeCloseTo(500, 9);
    expect(w.counters.organizations).toBe(5);
    for (let o = 0; o < 5; o++) {
      expect(w.organizations.kind[o]).toBe(PROFESSIONAL);
      expect(w.organizations.foundedBy[o]).toBe(CHARITY);
      expect(w.organizations.leader[o]).toBe(-1);
      expect(w.organizations.funds[o]).toBe(1000);
    }
    expect(flowCount(w, 'grant-brings-professional-organization', CHARITY, ORGANIZATIONS)).toBe(5);
    // each grant is recorded with its money (counted by amount), not among the events without money
    expect(w.record.funded[CHARITY]).toBe(5);
    expect(w.record.moved[CHARITY]).toBe(5000);
    expect(w.record.produced[MI['grant-brings-professional-organization'] * 5 + CHARITY]).toBe(0);
    expect(w.counters.organisers).toBe(0);
    expectConsistent(w);
    // a fund smaller than one grant pays none
    w.charity.fund = 999;
    cultivateFromFunds(w);
    expect(w.charity.fund).toBe(999);
  });

  it('grant money is conserved when the organisations\u2019 pool has to grow mid-week', () => {
    const w = makeWorld({
      residents: 10000,
      parameters: {
        charity: { grantRate: 1, grantSize: 1000 },
        socialWorkers: { unaided: 1 },
        // room for every new organisation the grants bring
        strength: { organizationsPer10k: 500 },
      },
    });
    // a small pool, so that the grants' professional organisations make it grow mid-week
    w.organizations = createOrganisations(16);
    const capacity = w.organizations.capacity;
    // a fund places at most one grant per 200 residents a week
    const grants = Math.min(2 * capacity + 3, 10000 / 200);
    expect(w.organizations.used + grants).toBeGreaterThan(capacity);
    w.charity.fund = grants * 1000;
    w.tick = 1;
    remeasure(w);
    w.strength[ORGANIZATIONS] = 0;
    const before = w.counters.organizations;
    const fundsBefore = Array.from(w.organizations.funds.subarray(0, w.organizations.used)).reduce(
      (a, b) => a + b,
      0,
    );
    cultivateFromFunds(w);
    expect(w.organizations.capacity).toBeGreaterThan(capacity);
    // each grant brought a professional organisation or funded one already there
    expect(
      w.counters.organizations - before + flowCount(w, 'grant-to-organization', CHARITY, ORGANIZATIONS),
    ).toBe(grants);
    expect(w.counters.organizations - before).toBeGreaterThan(capacity);
    let held = 0;
    for (let o = 0; o < w.organizations.used; o++) held += w.organizations.funds[o];
    expect(w.charity.fund).toBe(0);
    expect(held - fundsBefore).toBe(grants * 1000);
    expect(w.record.moved[CHARITY]).toBe(grants * 1000);
    expectConsistent(w);
  });
});

function seeded(n: number): World['random']['projectTeams'] {
  // a tiny deterministic generator, so the trials above are independent of the world's streams
  let s = (n * 2654435761 + 1) >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
