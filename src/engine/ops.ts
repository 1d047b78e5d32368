import type { Random } from './random.ts';
import {
  CORE,
  createDonors,
  createOrganisations,
  enlarge,
  grow,
  ORGANISER,
  PARTICIPANT,
  RESIDENT,
  VOLUNTEER,
  type World,
} from './state.ts';

/**
 * The only functions that change roles, memberships and pools. Each keeps the counters and the
 * neighbour counts true, so that no system has to recount anything.
 */

/**
 * Records that `source` developed `target` by `value` strength units through mechanism `mechanism`,
 * putting in `amount` yuan of its own money (a grant, a project's draw on the fund; 0 when the
 * source moved no money). An event that moves money is counted by its amount (`funded`, `moved`),
 * any other event with a positive value by mechanism (`produced`): analysis/pathway.ts puts both on
 * one scale.
 */
export function recordLink(
  world: World,
  mechanism: number,
  source: number,
  target: number,
  value: number,
  actor: number,
  subject: number,
  amount = 0,
): void {
  const r = world.record;
  const k = (mechanism * 5 + source) * 5 + target;
  r.flowCount[k] += 1;
  r.flowStrength[k] += value;
  if (source !== target) {
    if (amount > 0) {
      r.funded[source]++;
      r.moved[source] += amount;
    } else if (value > 0) r.produced[mechanism * 5 + source]++;
  }
  if (!r.keepEvents) return;
  if (r.eventCount >= r.eventLimit) {
    r.eventsDropped++;
    return;
  }
  if (r.eventCount >= r.evTick.length) {
    const n = Math.min(r.eventLimit, r.evTick.length * 2);
    r.evTick = grow(r.evTick, n);
    r.evMechanism = grow(r.evMechanism, n);
    r.evSource = grow(r.evSource, n);
    r.evTarget = grow(r.evTarget, n);
    r.evActor = grow(r.evActor, n);
    r.evSubject = grow(r.evSubject, n);
    r.evValue = grow(r.evValue, n);
    r.evAmount = grow(r.evAmount, n);
  }
  const e = r.eventCount++;
  r.evTick[e] = world.tick;
  r.evMechanism[e] = mechanism;
  r.evSource[e] = source;
  r.evTarget[e] = target;
  r.evActor[e] = actor;
  r.evSubject[e] = subject;
  r.evValue[e] = value;
  r.evAmount[e] = amount;
}

/**
 * Records that `amount` yuan an element put in through recorded events came back to it unused (a
 * project that failed returns its draws to the fund): the record keeps the money put in net.
 */
export function recordReturn(world: World, source: number, amount: number): void {
  if (amount > 0) world.record.moved[source] -= amount;
}

function addToNeighbours(world: World, i: number, counts: Uint8Array, delta: number): void {
  const { offsets, neighbours } = world.network;
  for (let x = offsets[i]; x < offsets[i + 1]; x++) counts[neighbours[x]] += delta;
}

/** A resident or participant starts volunteering. */
export function becomeVolunteer(world: World, i: number): boolean {
  const res = world.residents;
  if (res.role[i] >= VOLUNTEER) return false;
  res.role[i] = VOLUNTEER;
  res.since[i] = world.tick;
  world.counters.volunteers++;
  addToNeighbours(world, i, res.volunteerNeighbours, 1);
  return true;
}

export function becomeCore(world: World, i: number): boolean {
  const res = world.residents;
  if (res.role[i] !== VOLUNTEER) return false;
  res.role[i] = CORE;
  res.since[i] = world.tick;
  world.counters.cores++;
  return true;
}

/** A volunteer or core volunteer stops; an organiser does not lapse while leading. */
export function lapse(world: World, i: number): void {
  const res = world.residents;
  const role = res.role[i];
  if (role !== VOLUNTEER && role !== CORE) return;
  if (role === CORE) world.counters.cores--;
  world.counters.volunteers--;
  res.role[i] = res.org[i] >= 0 ? PARTICIPANT : RESIDENT;
  res.since[i] = world.tick;
  addToNeighbours(world, i, res.volunteerNeighbours, -1);
  const p = res.project[i];
  if (p >= 0) res.project[i] = -1;
}

export function joinOrganisation(world: World, i: number, o: number): boolean {
  const res = world.residents;
  if (res.org[i] >= 0 || !world.organizations.alive[o]) return false;
  res.org[i] = o;
  world.organizations.members[o]++;
  world.counters.members++;
  if (res.role[i] === RESIDENT) {
    res.role[i] = PARTICIPANT;
    res.since[i] = world.tick;
  }
  addToNeighbours(world, i, res.memberNeighbours, 1);
  return true;
}

export function leaveOrganisation(world: World, i: number): void {
  const res = world.residents;
  const o = res.org[i];
  if (o < 0) return;
  res.org[i] = -1;
  world.organizations.members[o]--;
  world.counters.members--;
  if (res.role[i] === PARTICIPANT) res.role[i] = RESIDENT;
  else if (res.role[i] === ORGANISER) {
    res.role[i] = CORE;
    world.counters.organisers--;
  }
  addToNeighbours(world, i, res.memberNeighbours, -1);
}

/**
 * Founds an organisation. A resident leader becomes its organiser (an organiser counts as a core
 * volunteer); `leader` −1 is an outside professional organisation with no resident leader.
 */
export function foundOrganisation(
  world: World,
  leader: number,
  kind: number,
  foundedBy: number,
  home: number,
): number {
  let orgs = world.organizations;
  if (orgs.used === orgs.capacity) orgs = world.organizations = enlarge(orgs, createOrganisations);
  const o = orgs.used++;
  orgs.alive[o] = 1;
  orgs.kind[o] = kind;
  orgs.leader[o] = leader;
  orgs.members[o] = 0;
  orgs.activity[o] = world.params.organizations.startActivity;
  orgs.founded[o] = world.tick;
  orgs.funds[o] = 0;
  orgs.home[o] = home;
  orgs.foundedBy[o] = foundedBy;
  world.counters.organizations++;
  if (world.tick >= 1) world.counters.organizationsFounded++;
  if (leader >= 0) {
    const res = world.residents;
    if (res.org[leader] >= 0) leaveOrganisation(world, leader);
    if (res.role[leader] < VOLUNTEER) becomeVolunteer(world, leader);
    if (res.role[leader] === VOLUNTEER) becomeCore(world, leader);
    joinOrganisation(world, leader, o);
    res.role[leader] = ORGANISER;
    res.since[leader] = world.tick;
    world.counters.organisers++;
  }
  return o;
}

/** Marks an organisation closed; its members are released by `releaseClosedMembers`. */
export function closeOrganisation(world: World, o: number): void {
  if (!world.organizations.alive[o]) return;
  world.organizations.alive[o] = 0;
  world.counters.organizations--;
}

/** One pass over residents releasing the members of organisations closed this week. */
export function releaseClosedMembers(world: World): void {
  const res = world.residents;
  const alive = world.organizations.alive;
  for (let i = 0; i < res.count; i++) {
    const o = res.org[i];
    if (o >= 0 && !alive[o]) leaveOrganisation(world, i);
  }
}

/** A new donor's weekly gift: `mean` × a draw spread evenly within `charity.giftSpread` of 1. */
export function drawGift(world: World, mean: number, random: Random): number {
  const spread = world.params.charity.giftSpread;
  return mean * (1 - spread + 2 * spread * random());
}

/** Yuan a week the community's active donors give (the fund's local income). */
export function localGiving(world: World): number {
  const d = world.donors;
  let giving = 0;
  for (let k = 0; k < d.used; k++) if (d.alive[k]) giving += d.gift[k];
  return giving;
}

export function addDonor(world: World, gift: number, recruitedBy: number): number {
  let d = world.donors;
  if (d.used === d.capacity) d = world.donors = enlarge(d, createDonors);
  const k = d.used++;
  d.alive[k] = 1;
  d.gift[k] = gift;
  d.recruitedBy[k] = recruitedBy;
  world.counters.donors++;
  return k;
}

export function dropDonor(world: World, k: number): void {
  if (!world.donors.alive[k]) return;
  world.donors.alive[k] = 0;
  world.counters.donors--;
}

/** Records a service contact from `element` to resident `i`. */
export function markServed(world: World, i: number, element: number): void {
  if (world.residents.served[i] === 0) world.counters.served++;
  world.residents.served[i] |= 1 << element;
  world.record.contacts[element] += 1;
}

/** Schedules something that takes effect in week `due` (an incubation, a training, a post refilled). */
export function schedule(world: World, kind: number, by: number, due: number): void {
  let q = world.pipeline;
  if (q.count === q.due.length) {
    const n = Math.max(16, q.due.length * 2);
    q = world.pipeline = { count: q.count, due: grow(q.due, n), kind: grow(q.kind, n), by: grow(q.by, n) };
  }
  q.due[q.count] = due;
  q.kind[q.count] = kind;
  q.by[q.count] = by;
  q.count++;
}

/** A core volunteer steps back to ordinary volunteering (burnout); organisers keep leading. */
export function stepBack(world: World, i: number): void {
  const res = world.residents;
  if (res.role[i] !== CORE) return;
  res.role[i] = VOLUNTEER;
  res.since[i] = world.tick;
  world.counters.cores--;
}

/** Forgets who served resident i (a newcomer has been served by no one). */
export function markUnserved(world: World, i: number): void {
  if (world.residents.served[i] !== 0) world.counters.served--;
  world.residents.served[i] = 0;
}
