import { PROCESS_INDEX } from './mechanisms.ts';
import type { World } from './state.ts';

/**
 * Social workers' professional support of other channels (社工发挥专业支撑作用, docs/ODD.md,
 * "Social workers as the engine"). A supported channel runs at
 *
 *   unaided + catalysis · x / (x + catalysisHalf),  x = skilled effort on it (FTE per 10,000 residents)
 *
 * times its own rate: `unaided` of it with no social workers, rising with their effort and
 * saturating (more effort on one channel helps less and less). Knocking out `social-worker-support`
 * leaves every supported channel unaided.
 */
const SUPPORT = PROCESS_INDEX['social-worker-support'];

/** What one FTE achieves given the team's skill: unskilledEffect + (1 − unskilledEffect) · skill. */
export function skillFactor(world: World): number {
  const u = world.params.socialWorkers.unskilledEffect;
  return u + (1 - u) * world.socialWorkers.skill;
}

/** The multiplier on a channel receiving `effort` FTE per 10,000 residents of social workers' time. */
export function support(world: World, effort: number): number {
  const sw = world.params.socialWorkers;
  if (!world.on[SUPPORT]) return sw.unaided;
  const x = effort * skillFactor(world);
  return sw.unaided + (x > 0 ? (sw.catalysis * x) / (x + sw.catalysisHalf) : 0);
}

/** The support multiplier of a carrier channel from the organising effort the strategy gave it. */
export function catalyst(world: World, mechanism: number): number {
  return support(world, world.effort[mechanism]);
}

/** Social workers' weekly time on a share of their hours, in FTE per 10,000 residents. */
export function intensity(world: World, share: number): number {
  return (world.socialWorkers.fte * share) / (world.residents.count / 10000);
}

/** Skilled group-work time in FTE per 10,000 residents: it lifts organisations' activity. */
export function groupworkIntensity(world: World): number {
  return intensity(world, world.params.socialWorkers.groupworkShare) * world.socialWorkers.skill;
}

const ADMIN = PROCESS_INDEX['administrative-burden'];

/** Share of the committee's hours left after administrative work (`community.adminShare`). */
export function committeeFreeShare(world: World): number {
  return world.on[ADMIN] ? 1 - world.params.community.adminShare : 1;
}
