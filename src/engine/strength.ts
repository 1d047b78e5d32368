import { CHARITY, COMMUNITY, ORGANIZATIONS, SOCIAL_WORKERS, VOLUNTEERS } from '../model/elements.ts';
import type { Parameters } from '../model/parameters.ts';
import { clamp } from './math.ts';
import type { World } from './state.ts';

/**
 * The strength index (docs/ODD.md, "Strength"): for each element a weighted sum of components,
 * each component its quantity divided by the quantity that means full strength, capped at 1:
 *
 *   community      = w·min(1, staff/staffRef)       + (1 − w)·min(1, partner links/linksRef)
 *   organizations  = w·min(1, organisations/orgRef) + (1 − w)·min(1, members/memberRef)
 *   socialWorkers  = w·min(1, FTE/socialWorkerRef)  + (1 − w)·skill of those present
 *   volunteers     = w·min(1, volunteers/volRef)    + (1 − w)·min(1, core volunteers/coreRef)
 *   charity        = w·min(1, donors/donorRef)      + (1 − w)·min(1, fund/fundRef)
 *
 * with each element's w from `strength.*Weight` (src/model/parameters.ts).
 *
 * References scale with the number of residents, so strength is comparable across community sizes.
 * Initialisation sets every component to `initial × reference`, so the measured strength at week 0
 * is the scenario's `initial` value.
 */
export interface StrengthReference {
  weights: StrengthWeights;
  staff: number;
  links: number;
  organizations: number;
  members: number;
  socialWorkers: number;
  volunteers: number;
  cores: number;
  donors: number;
  fund: number;
}

/** The weights of each element's two components, from `strength.*Weight` (the second gets the rest). */
export interface StrengthWeights {
  community: readonly [number, number];
  organizations: readonly [number, number];
  socialWorkers: readonly [number, number];
  volunteers: readonly [number, number];
  charity: readonly [number, number];
}

export function strengthWeights(p: Parameters): StrengthWeights {
  const pair = (w: number) => [w, 1 - w] as const;
  return {
    community: pair(p.strength.staffWeight),
    organizations: pair(p.strength.organizationsWeight),
    socialWorkers: pair(p.strength.socialWorkerFteWeight),
    volunteers: pair(p.strength.volunteersWeight),
    charity: pair(p.strength.donorsWeight),
  };
}

export function strengthReference(residents: number, p: Parameters): StrengthReference {
  const per10k = residents / 10000;
  return {
    weights: strengthWeights(p),
    staff: p.strength.staffPer10k * per10k,
    links: p.strength.linksPer10k * per10k,
    organizations: p.strength.organizationsPer10k * per10k,
    members: p.strength.memberShare * residents,
    socialWorkers: p.strength.socialWorkersPer10k * per10k,
    volunteers: p.strength.volunteerShare * residents,
    cores: p.strength.coreShare * residents,
    donors: (p.strength.donorsPer1k * residents) / 1000,
    fund: p.strength.fundPerResident * residents,
  };
}

/** Strength gained per unit of each component: the value of one linkage event in strength units. */
export interface StrengthUnits {
  staff: number;
  link: number;
  organization: number;
  member: number;
  socialWorker: number;
  volunteer: number;
  core: number;
  donor: number;
  yuan: number;
}

export function strengthUnits(ref: StrengthReference): StrengthUnits {
  const WEIGHTS = ref.weights;
  return {
    staff: WEIGHTS.community[0] / ref.staff,
    link: WEIGHTS.community[1] / ref.links,
    organization: WEIGHTS.organizations[0] / ref.organizations,
    member: WEIGHTS.organizations[1] / ref.members,
    socialWorker: WEIGHTS.socialWorkers[0] / ref.socialWorkers,
    volunteer: WEIGHTS.volunteers[0] / ref.volunteers,
    core: WEIGHTS.volunteers[1] / ref.cores,
    donor: WEIGHTS.charity[0] / ref.donors,
    yuan: WEIGHTS.charity[1] / ref.fund,
  };
}

/** Measures all five strengths into `out` (indexed by element). O(1): reads the running counters. */
export function measureStrength(world: World, ref: StrengthReference, out: Float64Array): Float64Array {
  const c = world.counters;
  const WEIGHTS = ref.weights;
  out[COMMUNITY] =
    WEIGHTS.community[0] * clamp(world.committee.staff / ref.staff) +
    WEIGHTS.community[1] * clamp(world.committee.links / ref.links);
  out[ORGANIZATIONS] =
    WEIGHTS.organizations[0] * clamp(c.organizations / ref.organizations) +
    WEIGHTS.organizations[1] * clamp(c.members / ref.members);
  out[SOCIAL_WORKERS] =
    WEIGHTS.socialWorkers[0] * clamp(world.socialWorkers.fte / ref.socialWorkers) +
    WEIGHTS.socialWorkers[1] * clamp(world.socialWorkers.skill);
  out[VOLUNTEERS] =
    WEIGHTS.volunteers[0] * clamp(c.volunteers / ref.volunteers) +
    WEIGHTS.volunteers[1] * clamp(c.cores / ref.cores);
  out[CHARITY] =
    WEIGHTS.charity[0] * clamp(c.donors / ref.donors) +
    WEIGHTS.charity[1] * clamp(world.charity.fund / ref.fund);
  return out;
}
