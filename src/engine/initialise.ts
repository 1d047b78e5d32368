import { CHARITY, ORGANIZATIONS } from '../model/elements.ts';
import type { Scenario } from '../model/scenario.ts';
import { smallWorld } from './network.ts';
import { addDonor, becomeCore, becomeVolunteer, foundOrganization, joinOrganization } from './ops.ts';
import { createStreams, type Random, randomInt, unitWithMean } from './random.ts';
import {
  createDonors,
  createOrganizations,
  createProjects,
  createRecorder,
  createResidents,
  emptyCounters,
  VOLUNTEER,
  type World,
} from './state.ts';
import { measureStrength, strengthReference, strengthUnits } from './strength.ts';
import { sumNeeds } from './systems/needs.ts';

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
    organizations: createOrganizations(Math.max(16, Math.ceil(ref.organizations * 2))),
    donors: createDonors(Math.max(16, Math.ceil(ref.donors * 2))),
    projects: createProjects(Math.max(16, Math.ceil((n / 10000) * 40))),
    committee: { staff: 0, links: 0 },
    socialWorkers: { fte: 0, skill: 0 },
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
  seedOrganizations(world, s.organizations, random.population);
  seedVolunteers(world, s.volunteers, random.population);
  world.committee.staff = s.community * ref.staff;
  world.committee.links = Math.round(s.community * ref.links);
  world.socialWorkers.fte = s.socialWorkers * ref.socialWorkers;
  world.socialWorkers.skill = s.socialWorkers;
  const donors = Math.round(s.charity * ref.donors);
  for (let k = 0; k < donors; k++) addDonor(world, p.charity.giftMean * (0.5 + random.population()), CHARITY);
  world.charity.fund = s.charity * ref.fund;
  measureStrength(world, ref, world.strength);
  sumNeeds(world);
  return world;
}

/** A value spread evenly within `spread` of `mean`, kept in [0, 1]. */
function around(mean: number, spread: number, u: number): number {
  const v = mean + spread * (2 * u - 1);
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

function populate(world: World, random: Random): void {
  const p = world.params.population;
  const res = world.residents;
  for (let i = 0; i < res.count; i++) {
    res.talent[i] = random() < p.capableShare ? 0.7 + 0.3 * random() : 0.6 * random();
    res.willingness[i] = unitWithMean(random, p.willingnessMean);
    for (let k = 0; k < 3; k++) {
      const need = unitWithMean(random, p.needMean);
      res.needBaseline[3 * i + k] = need;
      res.needs[3 * i + k] = need;
    }
    res.belonging[i] = around(p.belongingMean, p.attitudeSpread, random());
    res.trust[i] = around(p.trustMean, p.attitudeSpread, random());
  }
}

/** A random resident of building `b` (buildings are contiguous ranges of resident ids). */
export function residentOfBuilding(world: World, b: number, random: Random): number {
  const start = b * world.buildingSize;
  const end = Math.min(world.residents.count, start + world.buildingSize);
  return start + randomInt(random, end - start);
}

/** The most talented of a few residents drawn from building `b`: a capable person (能人) if there is one. */
export function capableResidentOf(world: World, b: number, random: Random, draws = 4): number {
  let best = residentOfBuilding(world, b, random);
  for (let k = 1; k < draws; k++) {
    const i = residentOfBuilding(world, b, random);
    if (world.residents.talent[i] > world.residents.talent[best]) best = i;
  }
  return best;
}

function seedOrganizations(world: World, s: number, random: Random): void {
  const count = Math.round(s * world.ref.organizations);
  const members = Math.round(s * world.ref.members);
  // a leader who already belongs to an organisation is passed over and another building tried
  for (let tries = 0; world.counters.organizations < count && tries < count * 20; tries++) {
    const home = randomInt(random, world.buildings);
    const leader = capableResidentOf(world, home, random);
    if (world.residents.org[leader] >= 0) continue;
    const o = foundOrganization(world, leader, randomInt(random, 4), ORGANIZATIONS, home);
    world.organizations.founded[o] = -randomInt(random, 520);
  }
  const orgs = world.organizations;
  if (orgs.used === 0) return;
  let tries = 0;
  while (world.counters.members < members && tries < members * 20) {
    tries++;
    const o = randomInt(random, orgs.used);
    // members come from the organisation's own building and the two next to it
    const b = Math.min(world.buildings - 1, Math.max(0, orgs.home[o] + randomInt(random, 3) - 1));
    joinOrganization(world, residentOfBuilding(world, b, random), o);
  }
}

function seedVolunteers(world: World, s: number, random: Random): void {
  const res = world.residents;
  const volunteers = Math.round(s * world.ref.volunteers);
  const cores = Math.round(s * world.ref.cores);
  let tries = 0;
  while (world.counters.volunteers < volunteers && tries < res.count * 4) {
    tries++;
    const i = randomInt(random, res.count);
    if (random() < res.willingness[i] && becomeVolunteer(world, i)) res.since[i] = -randomInt(random, 104);
  }
  tries = 0;
  while (world.counters.cores < cores && tries < res.count * 4) {
    tries++;
    const i = randomInt(random, res.count);
    if (res.role[i] === VOLUNTEER && random() < 0.2 + res.talent[i]) becomeCore(world, i);
  }
}
