import { CHARITY, COMMUNITY, ORGANIZATIONS, SOCIAL_WORKERS, VOLUNTEERS } from '../../model/elements.ts';
import { clamp } from '../math.ts';
import { PROCESS_INDEX } from '../mechanisms.ts';
import { settleNeeds } from '../needState.ts';
import { residentOfBuilding } from '../people.ts';
import { drawCount, type Random, randomInt } from '../random.ts';
import { serve, targetResident } from '../serve.ts';
import { NEED_MATERIAL, NEED_PSYCHOLOGICAL, NEED_SOCIAL, VOLUNTEER, type World } from '../state.ts';
import { committeeFreeShare, skillFactor } from '../support.ts';

/**
 * Services from each element to residents, capacity-limited (docs/ODD.md, "Services"). A contact
 * lowers one need (and the others by `services.otherNeedShare` as much), and raises belonging and
 * trust; help through a social worker raises trust by the mediator factor (domain: the mediator effect).
 */
export function deliverServices(world: World): void {
  const random = world.random.services;
  socialWorkerCasework(world, random);
  socialWorkerGroupwork(world, random);
  committeeVisits(world, random);
  charityAid(world, random);
  organizationsAndVolunteers(world, random);
}

/** Rounds of outreach: social workers' casework, committee visits, charity aid. */
export const CASEWORK_ROUND = 0;
export const COMMITTEE_ROUND = 1;
export const AID_ROUND = 2;

/**
 * The neediest of a few residents met on a visit to the next building of a round of outreach, by
 * need `need` (−1: total need). Each provider walks the estate building by building, week after week,
 * so every building is visited in turn; walking in order is also what keeps outreach cache-friendly
 * at a million residents.
 */
function findNeedy(world: World, random: Random, need: number, draws: number, round: number): number {
  const res = world.residents;
  const building = world.outreach[round];
  world.outreach[round] = building + 1 < world.buildings ? building + 1 : 0;
  const start = building * world.buildingSize;
  const size = Math.min(world.buildingSize, res.count - start);
  let best = start;
  let bestNeed = -1;
  for (let d = 0; d < draws; d++) {
    const i = start + randomInt(random, size);
    settleNeeds(world, i);
    const x = 3 * i;
    const v = need < 0 ? res.needs[x] + res.needs[x + 1] + res.needs[x + 2] : res.needs[x + need];
    if (v > bestNeed) {
      bestNeed = v;
      best = i;
    }
  }
  return best;
}

function socialWorkerCasework(world: World, random: Random): void {
  const sw = world.params.socialWorkers;
  const hours = world.socialWorkers.fte * sw.hoursPerWorker * sw.caseworkShare;
  // at most one casework contact per resident a week: staff beyond that have no one left to see
  const contacts = Math.min(drawCount(random, hours / sw.hoursPerCase), world.residents.count);
  const skill = skillFactor(world);
  const focus = world.targets.length > 0 ? sw.targetFocus : 0;
  for (let c = 0; c < contacts; c++) {
    const i =
      random() < focus
        ? targetResident(world, random)
        : findNeedy(world, random, -1, sw.caseworkDraws, CASEWORK_ROUND);
    serve(world, i, SOCIAL_WORKERS, NEED_PSYCHOLOGICAL, skill, true);
  }
}

/** Group sessions with an organisation's members (or a building's residents when there are none). */
function socialWorkerGroupwork(world: World, random: Random): void {
  const sw = world.params.socialWorkers;
  const hours = world.socialWorkers.fte * sw.hoursPerWorker * sw.groupworkShare;
  // group sessions reach at most every resident once a week
  const sessions = Math.min(
    drawCount(random, hours / sw.hoursPerSession),
    Math.ceil(world.residents.count / sw.groupSize),
  );
  const lift = world.params.organizations.sessionActivityLift;
  const orgs = world.organizations;
  const skill = skillFactor(world);
  for (let g = 0; g < sessions; g++) {
    const o = randomInt(random, Math.max(1, orgs.used));
    const building = orgs.used > 0 && orgs.alive[o] ? orgs.home[o] : randomInt(random, world.buildings);
    if (orgs.used > 0 && orgs.alive[o]) orgs.activity[o] = clamp(orgs.activity[o] + lift);
    for (let m = 0; m < sw.groupSize; m++) {
      serve(
        world,
        residentOfBuilding(world, building, random),
        SOCIAL_WORKERS,
        NEED_SOCIAL,
        world.params.services.memberStrength * skill,
        true,
      );
    }
  }
}

function committeeVisits(world: World, random: Random): void {
  const cp = world.params.community;
  const hours = world.committee.staff * cp.hoursPerStaff * committeeFreeShare(world) * cp.serviceShare;
  const contacts = Math.min(drawCount(random, hours / cp.hoursPerVisit), world.residents.count);
  const focus = world.targets.length > 0 ? cp.targetFocus : 0;
  for (let c = 0; c < contacts; c++) {
    const need = c % 2 === 0 ? NEED_MATERIAL : NEED_SOCIAL;
    const i =
      random() < focus
        ? targetResident(world, random)
        : findNeedy(world, random, need, cp.visitDraws, COMMITTEE_ROUND);
    serve(world, i, COMMUNITY, need, world.params.services.committeeStrength, false);
  }
}

const DELIVERY = PROCESS_INDEX['actors-deliver-aid'];

/**
 * Material aid paid from the charity fund; never spends more than the fund holds. Charity is a
 * resource, not an actor: an actor carries its aid to residents (process `actors-deliver-aid`),
 * so with that linkage knocked out the fund pays no aid (docs/ODD.md, "Services").
 */
function charityAid(world: World, random: Random): void {
  if (!world.on[DELIVERY]) return;
  const cp = world.params.charity;
  // at most one package a week per `residentsPerPackage` residents, so a week's work stays proportional to the community
  const packages = Math.min(
    Math.floor((world.charity.fund * cp.aidShare) / cp.aidSize),
    Math.ceil(world.residents.count / cp.residentsPerPackage),
  );
  const focus = world.targets.length > 0 ? cp.targetFocus : 0;
  for (let a = 0; a < packages; a++) {
    world.charity.fund -= cp.aidSize;
    const i =
      random() < focus
        ? targetResident(world, random)
        : findNeedy(world, random, NEED_MATERIAL, cp.aidDraws, AID_ROUND);
    serve(world, i, CHARITY, NEED_MATERIAL, world.params.services.aidStrength, false);
  }
}

/** Organisations' activities for their members, and volunteers' visits to their neighbours: one pass. */
function organizationsAndVolunteers(world: World, random: Random): void {
  const res = world.residents;
  const activity = world.organizations.activity;
  const { offsets, neighbours } = world.network;
  const visits = world.params.volunteers.visitsPerWeek;
  const { memberStrength, volunteerStrength } = world.params.services;
  const takeUp = world.params.organizations.activityTakeUp;
  for (let i = 0; i < res.count; i++) {
    const o = res.org[i];
    if (o >= 0 && random() < activity[o] * takeUp)
      serve(world, i, ORGANIZATIONS, NEED_SOCIAL, memberStrength, false);
    if (res.role[i] >= VOLUNTEER) {
      const n = offsets[i + 1] - offsets[i];
      const count = drawCount(random, visits);
      for (let v = 0; v < count && n > 0; v++) {
        const j = neighbours[offsets[i] + randomInt(random, n)];
        serve(world, j, VOLUNTEERS, v % 2 === 0 ? NEED_PSYCHOLOGICAL : NEED_SOCIAL, volunteerStrength, false);
      }
    }
  }
}
