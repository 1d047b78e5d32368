import type { World } from './state.ts';
import { measureStrength } from './strength.ts';
import { attrition } from './systems/attrition.ts';
import { committeeWork } from './systems/committee.ts';
import { cultivate } from './systems/cultivation.ts';
import { allocateEffort } from './systems/effort.ts';
import { collectFunds } from './systems/funds.ts';
import { applyInterventions } from './systems/interventions.ts';
import { driftNeeds } from './systems/needs.ts';
import { runProjects } from './systems/projects.ts';
import { deliverServices } from './systems/services.ts';
import { socialWork } from './systems/socialWork.ts';

/**
 * One week, its systems in a fixed order (docs/ODD.md, "Process overview and scheduling").
 * Events recorded during the week carry its number, 1-based.
 */
export function step(world: World): void {
  const week = world.tick;
  applyInterventions(world, week);
  if (week === 0) world.residents.needReference.set(world.residents.needs);
  world.tick = week + 1;
  measureStrength(world, world.ref, world.strength);
  committeeWork(world);
  collectFunds(world);
  socialWork(world);
  allocateEffort(world);
  cultivate(world);
  runProjects(world);
  deliverServices(world);
  attrition(world);
  driftNeeds(world);
}
