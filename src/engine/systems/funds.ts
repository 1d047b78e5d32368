import { localGiving } from '../ops.ts';
import type { World } from '../state.ts';
import { grantEnds } from './takeover.ts';

/**
 * Weekly inflow to the charity fund: donors' gifts and external funding still being paid in. In the
 * week its last payment comes in, the projects that depended on it lose their funder (takeover.ts).
 */
export function collectFunds(world: World): void {
  let inflow = localGiving(world);
  if (world.charity.externalWeeksLeft > 0) {
    inflow += world.charity.externalPerWeek;
    world.charity.externalWeeksLeft--;
    if (world.charity.externalWeeksLeft === 0) {
      world.charity.externalPerWeek = 0;
      world.charity.fund += inflow;
      grantEnds(world, world.tick);
      return;
    }
  }
  world.charity.fund += inflow;
}
