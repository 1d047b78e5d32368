import { clamp } from './math.ts';
import { type Random, randomInt, unitWithMean } from './random.ts';
import type { World } from './state.ts';

/** Residents as drawn and met: shared by initialisation, the systems and resident turnover. */

/** A value spread evenly within `spread` of `mean`, kept in [0, 1]. */
function around(mean: number, spread: number, u: number): number {
  return clamp(mean + spread * (2 * u - 1));
}

/**
 * Draws resident i's own attributes (talent, willingness, baseline needs, belonging, trust) from the
 * population parameters. Needs are set to the baseline; the caller keeps the need sums.
 */
export function drawResident(world: World, i: number, random: Random): void {
  const p = world.params.population;
  const res = world.residents;
  const lo = p.capableTalentMin;
  res.talent[i] = random() < p.capableShare ? lo + (1 - lo) * random() : p.ordinaryTalentMax * random();
  res.willingness[i] = unitWithMean(random, p.willingnessMean);
  for (let k = 0; k < 3; k++) {
    const need = unitWithMean(random, p.needMean);
    res.needBaseline[3 * i + k] = need;
    res.needs[3 * i + k] = need;
  }
  res.belonging[i] = around(p.belongingMean, p.attitudeSpread, random());
  res.trust[i] = around(p.trustMean, p.attitudeSpread, random());
}

/** A random resident of building `b` (buildings are contiguous ranges of resident ids). */
export function residentOfBuilding(world: World, b: number, random: Random): number {
  const start = b * world.buildingSize;
  const end = Math.min(world.residents.count, start + world.buildingSize);
  return start + randomInt(random, end - start);
}

/** A random building within `reach` buildings either side of `b` (kept inside the estate). */
export function nearBuilding(world: World, b: number, reach: number, random: Random): number {
  return Math.min(world.buildings - 1, Math.max(0, b + randomInt(random, 2 * reach + 1) - reach));
}

/** The most talented of `draws` residents drawn from building `b`: a capable person (能人) if there is one. */
export function capableResidentOf(world: World, b: number, random: Random, draws: number): number {
  let best = residentOfBuilding(world, b, random);
  for (let k = 1; k < draws; k++) {
    const i = residentOfBuilding(world, b, random);
    if (world.residents.talent[i] > world.residents.talent[best]) best = i;
  }
  return best;
}
