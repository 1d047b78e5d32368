import { PROCESS_INDEX } from '../mechanisms.ts';
import { schedule } from '../ops.ts';
import { drawCount } from '../random.ts';
import { PIPELINE_VACANCY, type World } from '../state.ts';

/**
 * The committee as an organisation (docs/ODD.md, "The committee"): staff leave at
 * `community.staffTurnover` a week and their posts stay empty for `community.vacancyWeeks`; partner
 * links lapse at `community.linkLapse` a week unless they are in joint work (each running project
 * keeps `community.linksPerProject` links busy).
 */
export function committeeWork(world: World): void {
  const random = world.random.committee;
  const c = world.committee;
  const cp = world.params.community;
  if (world.on[PROCESS_INDEX['committee-turnover']] && c.staff >= 1) {
    const leavers = Math.min(Math.floor(c.staff), drawCount(random, c.staff * cp.staffTurnover));
    for (let k = 0; k < leavers; k++) {
      c.staff -= 1;
      schedule(world, PIPELINE_VACANCY, 0, world.tick + cp.vacancyWeeks);
    }
  }
  if (world.on[PROCESS_INDEX['partner-link-lapse']] && c.links > 0) {
    const busy = Math.min(c.links, cp.linksPerProject * world.counters.projectsRunning);
    const lapses = Math.min(c.links - busy, drawCount(random, (c.links - busy) * cp.linkLapse));
    c.links -= lapses;
  }
}
