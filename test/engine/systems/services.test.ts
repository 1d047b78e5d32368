import { describe, expect, it } from 'vitest';
import { becomeVolunteer, foundOrganisation, joinOrganisation } from '../../../src/engine/ops.ts';
import { serve } from '../../../src/engine/serve.ts';
import type { World } from '../../../src/engine/state.ts';
import { deliverServices } from '../../../src/engine/systems/services.ts';
import {
  CHARITY,
  COMMUNITY,
  ORGANIZATIONS,
  SOCIAL_WORKERS,
  VOLUNTEERS,
} from '../../../src/model/elements.ts';
import { expectConsistent, makeWorld, type ParameterOverrides } from '../helpers.ts';

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);

/** A community with nobody serving (every starting strength 0), and every resident's trust and belonging at 0. */
function silent(parameters: ParameterOverrides = {}, residents = 1000): World {
  const w = makeWorld({ residents, parameters });
  w.residents.trust.fill(0);
  w.residents.belonging.fill(0);
  return w;
}

describe('services', () => {
  it('a silent community serves nobody', () => {
    const w = silent();
    deliverServices(w);
    expect(w.counters.served).toBe(0);
    expect(sum(w.record.contacts)).toBe(0);
  });

  it('social-work casework makes hours ÷ hoursPerCase contacts, lowers needs and marks the socialWorkers bit', () => {
    const w = silent({
      socialWorkers: { hoursPerWorker: 40, caseworkShare: 0.5, groupworkShare: 0, hoursPerCase: 2 },
      services: { needEffect: 0.15 },
    });
    w.socialWorkers.fte = 1;
    w.socialWorkers.skill = 1;
    const needs = Float32Array.from(w.residents.needs);
    deliverServices(w);
    expect(w.record.contacts[SOCIAL_WORKERS]).toBe(10);
    expect(sum(w.record.contacts)).toBe(10);
    const res = w.residents;
    let served = 0;
    for (let i = 0; i < res.count; i++) {
      if (res.served[i] === 0) {
        for (let k = 0; k < 3; k++) expect(res.needs[3 * i + k]).toBe(needs[3 * i + k]);
        continue;
      }
      served++;
      expect(res.served[i]).toBe(1 << SOCIAL_WORKERS);
      // a contact lowers the psychological need by needEffect, the others by half as much, never below 0
      const once = [0.15, 0.075, 0.075];
      for (let k = 0; k < 3; k++) {
        const now = res.needs[3 * i + k];
        expect(now).toBeLessThanOrEqual(needs[3 * i + k]);
        if (needs[3 * i + k] >= 0.5) expect(needs[3 * i + k] - now).toBeGreaterThanOrEqual(once[k] - 1e-6);
      }
      expect(res.trust[i]).toBeGreaterThan(0);
    }
    expect(served).toBeGreaterThanOrEqual(1);
    expect(served).toBeLessThanOrEqual(10);
    expect(w.counters.served).toBe(served);
  });

  it('casework goes to the neediest of the residents met', () => {
    const w = silent({ socialWorkers: { caseworkShare: 0.5, groupworkShare: 0 } }, 2000);
    w.socialWorkers.fte = 5;
    w.socialWorkers.skill = 1;
    const total = (needs: ArrayLike<number>, i: number) => needs[3 * i] + needs[3 * i + 1] + needs[3 * i + 2];
    const before = Float32Array.from(w.residents.needs);
    deliverServices(w);
    let servedNeed = 0;
    let servedCount = 0;
    let allNeed = 0;
    for (let i = 0; i < 2000; i++) {
      allNeed += total(before, i);
      if (w.residents.served[i]) {
        servedNeed += total(before, i);
        servedCount++;
      }
    }
    expect(servedNeed / servedCount).toBeGreaterThan(1.2 * (allNeed / 2000));
  });

  it('help through a social worker raises trust by the mediator factor more than the same help from the committee', () => {
    const mediator = 2.5;
    const parameters = {
      socialWorkers: { caseworkShare: 0.5, groupworkShare: 0, hoursPerCase: 2, hoursPerWorker: 40, mediator },
      community: { hoursPerStaff: 40, serviceShare: 0.5, hoursPerVisit: 1, adminShare: 0 },
      services: { trustGain: 0.01, belongingGain: 0.02, firstTrustGain: 0.01, firstBelongingGain: 0.02 },
    };
    const viaWorker = silent(parameters);
    viaWorker.socialWorkers.fte = 1; // 10 contacts
    const viaCommittee = silent(parameters);
    viaCommittee.committee.staff = 0.5; // 10 contacts
    deliverServices(viaWorker);
    deliverServices(viaCommittee);
    expect(viaWorker.record.contacts[SOCIAL_WORKERS]).toBe(10);
    expect(viaCommittee.record.contacts[COMMUNITY]).toBe(10);
    expect(viaCommittee.record.contacts[SOCIAL_WORKERS]).toBe(0);
    const trustW = sum(viaWorker.residents.trust);
    const trustC = sum(viaCommittee.residents.trust);
    expect(trustC).toBeCloseTo(10 * 0.01, 5);
    expect(trustW).toBeCloseTo(10 * 0.01 * mediator, 5);
    expect(trustW / trustC).toBeCloseTo(mediator, 4);
    // belonging gains the same either way
    expect(sum(viaWorker.residents.belonging)).toBeCloseTo(sum(viaCommittee.residents.belonging), 5);
  });

  it('serve caps trust and belonging at 1 and needs at 0', () => {
    const w = silent({
      services: { needEffect: 1, trustGain: 1, belongingGain: 1, firstTrustGain: 1, firstBelongingGain: 1 },
      socialWorkers: { mediator: 5 },
    });
    serve(w, 3, SOCIAL_WORKERS, 0, 2, true);
    expect(w.residents.trust[3]).toBe(1);
    expect(w.residents.belonging[3]).toBe(1);
    for (let k = 0; k < 3; k++) expect(w.residents.needs[9 + k]).toBe(0);
    expect(w.residents.served[3]).toBe(1 << SOCIAL_WORKERS);
    serve(w, 3, COMMUNITY, 1, 1, false);
    expect(w.residents.served[3]).toBe((1 << SOCIAL_WORKERS) | (1 << COMMUNITY));
    expect(w.counters.served).toBe(1);
    expect(w.record.contacts[SOCIAL_WORKERS]).toBe(1);
    expect(w.record.contacts[COMMUNITY]).toBe(1);
  });

  it('charity aid pays whole packages and never makes the fund negative', () => {
    for (const [fund, aidShare, aidSize] of [
      [1000, 1, 300],
      [299, 1, 300],
      [123456.7, 0.37, 1],
      [50, 1, 1],
      [1e6, 0.01, 300],
    ]) {
      const w = silent({ charity: { aidShare, aidSize } });
      w.charity.fund = fund;
      deliverServices(w);
      // whole packages, and at most one per ten residents a week
      const packages = Math.min(Math.floor((fund * aidShare) / aidSize), Math.ceil(w.residents.count / 10));
      expect(w.record.contacts[CHARITY]).toBe(packages);
      expect(w.charity.fund).toBeCloseTo(fund - packages * aidSize, 6);
      expect(w.charity.fund).toBeGreaterThanOrEqual(0);
    }
  });

  it('organisations serve their members and volunteers visit their neighbours', () => {
    const w = silent({ volunteers: { visitsPerWeek: 2 } });
    const o = foundOrganisation(w, 500, 0, ORGANIZATIONS, 12);
    for (let i = 501; i < 510; i++) joinOrganisation(w, i, o);
    w.organizations.activity[o] = 1;
    becomeVolunteer(w, 100);
    deliverServices(w);
    // the organiser (also a volunteer) makes 2 visits, resident 100 makes 2
    expect(w.record.contacts[VOLUNTEERS]).toBe(4);
    const { offsets, neighbours } = w.network;
    const near = new Set([
      ...neighbours.subarray(offsets[100], offsets[101]),
      ...neighbours.subarray(offsets[500], offsets[501]),
    ]);
    for (let i = 0; i < 1000; i++) {
      if (w.residents.served[i] & (1 << VOLUNTEERS)) expect(near.has(i)).toBe(true);
      if (w.residents.served[i] & (1 << ORGANIZATIONS)) expect(w.residents.org[i]).toBe(o);
    }
    // each member is served with chance activity / 2
    expect(w.record.contacts[ORGANIZATIONS]).toBeGreaterThan(0);
    expect(w.record.contacts[ORGANIZATIONS]).toBeLessThanOrEqual(10);
    expectConsistent(w);
  });
});
