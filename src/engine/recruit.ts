import { ORGANIZATIONS, VOLUNTEERS } from '../model/elements.ts';
import { PROCESS_INDEX } from './mechanisms.ts';
import { becomeVolunteer, foundOrganisation, joinOrganisation, recordLink } from './ops.ts';
import { capableResidentOf, nearBuilding, residentOfBuilding } from './people.ts';
import { type Random, randomInt } from './random.ts';
import { ORGANISER, VOLUNTEER, type World } from './state.ts';

/** Recruiting residents into organisations and volunteering: helpers shared by the systems. */

const POOL = PROCESS_INDEX['member-pool-limit'];

/**
 * Room left in the finite pool of residents willing to join an organisation: 1 − members ÷
 * (`population.joinableShare` × residents), so organisations compete for the same people.
 */
export function memberPoolRoom(world: World): number {
  if (!world.on[POOL]) return 1;
  const room = 1 - world.counters.members / (world.params.population.joinableShare * world.residents.count);
  return Math.max(0, room);
}

/**
 * Room for new organisations: 1 − organisations ÷ the number that means full strength
 * (`strength.organizationsPer10k`). Founding channels fill the count of organisations and joining
 * channels their membership, so each channel is limited by the room of the component it adds to.
 */
export function foundingRoom(world: World): number {
  return Math.max(0, 1 - world.counters.organizations / world.ref.organizations);
}

/** A new organisation draws its first members from the founder's neighbours. Returns how many joined. */
export function recruitFoundingMembers(world: World, o: number, founder: number, random: Random): number {
  const want = world.params.organizations.foundingSize - 1;
  const { offsets, neighbours } = world.network;
  const room = memberPoolRoom(world);
  let joined = 0;
  for (let x = offsets[founder]; x < offsets[founder + 1] && joined < want; x++) {
    const j = neighbours[x];
    if (random() < world.residents.willingness[j] * room && joinOrganisation(world, j, o)) joined++;
  }
  return joined;
}

/**
 * Members recruited from an organisation's home building and `organizations.memberReach` either side:
 * each resident asked joins with chance (`nearHomeBase` + willingness) × the member pool's room.
 * Returns how many joined.
 */
export function recruitMembersNearHome(world: World, o: number, want: number, random: Random): number {
  let joined = 0;
  const room = memberPoolRoom(world);
  const op = world.params.organizations;
  for (let tries = 0; tries < want * 4 && joined < want; tries++) {
    const b = nearBuilding(world, world.organizations.home[o], op.memberReach, random);
    const j = residentOfBuilding(world, b, random);
    if (random() < (op.nearHomeBase + world.residents.willingness[j]) * room && joinOrganisation(world, j, o))
      joined++;
  }
  return joined;
}

/** A local organisation founded around a capable resident of a random building, its founding members with it. */
export function newLocalOrganisation(world: World, by: number, mechanism: number, random: Random): void {
  const home = randomInt(random, world.buildings);
  const leader = capableResidentOf(world, home, random, world.params.organizations.leaderDraws);
  const role = world.residents.role[leader];
  if (role === ORGANISER) return;
  const o = foundOrganisation(world, leader, randomInt(random, 4), by, home);
  const joined = recruitFoundingMembers(world, o, leader, random);
  const u = world.units;
  const value = u.organization + (joined + 1) * u.member + (role < VOLUNTEER ? u.volunteer : 0);
  recordLink(world, mechanism, by, ORGANIZATIONS, value, -1, o);
}

/**
 * Residents asked in person: willing ones say yes with `volunteers.askedFactor` times their
 * willingness (domain: 71% of those asked volunteer vs 29%), times `lift` (the committee's contacts).
 */
export function askResidents(
  world: World,
  count: number,
  by: number,
  mechanism: number,
  random: Random,
  lift = 1,
): void {
  const res = world.residents;
  const factor = world.params.volunteers.askedFactor * lift;
  for (let k = 0; k < count; k++) {
    const i = randomInt(random, res.count);
    if (
      res.role[i] < VOLUNTEER &&
      random() < Math.min(1, res.willingness[i] * factor) &&
      becomeVolunteer(world, i)
    ) {
      recordLink(world, mechanism, by, VOLUNTEERS, world.units.volunteer, -1, i);
    }
  }
}
