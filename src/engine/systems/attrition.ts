import { weeklyHazard } from '../math.ts';
import { PROCESS_INDEX } from '../mechanisms.ts';
import { setNeed, settleNeeds } from '../needState.ts';
import {
  closeOrganisation,
  dropDonor,
  lapse,
  leaveOrganisation,
  markUnserved,
  releaseClosedMembers,
  stepBack,
} from '../ops.ts';
import { drawResident } from '../people.ts';
import { drawCount, type Random, randomInt } from '../random.ts';
import { CORE, ORGANISER, PROFESSIONAL, VOLUNTEER, type World } from '../state.ts';

/**
 * Attrition and limits (docs/ODD.md, "Attrition"): volunteers lapse (hazard peaking at 3, 6 and 12
 * months of tenure, lower for core volunteers and under an incentive scheme) and core volunteers
 * burn out; organisations close (more often when young, small, unfunded or inactive) and lose
 * leaders; donors stop giving; residents move out and newcomers move in.
 */
export function attrition(world: World): void {
  volunteerLapse(world);
  // one pass releases the members of every organisation closed this week
  const moved = residentTurnover(world, false);
  organizationClosure(world, moved);
  donorLapse(world);
}

const P = PROCESS_INDEX;

export function volunteerLapse(world: World): void {
  const random = world.random.lapse;
  const vp = world.params.volunteers;
  const res = world.residents;
  const base = world.on[P['volunteer-lapse']]
    ? vp.lapseHazard * (world.incentive ? 1 - vp.incentiveEffect : 1)
    : 0;
  const burnout = world.on[P['core-burnout']] ? vp.burnout : 0;
  const tick = world.tick;
  const { peak1, peak2, peak3 } = vp;
  for (let i = 0; i < res.count; i++) {
    const role = res.role[i];
    if (role !== VOLUNTEER && role !== CORE) continue;
    const tenure = tick - res.since[i];
    let h = role === CORE ? base * vp.coreLapseFactor : base;
    if (tenure === peak1 || tenure === peak2 || tenure === peak3) h *= vp.lapsePeak;
    if (res.project[i] >= 0) h *= vp.projectLapseFactor;
    const x = random();
    if (x < h) lapse(world, i);
    else if (role === CORE && x < h + burnout) stepBack(world, i);
  }
}

/**
 * Organisations close with the weekly equivalent of the yearly closure hazard, more often when young
 * and unfunded (under a year old), small (below `smallSize` members), unfunded or inactive; the
 * leader of a local (not professional) organisation steps down at `leaderExit` a week (an outside
 * professional organisation without funds withdraws at the same rate) and is replaced by a member
 * with chance `succession` × min(1, members/`fullActivityMembers`), or else the organisation closes;
 * the members of those that closed (and of `closedBefore` closed earlier in the week) are released.
 * Returns how many closed.
 */
export function organizationClosure(world: World, closedBefore = 0): number {
  const random = world.random.closure;
  const op = world.params.organizations;
  const orgs = world.organizations;
  const weekly = world.on[P['organization-closure']] ? weeklyHazard(op.closureHazard) : 0;
  const exit = world.on[P['leader-exit']] ? op.leaderExit : 0;
  let closed = 0;
  for (let o = 0; o < orgs.used; o++) {
    if (!orgs.alive[o]) continue;
    const funded = orgs.funds[o] > 0;
    let h = weekly;
    if (!funded && world.tick - orgs.founded[o] < 52) h *= op.youngFactor;
    if (orgs.members[o] < op.smallSize) h *= op.smallFactor;
    if (!funded) h *= op.unfundedFactor;
    if (orgs.activity[o] < op.activityFloor) h *= op.inactiveFactor;
    const x = random();
    if (x < h) {
      closeOrganisation(world, o);
      closed++;
    } else if (x < h + exit) {
      if (orgs.kind[o] !== PROFESSIONAL) {
        if (leaderLeaves(world, o, random)) closed++;
      } else if (!funded) {
        // an outside professional organisation whose money has run out withdraws
        closeOrganisation(world, o);
        closed++;
      }
    }
  }
  if (closed + closedBefore > 0) releaseClosedMembers(world);
  return closed;
}

/** The leader of organisation o steps down; returns true when no one takes over and it closes. */
function leaderLeaves(world: World, o: number, random: Random): boolean {
  const orgs = world.organizations;
  const op = world.params.organizations;
  const leader = orgs.leader[o];
  if (random() < op.succession * Math.min(1, orgs.members[o] / op.fullActivityMembers)) {
    // a member takes over; the old leader stays on as a core member (the successor is not tracked)
    orgs.leader[o] = -1;
    if (leader >= 0 && world.residents.role[leader] === ORGANISER) {
      world.residents.role[leader] = CORE;
      world.counters.organisers--;
    }
    return false;
  }
  closeOrganisation(world, o);
  return true;
}

/**
 * Residents move out at `population.turnover` a year; a newcomer with fresh attributes takes each
 * place (no role, no organisation, never served). An organiser moving out is a leader leaving.
 * Returns how many organisations closed (their members are released unless `release` is false,
 * when the caller releases them with the week's other closures).
 */
export function residentTurnover(world: World, release = true): number {
  if (!world.on[P['resident-turnover']]) return 0;
  const random = world.random.turnover;
  const res = world.residents;
  const movers = drawCount(random, res.count * weeklyHazard(world.params.population.turnover));
  let closed = 0;
  for (let m = 0; m < movers; m++) {
    const i = randomInt(random, res.count);
    const o = res.org[i];
    if (res.role[i] === ORGANISER && o >= 0 && world.organizations.leader[o] === i) {
      // who succeeds is the closure stream's draw, so the movers' draws do not depend on who leads
      if (leaderLeaves(world, o, world.random.closure)) closed++;
    }
    if (res.org[i] >= 0) leaveOrganisation(world, i);
    if (res.role[i] >= VOLUNTEER) lapse(world, i);
    moveIn(world, i, random);
  }
  if (release && closed > 0) releaseClosedMembers(world);
  return closed;
}

const SCRATCH = new Float64Array(3);

/** Resident i's place is taken by a newcomer: new attributes and needs, no history. */
function moveIn(world: World, i: number, random: Random): void {
  const res = world.residents;
  settleNeeds(world, i);
  const x = 3 * i;
  const before = SCRATCH;
  for (let k = 0; k < 3; k++) before[k] = res.needs[x + k];
  for (let k = 0; k < 3; k++) world.needBaselineSum[k] -= res.needBaseline[x + k];
  drawResident(world, i, random);
  for (let k = 0; k < 3; k++) {
    const v = res.needs[x + k];
    res.needs[x + k] = before[k];
    setNeed(world, i, k, v);
    world.needBaselineSum[k] += res.needBaseline[x + k];
    res.needReference[x + k] = v;
    res.helped[x + k] = 0;
  }
  res.since[i] = world.tick;
  markUnserved(world, i);
}

export function donorLapse(world: World): void {
  if (!world.on[P['donor-lapse']]) return;
  const random = world.random.donorLapse;
  const d = world.donors;
  const h = world.params.charity.donorLapse;
  for (let k = 0; k < d.used; k++) if (d.alive[k] && random() < h) dropDonor(world, k);
}
