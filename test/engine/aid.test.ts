import { describe, expect, it } from 'vitest';
import { LINKAGE_MECHANISMS } from '../../src/analysis/knockout.ts';
import { PROCESS_INDEX } from '../../src/engine/mechanisms.ts';
import { deliverServices } from '../../src/engine/systems/services.ts';
import { makeWorld } from './helpers.ts';

describe('charity aid reaches residents through an actor', () => {
  const spent = (on: boolean) => {
    const w = makeWorld({ residents: 2000 });
    w.charity.fund = 1_000_000;
    if (!on) w.on[PROCESS_INDEX['actors-deliver-aid']] = 0;
    deliverServices(w);
    return 1_000_000 - w.charity.fund;
  };

  it('pays aid from the fund when an actor carries it, and none when that delivery is knocked out', () => {
    expect(spent(true)).toBeGreaterThan(0);
    expect(spent(false)).toBe(0);
  });

  it('is part of "all linkage knocked out"', () => {
    expect(LINKAGE_MECHANISMS).toContain('actors-deliver-aid');
  });
});
