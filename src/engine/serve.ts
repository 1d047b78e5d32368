import { setNeed, settleNeeds } from './needState.ts';
import { markServed } from './ops.ts';
import type { Random } from './random.ts';
import { randomInt } from './random.ts';
import type { World } from './state.ts';

/**
 * A service contact and the target group: shared by the services and the projects that serve
 * residents. `serve` is the hottest function of a week, so its bounds are written with Math.min/max
 * rather than through a call.
 */

/** Applies one service contact from `element` to resident `i`, aimed at need `need`. */
export function serve(
  world: World,
  i: number,
  element: number,
  need: number,
  strength: number,
  mediated: boolean,
): void {
  const res = world.residents;
  const sp = world.params.services;
  const effect = sp.needEffect * strength;
  const other = effect * sp.otherNeedShare;
  settleNeeds(world, i);
  for (let k = 0; k < 3; k++) {
    const before = res.needs[3 * i + k];
    const v = before - (k === need ? effect : other);
    const after = Math.max(0, v);
    setNeed(world, i, k, after);
    res.helped[3 * i + k] += before - after;
  }
  // being reached by an element for the first time ties the resident to it; later contacts add little
  const first = (res.served[i] & (1 << element)) === 0;
  const b = res.belonging[i] + (first ? sp.firstBelongingGain : sp.belongingGain);
  res.belonging[i] = Math.min(1, b);
  const t =
    res.trust[i] +
    (first ? sp.firstTrustGain : sp.trustGain) * (mediated ? world.params.socialWorkers.mediator : 1);
  res.trust[i] = Math.min(1, t);
  markServed(world, i, element);
}

/** A random member of the programme's target group (outreach works through its list). */
export function targetResident(world: World, random: Random): number {
  return world.targets[randomInt(random, world.targets.length)];
}
