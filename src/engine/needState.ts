import type { World } from './state.ts';

/**
 * Residents' needs as the systems read and change them (lazily drifted: see systems/needs.ts).
 * Shared by every system that serves residents or changes their needs.
 */

/** Brings resident i's needs up to the current week. */
export function settleNeeds(world: World, i: number): void {
  const res = world.residents;
  const weeks = world.needDrifts - res.needWeek[i];
  if (weeks <= 0) return;
  const f = world.needDecay[Math.min(weeks, world.needDecay.length - 1)];
  const x = 3 * i;
  const needs = res.needs;
  const base = res.needBaseline;
  needs[x] = base[x] + (needs[x] - base[x]) * f;
  needs[x + 1] = base[x + 1] + (needs[x + 1] - base[x + 1]) * f;
  needs[x + 2] = base[x + 2] + (needs[x + 2] - base[x + 2]) * f;
  res.needWeek[i] = world.needDrifts;
}

/** Sets need k of resident i (already settled) to `value`, keeping the sums exact. */
export function setNeed(world: World, i: number, k: number, value: number): void {
  const x = 3 * i + k;
  world.needSum[k] += value - world.residents.needs[x];
  world.residents.needs[x] = value;
}

/**
 * Resident i's need k as of the current week, without settling it: for readers such as the run
 * summary, which must not change the state (settling rounds to float32, so an extra settle would
 * change later weeks). Equal to what `settleNeeds` would store.
 */
export function currentNeed(world: World, i: number, k: number): number {
  const res = world.residents;
  const x = 3 * i + k;
  const weeks = world.needDrifts - res.needWeek[i];
  if (weeks <= 0) return res.needs[x];
  const f = world.needDecay[Math.min(weeks, world.needDecay.length - 1)];
  return Math.fround(res.needBaseline[x] + (res.needs[x] - res.needBaseline[x]) * f);
}

/** Brings every resident up to date (before reading all needs, e.g. for outcomes). */
export function settleAllNeeds(world: World): void {
  for (let i = 0; i < world.residents.count; i++) settleNeeds(world, i);
}

/** Recomputes the sums from the residents (at initialisation). */
export function sumNeeds(world: World): void {
  const res = world.residents;
  world.needSum.fill(0);
  world.needBaselineSum.fill(0);
  for (let i = 0; i < res.count; i++) {
    for (let k = 0; k < 3; k++) {
      world.needSum[k] += res.needs[3 * i + k];
      world.needBaselineSum[k] += res.needBaseline[3 * i + k];
    }
  }
  const rate = world.params.population.needRecovery;
  const n = Math.max(1, res.count);
  for (let k = 0; k < 3; k++) world.meanNeed[k] = world.needSum[k] / n;
  for (let w = 0; w < world.needDecay.length; w++) world.needDecay[w] = (1 - rate) ** w;
}
