import { NEEDS } from '../../model/elements.ts';
import { clamp } from '../math.ts';
import { setNeed, settleNeeds } from '../needState.ts';
import type { World } from '../state.ts';
import { joinTeam, refreshTeam, withdrawWorkers } from '../team.ts';
import { grantEnds } from './takeover.ts';

/**
 * Applies the scenario's interventions scheduled for week `week` (an intervention at tick t happens
 * after t weeks have run, before week t + 1; tick 0 is the start).
 */
function targetList(flags: Uint8Array): Int32Array {
  let n = 0;
  for (let i = 0; i < flags.length; i++) n += flags[i];
  const list = new Int32Array(n);
  for (let i = 0, k = 0; i < flags.length; i++) if (flags[i]) list[k++] = i;
  return list;
}

export function applyInterventions(world: World, week: number): void {
  for (const iv of world.scenario.interventions) {
    if (iv.tick !== week) continue;
    switch (iv.type) {
      case 'shock': {
        const random = world.random.interventions;
        const res = world.residents;
        const kinds = iv.need === 'all' ? [0, 1, 2] : [NEEDS.indexOf(iv.need)];
        for (let i = 0; i < res.count; i++) {
          if (iv.share < 1 && random() >= iv.share) continue;
          settleNeeds(world, i);
          for (const k of kinds) setNeed(world, i, k, clamp(res.needs[3 * i + k] + iv.size));
          if (iv.targets) res.target[i] = 1;
        }
        if (iv.targets) world.targets = targetList(res.target);
        for (let k = 0; k < 3; k++) world.meanNeed[k] = world.needSum[k] / Math.max(1, res.count);
        break;
      }
      case 'grant': {
        // a new grant adds to what is still being paid: spread both over the longer remaining span
        const c = world.charity;
        const remaining = c.externalPerWeek * c.externalWeeksLeft + iv.amount;
        c.externalWeeksLeft = Math.max(c.externalWeeksLeft, iv.weeks);
        c.externalPerWeek = remaining / c.externalWeeksLeft;
        break;
      }
      case 'hire': {
        // agency workers stationed under a purchase-of-service contract of `weeks` (a new contract
        // for the whole stationed team when it runs longer than what is left)
        const sw = world.socialWorkers;
        joinTeam(sw.stationed, iv.socialWorkers, world.params.socialWorkers.hireSkill);
        sw.contractLeft = Math.max(sw.contractLeft, iv.weeks ?? world.params.socialWorkers.contractWeeks);
        refreshTeam(sw);
        break;
      }
      case 'withdraw':
        withdrawWorkers(world.socialWorkers, iv.socialWorkers);
        break;
      case 'incentive':
        world.incentive = iv.on;
        break;
      case 'funding-end': {
        const paying = world.charity.externalWeeksLeft > 0;
        world.charity.externalPerWeek = 0;
        world.charity.externalWeeksLeft = 0;
        // the projects that depended on it lose their funder before next week's spending
        if (paying) grantEnds(world, week + 1);
        break;
      }
    }
  }
}
