import { CHARITY, COMMUNITY, SOCIAL_WORKERS, VOLUNTEERS } from '../../model/elements.ts';
import { MECHANISM_INDEX as MI, PROCESS_INDEX } from '../mechanisms.ts';
import { recordLink, schedule } from '../ops.ts';
import { drawCount } from '../random.ts';
import { newLocalOrganisation } from '../recruit.ts';
import { PIPELINE_INCUBATION, PIPELINE_TRAINING, PIPELINE_VACANCY, type World } from '../state.ts';
import { intensity, skillFactor } from '../support.ts';
import { joinTeam, leaveTeam, refreshTeam } from '../team.ts';

/**
 * The social-worker element as it comes and goes (docs/ODD.md, "Social workers"): the stationed
 * agency workers' purchase-of-service contract runs down and at its end is renewed (by the
 * committee's government purchase), taken over by local money (the community fund, when it holds
 * a reserve of their cost: `local-takeover`), or the workers leave; workers
 * the fund pays are paid week by week and leave when it cannot pay; the fund buys more time when it
 * holds a reserve; social workers train committee staff and core volunteers into local
 * para-professionals (本土社工), who start after `trainingWeeks` and leave at `paraTurnover`.
 * Skill belongs to the people present (src/engine/team.ts). Also completes what is due in the
 * pipeline (incubations, trainings, refilled committee posts).
 */
export function socialWork(world: World): void {
  const sw = world.socialWorkers;
  const p = world.params.socialWorkers;
  const on = world.on;
  const u = world.units;
  const cost = p.costPerWeek;

  // the stationed workers' contract
  if (sw.stationed.fte > 0 && on[PROCESS_INDEX['contract-end']]) {
    sw.contractLeft--;
    if (sw.contractLeft <= 0) {
      const fte = sw.stationed.fte;
      // the renewal draws from its own stream, also when knocked out (random.ts, Streams.channels)
      const renew = world.random.channels[MI['committee-renews-contract']]();
      if (on[MI['committee-renews-contract']] && renew < p.renewalChance) {
        sw.contractLeft = p.contractWeeks;
        recordLink(world, MI['committee-renews-contract'], COMMUNITY, SOCIAL_WORKERS, 0, -1, -1);
      } else if (on[MI['local-takeover']] && world.charity.fund >= fte * cost * p.buyReserveWeeks) {
        // local money takes the team over: the community fund pays them week by week from now on
        joinTeam(sw.funded, fte, sw.stationed.skill);
        leaveTeam(sw.stationed, fte);
        recordLink(world, MI['local-takeover'], CHARITY, SOCIAL_WORKERS, 0, -1, -1);
      } else {
        leaveTeam(sw.stationed, fte);
      }
      if (sw.stationed.fte === 0) sw.contractLeft = 0;
    }
  }

  // workers the fund pays: paid this week, or as many as it can pay stay
  if (sw.funded.fte > 0) {
    const bill = sw.funded.fte * cost;
    if (world.charity.fund >= bill) world.charity.fund -= bill;
    else {
      const affordable = cost > 0 ? world.charity.fund / cost : sw.funded.fte;
      leaveTeam(sw.funded, sw.funded.fte - affordable);
      world.charity.fund -= affordable * cost;
      if (world.charity.fund < 0) world.charity.fund = 0;
    }
  }
  // the fund buys another worker's time while it holds a reserve and social workers are below full strength
  if (
    on[MI['fund-buys-social-work']] &&
    sw.fte + 1 <= world.ref.socialWorkers &&
    world.charity.fund >= (sw.funded.fte + 1) * cost * p.buyReserveWeeks
  ) {
    joinTeam(sw.funded, 1, p.hireSkill);
    recordLink(world, MI['fund-buys-social-work'], CHARITY, SOCIAL_WORKERS, u.socialWorker, -1, -1);
  }

  // training local para-professionals from committee staff and core volunteers
  if (on[MI['social-worker-trains-para-professional']] && sw.fte > 0) {
    const random = world.random.channels[MI['social-worker-trains-para-professional']];
    const pending = countPending(world, PIPELINE_TRAINING);
    const candidates = world.committee.staff + world.counters.cores;
    // trainees come from committee staff and core volunteers not yet trained, and only while the
    // social workers (with those already in training) are below full strength
    const untrained = candidates - sw.local.fte / Math.max(1e-9, p.paraFte) - pending;
    const room = (world.ref.socialWorkers - sw.fte) / Math.max(1e-9, p.paraFte) - pending;
    const places = Math.max(0, Math.floor(Math.min(untrained, room)));
    const start = Math.min(
      places,
      drawCount(
        random,
        p.trainingRate *
          intensity(world, p.trainingShare) *
          (world.residents.count / 10000) *
          skillFactor(world),
      ),
    );
    const lag = on[PROCESS_INDEX['incubation-lag']] ? p.trainingWeeks : 0;
    for (let k = 0; k < start; k++) {
      const from = random() * candidates < world.committee.staff ? COMMUNITY : VOLUNTEERS;
      schedule(world, PIPELINE_TRAINING, from, world.tick + lag);
    }
  }

  completeDue(world);

  // para-professionals step down; everyone learns from practice
  if (on[PROCESS_INDEX['para-professional-turnover']]) leaveTeam(sw.local, sw.local.fte * p.paraTurnover);
  if (on[PROCESS_INDEX['skill-learning']]) {
    for (const team of [sw.stationed, sw.funded, sw.local])
      if (team.fte > 0) team.skill += p.learning * (1 - team.skill);
  }
  refreshTeam(sw);
}

function countPending(world: World, kind: number): number {
  const q = world.pipeline;
  let n = 0;
  for (let k = 0; k < q.count; k++) if (q.kind[k] === kind) n++;
  return n;
}

/** Everything in the pipeline due by this week takes effect; the queue is compacted in place. */
function completeDue(world: World): void {
  const sw = world.socialWorkers;
  const p = world.params.socialWorkers;
  let k = 0;
  while (k < world.pipeline.count) {
    const q = world.pipeline;
    if (q.due[k] > world.tick) {
      k++;
      continue;
    }
    const kind = q.kind[k];
    const by = q.by[k];
    // remove item k by moving the last one into its place (order does not matter)
    q.count--;
    q.due[k] = q.due[q.count];
    q.kind[k] = q.kind[q.count];
    q.by[k] = q.by[q.count];
    if (kind === PIPELINE_INCUBATION) {
      const m = MI['social-worker-incubates-organization'];
      newLocalOrganisation(world, by, m, world.random.channels[m]);
    } else if (kind === PIPELINE_TRAINING) {
      joinTeam(sw.local, p.paraFte, p.paraSkill);
      recordLink(
        world,
        MI['social-worker-trains-para-professional'],
        SOCIAL_WORKERS,
        SOCIAL_WORKERS,
        p.paraFte * world.units.socialWorker,
        -1,
        by,
      );
    } else if (kind === PIPELINE_VACANCY) {
      world.committee.staff += 1;
    }
  }
}
