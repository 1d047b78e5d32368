import { CHARITY, ORGANIZATIONS } from '../model/elements.ts';
import type { Scenario } from '../model/scenario.ts';
import { sumNeeds } from './needState.ts';
import { smallWorld } from './network.ts';
import {
  addDonor,
  becomeCore,
  becomeVolunteer,
  drawGift,
  foundOrganisation,
  joinOrganisation,
} from './ops.ts';
import { capableResidentOf, drawResident, nearBuilding, residentOfBuilding } from './people.ts';
import { createStreams, type Random, randomInt } from './random.ts';
import {
  createDonors,
  createOrganisations,
  createPipeline,
  createProjects,
  createRecorder,
  createResidents,
  createSocialWorkers,
  emptyCounters,
  switches,
  VOLUNTEER,
  type World,
} from './state.ts';
import { measureStrength, strengthReference, strengthUnits } from './strength.ts';
import { joinTeam, refreshTeam } from './team.ts';

export interface WorldOptions {
  /** Keep the individual event log. */
  events?: boolean;
  /** Most events kept (flows are always counted in full). */
  eventLimit?: number;
}

/**
 * Builds the community at week 0 from a scenario: the network, the residents, and each element set
 * so that its measured strength equals the scenario's `initial` value (docs/ODD.md, "Initialisation").
 */
export function createWorld(scenario: Scenario, options: WorldOptions = {}): World {
  const p = scenario.parameters;
  const n = scenario.residents;
  const random = createStreams(scenario.seed);
  const ref = strengthReference(n, p);
  const buildingSize = Math.min(p.network.buildingSize, n);
  const world: World = {
    scenario,
    params: p,
    tick: 0,
    buildingSize,
    buildings: Math.ceil(n / buildingSize),
    network: smallWorld(n, p.network.degree, p.network.longTieShare, random.network),
    random,
    residents: createResidents(n),
    organizations: createOrganisations(Math.max(16, Math.ceil(ref.organizations * 2))),
    donors: createDonors(Math.max(16, Math.ceil(ref.donors * 2))),
    projects: createProjects(Math.max(16, Math.ceil((n / 10000) * 40))),
    committee: { staff: 0, links: 0 },
    socialWorkers: createSocialWorkers(),
    pipeline: createPipeline(16),
    on: switches(scenario.knockouts ?? []),
    charity: { fund: 0, externalPerWeek: 0, externalWeeksLeft: 0 },
    incentive: false,
    targets: new Int32Array(0),
    outreach: new Int32Array(3),
    counters: emptyCounters(),
    ref,
    units: strengthUnits(ref),
    strength: new Float64Array(5),
    effort: new Float64Array(32),
    meanNeed: new Float64Array(3),
    needSum: new Float64Array(3),
    needDrifts: 0,
    needBaselineSum: new Float64Array(3),
    needDecay: new Float64Array(scenario.ticks + 2),
    record: createRecorder(options.events ?? false, options.eventLimit ?? 2_000_000),
  };
  populate(world, random.population);
  // the three rounds of outreach start at random buildings
  for (let k = 0; k < 3; k++) world.outreach[k] = randomInt(random.services, world.buildings);
  const s = scenario.initial;
  seedOrganisations(world, s.organizations, random.population);
  seedVolunteers(world, s.volunteers, random.population);
  world.committee.staff = s.community * ref.staff;
  world.committee.links = Math.round(s.community * ref.links);
  // the starting social workers are stationed under a contract already under way (its end staggered over a term)
  joinTeam(world.socialWorkers.stationed, s.socialWorkers * ref.socialWorkers, s.socialWorkers);
  if (world.socialWorkers.stationed.fte > 0)
    world.socialWorkers.contractLeft = 1 + randomInt(random.socialWork, p.socialWorkers.contractWeeks);
  refreshTeam(world.socialWorkers);
  const donors = Math.round(s.charity * ref.donors);
  for (let k = 0; k < donors; k++)
    addDonor(world, drawGift(world, p.charity.giftMean, random.population), CHARITY);
  world.charity.fund = s.charity * ref.fund;
  measureStrength(world, ref, world.strength);
  sumNeeds(world);
  return world;
}

function populate(world: World, random: Random): void {
  for (let i = 0; i < world.residents.count; i++) drawResident(world, i, random);
}

function seedOrganisations(world: World, s: number, random: Random): void {
  const op = world.params.organizations;
  const count = Math.round(s * world.ref.organizations);
  const members = Math.round(s * world.ref.members);
  // a leader who already belongs to an organisation is passed over and another building tried
  for (let tries = 0; world.counters.organizations < count && tries < count * 20; tries++) {
    const home = randomInt(random, world.buildings);
    const leader = capableResidentOf(world, home, random, op.leaderDraws);
    if (world.residents.org[leader] >= 0) continue;
    const o = foundOrganisation(world, leader, randomInt(random, 4), ORGANIZATIONS, home);
    world.organizations.founded[o] = -randomInt(random, op.initialAgeWeeks);
  }
  const orgs = world.organizations;
  if (orgs.used === 0) return;
  let tries = 0;
  while (world.counters.members < members && tries < members * 20) {
    tries++;
    const o = randomInt(random, orgs.used);
    // members come from the organisation's own building and `memberReach` either side of it
    const b = nearBuilding(world, orgs.home[o], op.memberReach, random);
    joinOrganisation(world, residentOfBuilding(world, b, random), o);
  }
}

function seedVolunteers(world: World, s: number, random: Random): void {
  const res = world.residents;
  const vp = world.params.volunteers;
  const volunteers = Math.round(s * world.ref.volunteers);
  const cores = Math.round(s * world.ref.cores);
  let tries = 0;
  while (world.counters.volunteers < volunteers && tries < res.count * 4) {
    tries++;
    const i = randomInt(random, res.count);
    if (random() < res.willingness[i] && becomeVolunteer(world, i))
      res.since[i] = -randomInt(random, vp.initialTenureWeeks);
  }
  tries = 0;
  while (world.counters.cores < cores && tries < res.count * 4) {
    tries++;
    const i = randomInt(random, res.count);
    if (res.role[i] === VOLUNTEER && random() < vp.initialCoreBase + res.talent[i]) becomeCore(world, i);
  }
}
