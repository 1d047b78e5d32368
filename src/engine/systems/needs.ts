import type { World } from '../state.ts';

/**
 * Needs drift back toward each resident's baseline (shocks fade, help wears off), and the means
 * used by the projects system and the series are refreshed. One pass over residents.
 */
export function driftNeeds(world: World): void {
  const res = world.residents;
  const rate = world.params.population.needRecovery;
  const needs = res.needs;
  const base = res.needBaseline;
  let p = 0;
  let m = 0;
  let s = 0;
  for (let x = 0; x < needs.length; x += 3) {
    needs[x] += rate * (base[x] - needs[x]);
    needs[x + 1] += rate * (base[x + 1] - needs[x + 1]);
    needs[x + 2] += rate * (base[x + 2] - needs[x + 2]);
    p += needs[x];
    m += needs[x + 1];
    s += needs[x + 2];
  }
  const n = Math.max(1, res.count);
  world.meanNeed[0] = p / n;
  world.meanNeed[1] = m / n;
  world.meanNeed[2] = s / n;
}
