import type { World } from '../state.ts';

/**
 * Needs drift back toward each resident's baseline by `needRecovery` of the gap every week (shocks
 * fade, help wears off). The drift is linear, so it is applied lazily: a resident's needs are brought
 * up to date (`settleNeeds`) only when something reads or changes them, and the population sums move
 * by the same rule in O(1). This keeps a week O(agents touched) instead of a pass over all needs.
 */
export function driftNeeds(world: World): void {
  const rate = world.params.population.needRecovery;
  const n = Math.max(1, world.residents.count);
  world.needDrifts++;
  for (let k = 0; k < 3; k++) {
    world.needSum[k] += rate * (world.needBaselineSum[k] - world.needSum[k]);
    world.meanNeed[k] = world.needSum[k] / n;
  }
}

/** Kept for readers outside the engine that settle needs (src/analysis/survey.ts). */
export { settleNeeds } from '../needState.ts';
