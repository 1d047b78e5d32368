import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/engine/initialise.ts';
import {
  addDonor,
  becomeCore,
  becomeVolunteer,
  dropDonor,
  foundOrganisation,
  joinOrganisation,
  lapse,
} from '../../src/engine/ops.ts';
import { RESIDENT, type World } from '../../src/engine/state.ts';
import { measureStrength, strengthReference } from '../../src/engine/strength.ts';
import {
  CHARITY,
  COMMUNITY,
  ELEMENTS,
  type ElementId,
  ORGANIZATIONS,
  SOCIAL_WORKERS,
  VOLUNTEERS,
} from '../../src/model/elements.ts';
import { makeScenario, makeWorld, presetFile, presetIds, validated } from './helpers.ts';

const measure = (w: World) => Array.from(measureStrength(w, w.ref, new Float64Array(5)));

type Profile = Record<ElementId, number>;
const profile = (c: number, o: number, s: number, v: number, ch: number): Profile => ({
  community: c,
  organizations: o,
  socialWorkers: s,
  volunteers: v,
  charity: ch,
});

/** Starting strengths spread over the range, volunteers at least as strong as organisations need leaders. */
const PROFILES: Profile[] = [
  profile(0.15, 0.15, 0.15, 0.15, 0.15),
  profile(0.5, 0.7, 0.5, 0.2, 0.1),
  profile(0.5, 0.2, 0.5, 0.7, 0.1),
  profile(0.5, 0.2, 0.5, 0.15, 0.7),
  profile(0.9, 0.35, 0.05, 0.6, 0.45),
  profile(0.03, 0.5, 0.97, 0.33, 0.88),
  profile(0.62, 0.08, 0.41, 0.95, 0.27),
];

/**
 * Strength the organisations' leaders alone give the volunteers: every organisation founded at
 * initialisation has a resident organiser, who counts as a core volunteer.
 */
function organiserFloor(w: World): number {
  const o = w.counters.organisers;
  return (
    w.ref.weights.volunteers[0] * Math.min(1, o / w.ref.volunteers) +
    w.ref.weights.volunteers[1] * Math.min(1, o / w.ref.cores)
  );
}

describe('strength at week 0 equals the scenario\u2019s starting strengths', () => {
  for (const residents of [10000, 20000]) {
    it.each(PROFILES.map((p, k) => [k, p] as const))(
      `profile %i at ${residents} residents, within 0.02`,
      (_, initial) => {
        const w = makeWorld({ residents, initial, seed: 7 });
        const s = measure(w);
        ELEMENTS.forEach((e, i) => {
          expect(
            Math.abs(s[i] - initial[e]),
            `${e}: measured ${s[i]}, initial ${initial[e]}`,
          ).toBeLessThanOrEqual(0.02);
        });
        // the strength the world starts its first week with is the same measurement
        expect(Array.from(w.strength)).toEqual(s);
      },
    );
  }

  it.each(presetIds())('preset %s at its own size, within 0.02 (or the rounding of a count of 10)', (id) => {
    const sc = validated(presetFile(id));
    const w = createWorld(sc);
    const s = measure(w);
    // at 5,000 residents full strength is 10 organisations and 10 partner units, so rounding a
    // count can move a half-weighted component by up to 0.5 / 10 × 0.5 = 0.025
    const tolerance = Math.max(0.02, 0.5 * (0.5 / Math.min(w.ref.organizations, w.ref.links)) + 1e-3);
    ELEMENTS.forEach((e, i) => {
      expect(Math.abs(s[i] - sc.initial[e]), `${id} ${e}`).toBeLessThanOrEqual(tolerance);
    });
  });

  it('at 5,000 residents and random profiles, within the rounding of the counts', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const initial = Object.fromEntries(
        ELEMENTS.map((e, i) => [e, ((seed * 37 + i * 53) % 100) / 100]),
      ) as Profile;
      initial.volunteers = Math.max(initial.volunteers, initial.organizations / 2);
      const w = makeWorld({ residents: 5000, initial, seed });
      const s = measure(w);
      // half a unit of each counted component
      const r = w.ref;
      const slack = {
        community: 0.5 * (0.5 / r.links),
        organizations: 0.5 * (0.5 / r.organizations) + 0.5 * (0.5 / r.members),
        socialWorkers: 0,
        volunteers: 0.6 * (0.5 / r.volunteers) + 0.4 * (0.5 / r.cores),
        charity: 0.5 * (0.5 / r.donors),
      };
      ELEMENTS.forEach((e, i) => {
        const err = Math.abs(s[i] - initial[e]);
        expect(err, `seed ${seed} ${e}: ${s[i]} vs ${initial[e]}`).toBeLessThanOrEqual(slack[e] + 1e-9);
      });
    }
  });

  it('strong organisations with few volunteers: volunteers measure at most what the organisers give', () => {
    // a documented consequence of the formula: each organisation's leader is a core volunteer
    for (const [o, v] of [
      [1, 0],
      [0.8, 0.05],
      [0.6, 0.1],
    ]) {
      const w = makeWorld({ residents: 10000, initial: { organizations: o, volunteers: v, community: 0.5 } });
      const s = measure(w);
      expect(Math.abs(s[ORGANIZATIONS] - o)).toBeLessThanOrEqual(0.02);
      expect(s[VOLUNTEERS]).toBeGreaterThanOrEqual(v - 0.02);
      expect(s[VOLUNTEERS]).toBeLessThanOrEqual(Math.max(v, organiserFloor(w)) + 0.02);
    }
  });

  it.each([0, 1])('every strength stays within [0, 1] when every starting strength is %i', (x) => {
    const initial = profile(x, x, x, x, x);
    for (const residents of [100, 5000, 20000]) {
      const s = measure(makeWorld({ residents, initial }));
      for (const v of s) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      if (x === 0) expect(s).toEqual([0, 0, 0, 0, 0]);
      // below ~250 residents full strength is less than one organisation or partner unit, which
      // rounds to none; from a few thousand residents up every element starts at full strength
      else if (residents >= 5000) for (const v of s) expect(v).toBeGreaterThan(0.95);
    }
  });
});

describe('the strength formula', () => {
  it('references scale with the number of residents', () => {
    const p = makeScenario().parameters;
    const a = strengthReference(5000, p);
    const b = strengthReference(10000, p);
    for (const k of Object.keys(a) as (keyof typeof a)[])
      if (k !== 'weights') expect(b[k]).toBeCloseTo(2 * a[k], 9);
    expect(a.volunteers).toBe(p.strength.volunteerShare * 5000);
    expect(a.organizations).toBe((p.strength.organizationsPer10k * 5000) / 10000);
  });

  it('is monotone: each added volunteer, core volunteer, organisation, member or donor raises its element', () => {
    const w = makeWorld({ residents: 2000 });
    let before = measure(w);
    expect(before[VOLUNTEERS]).toBe(0);
    const volunteerGain = w.ref.weights.volunteers[0] / w.ref.volunteers;
    for (let i = 0; i < 20; i++) {
      expect(becomeVolunteer(w, i)).toBe(true);
      const after = measure(w);
      expect(after[VOLUNTEERS] - before[VOLUNTEERS]).toBeCloseTo(volunteerGain, 12);
      // and nothing else moves
      for (const e of [COMMUNITY, ORGANIZATIONS, SOCIAL_WORKERS, CHARITY]) expect(after[e]).toBe(before[e]);
      before = after;
    }
    expect(becomeCore(w, 0)).toBe(true);
    let after = measure(w);
    expect(after[VOLUNTEERS] - before[VOLUNTEERS]).toBeCloseTo(w.ref.weights.volunteers[1] / w.ref.cores, 12);
    before = after;

    const o = foundOrganisation(w, 100, 0, ORGANIZATIONS, 2);
    after = measure(w);
    expect(after[ORGANIZATIONS]).toBeGreaterThan(before[ORGANIZATIONS]);
    // its leader starts as an organiser, a core volunteer
    expect(after[VOLUNTEERS]).toBeGreaterThan(before[VOLUNTEERS]);
    before = after;
    expect(joinOrganisation(w, 101, o)).toBe(true);
    after = measure(w);
    expect(after[ORGANIZATIONS] - before[ORGANIZATIONS]).toBeCloseTo(
      w.ref.weights.organizations[1] / w.ref.members,
      12,
    );
    before = after;

    const d = addDonor(w, 10, CHARITY);
    after = measure(w);
    expect(after[CHARITY] - before[CHARITY]).toBeCloseTo(w.ref.weights.charity[0] / w.ref.donors, 12);
    dropDonor(w, d);
    expect(measure(w)[CHARITY]).toBeCloseTo(before[CHARITY], 12);

    // and a lapse takes the volunteer back off
    before = measure(w);
    lapse(w, 5);
    expect(w.residents.role[5]).toBe(RESIDENT);
    expect(before[VOLUNTEERS] - measure(w)[VOLUNTEERS]).toBeCloseTo(volunteerGain, 12);
  });

  it('caps each component at 1: more than full strength adds nothing', () => {
    const w = makeWorld({ residents: 1000 });
    w.committee.staff = 10 * w.ref.staff;
    w.committee.links = 10 * w.ref.links;
    w.socialWorkers.fte = 10 * w.ref.socialWorkers;
    w.socialWorkers.skill = 1;
    w.charity.fund = 10 * w.ref.fund;
    for (let i = 0; i < 500; i++) becomeVolunteer(w, i);
    for (let i = 0; i < 500; i++) becomeCore(w, i);
    const s = measure(w);
    expect(s[COMMUNITY]).toBe(1);
    expect(s[SOCIAL_WORKERS]).toBe(1);
    expect(s[VOLUNTEERS]).toBe(1);
    expect(s[CHARITY]).toBe(0.5);
  });

  it('is the weighted sum of the documented components', () => {
    const w = makeWorld({ residents: 3000, initial: profile(0.3, 0.4, 0.5, 0.6, 0.7), seed: 3 });
    const r = w.ref;
    const c = w.counters;
    const m = (x: number) => Math.min(1, x);
    const s = measure(w);
    expect(s[COMMUNITY]).toBeCloseTo(
      0.5 * m(w.committee.staff / r.staff) + 0.5 * m(w.committee.links / r.links),
      12,
    );
    expect(s[ORGANIZATIONS]).toBeCloseTo(
      0.5 * m(c.organizations / r.organizations) + 0.5 * m(c.members / r.members),
      12,
    );
    expect(s[SOCIAL_WORKERS]).toBeCloseTo(
      0.6 * m(w.socialWorkers.fte / r.socialWorkers) + 0.4 * w.socialWorkers.skill,
      12,
    );
    expect(s[VOLUNTEERS]).toBeCloseTo(0.6 * m(c.volunteers / r.volunteers) + 0.4 * m(c.cores / r.cores), 12);
    expect(s[CHARITY]).toBeCloseTo(0.5 * m(c.donors / r.donors) + 0.5 * m(w.charity.fund / r.fund), 12);
  });
});
