import { CHARITY, COMMUNITY, ORGANIZATIONS, SOCIAL_WORKERS, VOLUNTEERS } from '../model/elements.ts';
import type { Parameters } from '../model/parameters.ts';
import type { World } from './state.ts';

/**
 * The strength index (docs/ODD.md, "Strength"): for each element a weighted sum of components,
 * each component its quantity divided by the quantity that means full strength, capped at 1:
 *
 *   community      = 0.5·min(1, staff/staffRef)       + 0.5·min(1, partner links/linksRef)
 *   organizations  = 0.5·min(1, organisations/orgRef)  + 0.5·min(1, members/memberRef)
 *   socialWorkers  = 0.6·min(1, FTE/socialWorkerRef)   + 0.4·skill
 *   volunteers     = 0.6·min(1, volunteers/volRef)     + 0.4·min(1, core volunteers/coreRef)
 *   charity        = 0.5·min(1, donors/donorRef)       + 0.5·min(1, fund/fundRef)
 *
 * References scale with the number of residents, so strength is comparable across community sizes.
 * Initialisation sets every component to `initial × reference`, so the measured strength at week 0
 * is the scenario's `initial` value.
 */
export interface StrengthReference {
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

export const WEIGHTS = {
  community: [0.5, 0.5],
  organizations: [0.5, 0.5],
  socialWorkers: [0.6, 0.4],
  volunteers: [0.6, 0.4],
  charity: [0.5, 0.5],
} as const;

export function strengthReference(residents: number, p: Parameters): StrengthReference {
  const per10k = residents / 10000;
  return {
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

const cap = (x: number) => (x > 1 ? 1 : x < 0 ? 0 : x);

/** Measures all five strengths into `out` (indexed by element). O(1): reads the running counters. */
export function measureStrength(world: World, ref: StrengthReference, out: Float64Array): Float64Array {
  const c = world.counters;
  out[COMMUNITY] =
    WEIGHTS.community[0] * cap(world.committee.staff / ref.staff) +
    WEIGHTS.community[1] * cap(world.committee.links / ref.links);
  out[ORGANIZATIONS] =
    WEIGHTS.organizations[0] * cap(c.organizations / ref.organizations) +
    WEIGHTS.organizations[1] * cap(c.members / ref.members);
  out[SOCIAL_WORKERS] =
    WEIGHTS.socialWorkers[0] * cap(world.socialWorkers.fte / ref.socialWorkers) +
    WEIGHTS.socialWorkers[1] * cap(world.socialWorkers.skill);
  out[VOLUNTEERS] =
    WEIGHTS.volunteers[0] * cap(c.volunteers / ref.volunteers) +
    WEIGHTS.volunteers[1] * cap(c.cores / ref.cores);
  out[CHARITY] =
    WEIGHTS.charity[0] * cap(c.donors / ref.donors) + WEIGHTS.charity[1] * cap(world.charity.fund / ref.fund);
  return out;
}
