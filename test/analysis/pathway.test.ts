import { describe, expect, it } from 'vitest';
import { pathwayFromWeeks } from '../../src/analysis/pathway.ts';

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
