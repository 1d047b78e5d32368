import { describe, expect, it } from 'vitest';
import { addDonor, dropDonor } from '../../../src/engine/ops.ts';
import { collectFunds } from '../../../src/engine/systems/funds.ts';
import { deliverServices } from '../../../src/engine/systems/services.ts';
import { CHARITY, COMMUNITY, SOCIAL_WORKERS, VOLUNTEERS } from '../../../src/model/elements.ts';
import { makeWorld } from '../helpers.ts';

describe('funds', () => {
  it('the gifts of the donors still giving flow into the fund every week', () => {
    const w = makeWorld({ residents: 500 });
    expect(w.charity.fund).toBe(0);
    const gifts = [10, 20.5, 30, 200, 7];
    const ids = gifts.map((g, k) =>
      addDonor(w, g, [CHARITY, COMMUNITY, SOCIAL_WORKERS, VOLUNTEERS, CHARITY][k]),
    );
    collectFunds(w);
    expect(w.charity.fund).toBeCloseTo(267.5, 9);
    dropDonor(w, ids[3]);
    collectFunds(w);
    expect(w.charity.fund).toBeCloseTo(267.5 + 67.5, 9);
    // dropping twice changes nothing
    dropDonor(w, ids[3]);
    expect(w.counters.donors).toBe(4);
  });

  it('external funding is paid for its weeks, then stops', () => {
    const w = makeWorld({ residents: 500 });
    w.charity.externalPerWeek = 250;
    w.charity.externalWeeksLeft = 3;
    const paid: number[] = [];
    for (let week = 0; week < 5; week++) {
      const before = w.charity.fund;
      collectFunds(w);
      paid.push(w.charity.fund - before);
    }
    expect(paid).toEqual([250, 250, 250, 0, 0]);
    expect(w.charity.externalPerWeek).toBe(0);
    expect(w.charity.externalWeeksLeft).toBe(0);
  });

  it('aid never makes the fund negative, week after week', () => {
    for (const aidShare of [0.01, 0.3, 0.999, 1]) {
      for (const aidSize of [1, 17, 300, 5000]) {
        const w = makeWorld({ residents: 300, parameters: { charity: { aidShare, aidSize } } });
        w.charity.fund = 10007.3;
        addDonor(w, 13.7, CHARITY);
        let spent = 0;
        for (let week = 1; week <= 20; week++) {
          w.tick = week;
          collectFunds(w);
          const before = w.charity.fund;
          deliverServices(w);
          spent += before - w.charity.fund;
          expect(w.charity.fund).toBeGreaterThanOrEqual(0);
        }
        // what was spent went out as whole aid packages
        expect(spent).toBeCloseTo(w.record.contacts[CHARITY] * aidSize, 6);
      }
    }
  });
});
