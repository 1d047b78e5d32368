import { describe, expect, it } from 'vitest';
import { MECHANISMS, PROCESS_INDEX } from '../../../src/engine/mechanisms.ts';
import type { World } from '../../../src/engine/state.ts';
import {
  allocateEffort,
  CATALYSED,
  COMMITTEE_CHANNELS,
  catalyst,
  SOCIAL_WORKER_DIRECT,
} from '../../../src/engine/systems/effort.ts';
import { CHARITY, ORGANIZATIONS, VOLUNTEERS } from '../../../src/model/elements.ts';
import { makeWorld } from '../helpers.ts';

const SW_CHANNELS = [...CATALYSED, ...SOCIAL_WORKER_DIRECT];

/** A world of 10,000 residents with 4 social workers, 6 committee staff and the given strengths. */
function allocate(strategy: string, strength: number[], sharpness?: number): World {
  const w = makeWorld({
    residents: 10000,
    strategy,
    parameters: {
      socialWorkers: { caseworkShare: 0.4, groupworkShare: 0.3, designShare: 0, trainingShare: 0 },
      community: { serviceShare: 0.5, adminShare: 0 },
      ...(sharpness === undefined ? {} : { strategy: { sharpness } }),
    },
  });
  w.socialWorkers.fte = 4;
  w.socialWorkers.skill = 0.6;
  w.committee.staff = 6;
  w.strength.set(strength);
  allocateEffort(w);
  return w;
}

const total = (w: World, channels: number[]) => channels.reduce((a, m) => a + w.effort[m], 0);
const into = (w: World, target: number, channels = [...SW_CHANNELS, ...COMMITTEE_CHANNELS]) =>
  total(
    w,
    channels.filter((m) => MECHANISMS[m].target === target),
  );

// FTE per 10,000 residents: 4 × (1 − 0.4 − 0.3) organising, 6 × (1 − 0.5) linking
const SW_EFFORT = 1.2;
const LINKING = 3;

describe('effort allocation (the strategy of the base)', () => {
  it.each([
    ['strengths-first', [0.5, 0.9, 0.5, 0.3, 0.1]],
    ['weakest-first', [0.5, 0.9, 0.5, 0.3, 0.1]],
    ['balanced', [0.5, 0.9, 0.5, 0.3, 0.1]],
    ['strengths-first', [0.2, 0.1, 0.7, 0.8, 0.35]],
    ['weakest-first', [0.2, 0.1, 0.7, 0.8, 0.35]],
  ])('%s spends all of the organising and linking time (strengths %j)', (strategy, s) => {
    const w = allocate(strategy, s);
    expect(total(w, SW_CHANNELS)).toBeCloseTo(SW_EFFORT, 9);
    expect(total(w, COMMITTEE_CHANNELS)).toBeCloseTo(LINKING, 9);
    for (const e of w.effort) expect(e).toBeGreaterThanOrEqual(0);
    // only the channels the base works on get effort
    const worked = new Set([...SW_CHANNELS, ...COMMITTEE_CHANNELS]);
    w.effort.forEach((e, m) => {
      if (!worked.has(m)) expect(e).toBe(0);
    });
  });

  it.each([
    [ORGANIZATIONS, [0.5, 0.9, 0.5, 0.3, 0.1]],
    [VOLUNTEERS, [0.5, 0.2, 0.5, 0.8, 0.1]],
    [CHARITY, [0.5, 0.3, 0.5, 0.2, 0.75]],
  ])('strengths-first catalyses the channels out of the strongest carrier (%i)', (strongest, s) => {
    const w = allocate('strengths-first', s);
    const fromStrongest = CATALYSED.filter((m) => MECHANISMS[m].source === strongest);
    const others = CATALYSED.filter((m) => MECHANISMS[m].source !== strongest);
    expect(fromStrongest.length).toBe(2);
    const least = Math.min(...fromStrongest.map((m) => w.effort[m]));
    for (const m of others) expect(w.effort[m]).toBeLessThan(least);
    // more than three-quarters of the organising time goes there
    expect(total(w, fromStrongest)).toBeGreaterThan(0.75 * SW_EFFORT);
    // social workers do no direct building under strengths-first
    for (const m of SOCIAL_WORKER_DIRECT) expect(w.effort[m]).toBe(0);
    // the committee backs the strongest carrier
    const committee = COMMITTEE_CHANNELS.map((m) => w.effort[m]);
    const top = COMMITTEE_CHANNELS[committee.indexOf(Math.max(...committee))];
    expect(MECHANISMS[top].target).toBe(strongest);
  });

  it.each([
    [CHARITY, [0.5, 0.9, 0.5, 0.3, 0.1]],
    [ORGANIZATIONS, [0.5, 0.05, 0.5, 0.6, 0.5]],
    [VOLUNTEERS, [0.5, 0.6, 0.5, 0.1, 0.7]],
  ])('weakest-first puts the most effort on the channels into the weakest carrier (%i)', (weakest, s) => {
    const w = allocate('weakest-first', s);
    const sw = SW_CHANNELS.map((m) => w.effort[m]);
    const top = SW_CHANNELS[sw.indexOf(Math.max(...sw))];
    expect(MECHANISMS[top].target).toBe(weakest);
    for (const t of [ORGANIZATIONS, VOLUNTEERS, CHARITY]) {
      if (t !== weakest) expect(into(w, weakest)).toBeGreaterThan(into(w, t));
    }
    // the social workers build the weakest element directly
    const direct = SOCIAL_WORKER_DIRECT.find((m) => MECHANISMS[m].target === weakest)!;
    expect(w.effort[direct]).toBe(Math.max(...SOCIAL_WORKER_DIRECT.map((m) => w.effort[m])));
    const committee = COMMITTEE_CHANNELS.map((m) => w.effort[m]);
    expect(MECHANISMS[COMMITTEE_CHANNELS[committee.indexOf(Math.max(...committee))]].target).toBe(weakest);
  });

  it('balanced spreads effort equally whatever the strengths', () => {
    for (const s of [
      [0.5, 0.9, 0.5, 0.3, 0.1],
      [0, 0, 0, 0, 0],
      [1, 1, 1, 1, 1],
    ]) {
      const w = allocate('balanced', s);
      for (const m of SW_CHANNELS) expect(w.effort[m]).toBeCloseTo(SW_EFFORT / SW_CHANNELS.length, 12);
      for (const m of COMMITTEE_CHANNELS) expect(w.effort[m]).toBeCloseTo(LINKING / 3, 12);
    }
  });

  it('strategy.sharpness sets how strongly a strategy concentrates: 0 spreads it evenly, more concentrates it', () => {
    const s = [0.5, 0.9, 0.5, 0.3, 0.1];
    const flat = allocate('strengths-first', s, 0);
    for (const m of CATALYSED) expect(flat.effort[m]).toBeCloseTo(SW_EFFORT / CATALYSED.length, 12);
    for (const m of COMMITTEE_CHANNELS) expect(flat.effort[m]).toBeCloseTo(LINKING / 3, 12);
    const fromOrganizations = CATALYSED.filter((m) => MECHANISMS[m].source === ORGANIZATIONS);
    const shares = [1, 2, 4].map((k) => total(allocate('strengths-first', s, k), fromOrganizations));
    expect(shares[0]).toBeLessThan(shares[1]);
    expect(shares[1]).toBeLessThan(shares[2]);
    // the default is the exponent 2 the strategies were described with
    expect(total(allocate('strengths-first', s), fromOrganizations)).toBe(shares[1]);
  });

  it('no social workers, no organising effort', () => {
    const w = makeWorld({ residents: 10000 });
    w.strength.set([0.5, 0.9, 0.5, 0.3, 0.1]);
    allocateEffort(w);
    expect(total(w, SW_CHANNELS)).toBe(0);
    expect(total(w, COMMITTEE_CHANNELS)).toBe(0);
  });

  it('support multiplies a channel by unaided + catalysis · x/(x + half), x = effort × (0.5 + 0.5 skill)', () => {
    const w = allocate('balanced', [0.5, 0.5, 0.5, 0.5, 0.5]);
    const m = CATALYSED[0];
    const { catalysis, catalysisHalf, unaided } = w.params.socialWorkers;
    const x = (SW_EFFORT / 9) * (0.5 + 0.5 * 0.6);
    expect(catalyst(w, m)).toBeCloseTo(unaided + (catalysis * x) / (x + catalysisHalf), 12);
    // more effort helps less and less, never beyond unaided + catalysis
    w.effort[m] = 1000;
    expect(catalyst(w, m)).toBeLessThan(unaided + catalysis);
    expect(catalyst(w, m)).toBeGreaterThan(unaided + 0.99 * catalysis);
    // no effort: the channel runs unaided
    w.effort.fill(0);
    expect(catalyst(w, m)).toBe(unaided);
  });

  it('knocking out social-worker support leaves every channel unaided, whatever the effort', () => {
    const w = allocate('balanced', [0.5, 0.5, 0.5, 0.5, 0.5]);
    w.on[PROCESS_INDEX['social-worker-support']] = 0;
    for (const m of CATALYSED) expect(catalyst(w, m)).toBe(w.params.socialWorkers.unaided);
  });
});
