import { CHARITY, COMMUNITY, ORGANIZATIONS } from '../../model/elements.ts';
import { MECHANISM_INDEX as MI } from '../mechanisms.ts';
import { localGiving, recordLink } from '../ops.ts';
import { PROJECT_FREE, PROJECT_RUNNING, type World } from '../state.ts';
import { endProject } from './projects.ts';

const TAKEOVER = MI['local-takeover'];

/**
 * Outside funding has ended (docs/ODD.md, "Funds"): every project that depended on it (it took money
 * from the fund while the grant was being paid, `projects.grant`) has lost its funder. Through
 * `local-takeover` it continues when local money can cover what its budget still needs for its
 * remaining weeks — the fund sets aside what it holds, up to that need, and the rest must be within
 * what local donors give over those weeks (less what projects taken over before it this week were
 * promised); the project then draws that rest from the fund week by week, as every project does —
 * or else when the committee buys it on (chance `projects.committeeTakeover` × the committee's
 * strength; the money comes from outside the fund). Otherwise, or with `local-takeover` knocked
 * out, it ends now and what it holds goes back to the fund. Drawn by need: a project taken over
 * takes what it needs, never a share of the fund. The event carries the yuan put in at once (what
 * the fund sets aside, or the committee's purchase); a contract taken over carries none (its pay
 * follows week by week).
 *
 * `nextWeek` is the first week in which the projects will spend again (this week when called from
 * the funds system, next week when called from an intervention). Runs only in the week funding ends:
 * O(projects + donors), nothing allocated.
 */
export function grantEnds(world: World, nextWeek: number): void {
  const pr = world.projects;
  const p = world.params.projects;
  const on = world.on[TAKEOVER] === 1;
  const giving = on ? localGiving(world) : 0;
  // yuan a week of local giving promised to projects already taken over this week
  let promised = 0;
  for (let k = 0; k < pr.used; k++) {
    if (pr.phase[k] === PROJECT_FREE || pr.grant[k] === 0) continue;
    pr.grant[k] = 0;
    const running = pr.phase[k] === PROJECT_RUNNING;
    const spend = pr.budget[k] / p.runWeeks;
    const weeks = running ? Math.max(0, pr.end[k] - nextWeek + 1) : p.runWeeks;
    const need = Math.max(0, running ? spend * weeks - pr.raised[k] : pr.budget[k] - pr.raised[k]);
    if (on) {
      const carrier = pr.org[k] >= 0 ? ORGANIZATIONS : pr.leaderElement[k];
      const fromFund = Math.min(need, world.charity.fund);
      const rest = need - fromFund;
      if (rest <= 0 || rest <= (giving - promised) * weeks) {
        world.charity.fund -= fromFund;
        pr.raised[k] += fromFund;
        pr.drawn[k] += fromFund;
        if (weeks > 0) promised += rest / weeks;
        recordLink(world, TAKEOVER, CHARITY, carrier, 0, pr.leader[k], k, fromFund);
        continue;
      }
      if (world.random.funds() < p.committeeTakeover * world.strength[COMMUNITY]) {
        pr.raised[k] += need;
        recordLink(world, TAKEOVER, COMMUNITY, carrier, 0, pr.leader[k], k, need);
        continue;
      }
    }
    endProject(world, k);
  }
}
