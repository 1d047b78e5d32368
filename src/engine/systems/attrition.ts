import { closeOrganization, dropDonor, lapse, releaseClosedMembers } from '../ops.ts';
import { CORE, VOLUNTEER, type World } from '../state.ts';

/**
 * Attrition (docs/ODD.md, "Attrition"): volunteers lapse (hazard peaking at 3, 6 and 12 months of
 * tenure, lower for core volunteers and under an incentive scheme), organisations close (more
 * often when young, small or unfunded), donors stop giving.
 */
export function attrition(world: World): void {
  volunteerLapse(world);
  organizationClosure(world);
  donorLapse(world);
}

const PEAKS = [13, 26, 52];

export function volunteerLapse(world: World): void {
  const random = world.random.attrition;
  const vp = world.params.volunteers;
  const res = world.residents;
  const base = vp.lapseHazard * (world.incentive ? 1 - vp.incentiveEffect : 1);
  const tick = world.tick;
  for (let i = 0; i < res.count; i++) {
    const role = res.role[i];
    if (role !== VOLUNTEER && role !== CORE) continue;
    const tenure = tick - res.since[i];
    let h = role === CORE ? base * 0.5 : base;
    if (tenure === PEAKS[0] || tenure === PEAKS[1] || tenure === PEAKS[2]) h *= vp.lapsePeak;
    if (res.project[i] >= 0) h *= 0.5;
    if (random() < h) lapse(world, i);
  }
}

export function organizationClosure(world: World): void {
  const random = world.random.attrition;
  const op = world.params.organizations;
  const orgs = world.organizations;
  const weekly = 1 - (1 - op.closureHazard) ** (1 / 52);
  let closed = 0;
  for (let o = 0; o < orgs.used; o++) {
    if (!orgs.alive[o]) continue;
    const funded = orgs.funds[o] > 0;
    let h = weekly;
    if (!funded && world.tick - orgs.founded[o] < 52) h *= op.youngFactor;
    if (orgs.members[o] < 5) h *= op.smallFactor;
    if (!funded) h *= op.unfundedFactor;
    if (random() < h) {
      closeOrganization(world, o);
      closed++;
    }
  }
  if (closed > 0) releaseClosedMembers(world);
}

export function donorLapse(world: World): void {
  const random = world.random.attrition;
  const d = world.donors;
  const h = world.params.charity.donorLapse;
  for (let k = 0; k < d.used; k++) if (d.alive[k] && random() < h) dropDonor(world, k);
}
