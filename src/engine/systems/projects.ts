import { CHARITY, COMMUNITY, ORGANIZATIONS, SOCIAL_WORKERS, VOLUNTEERS } from '../../model/elements.ts';
import { clamp } from '../math.ts';
import { MECHANISM_INDEX as MI, PROCESS_INDEX } from '../mechanisms.ts';
import {
  addDonor,
  becomeCore,
  becomeVolunteer,
  drawGift,
  foundOrganisation,
  markServed,
  recordLink,
  recordReturn,
} from '../ops.ts';
import { nearBuilding, residentOfBuilding } from '../people.ts';
import { drawCount, type Random, randomInt } from '../random.ts';
import { foundingRoom, recruitMembersNearHome } from '../recruit.ts';
import { serve, targetResident } from '../serve.ts';
import {
  CORE,
  createProjects,
  enlarge,
  PROFESSIONAL,
  PROJECT_FREE,
  PROJECT_RECRUITING,
  PROJECT_RUNNING,
  PROJECT_SLOTS,
  VOLUNTEER,
  type World,
} from '../state.ts';
import { intensity, support } from '../support.ts';

const DESIGN = PROCESS_INDEX['social-worker-project-design'];
const TERMS = PROCESS_INDEX['project-budget-terms'];

/**
 * 动中联 (docs/ODD.md, "Projects"): community problems become projects led by whoever takes them
 * up; a project searches its leader's networks for what it lacks — money, an implementing
 * organisation, volunteers (team assembly, Guimerà et al. 2005) — runs and serves residents, and
 * leaves developed elements behind. Flows name the element that supplied or pulled in each part.
 */
export function runProjects(world: World): void {
  const { projectStarts, projectTeams, projectDelivery } = world.random;
  startProjects(world, projectStarts);
  const pr = world.projects;
  for (let k = 0; k < pr.used; k++) {
    if (pr.phase[k] === PROJECT_RECRUITING) assemble(world, k, projectTeams);
    else if (pr.phase[k] === PROJECT_RUNNING) deliver(world, k, projectDelivery);
  }
}

function startProjects(world: World, random: Random): void {
  const p = world.params.projects;
  const s = world.strength;
  const need = (world.meanNeed[0] + world.meanNeed[1] + world.meanNeed[2]) / 3;
  // needs assessment and project design are social workers' work: without it fewer problems become projects
  const design = world.on[DESIGN]
    ? support(world, intensity(world, world.params.socialWorkers.designShare))
    : world.params.socialWorkers.unaided;
  const arrivals = drawCount(
    random,
    p.problemRate * (world.residents.count / 10000) * (need / p.referenceNeed) * design,
  );
  for (let a = 0; a < arrivals; a++) {
    // who takes the problem up, in proportion to each actor's strength (× its weight for volunteers and organisations)
    const w = [
      s[COMMUNITY],
      s[SOCIAL_WORKERS],
      s[VOLUNTEERS] * p.volunteerLeadWeight,
      s[ORGANIZATIONS] * p.organizationLeadWeight,
    ];
    const total = w[0] + w[1] + w[2] + w[3];
    if (total <= 0) return;
    let x = random() * total;
    let lead = 0;
    while (lead < 3 && x >= w[lead]) x -= w[lead++];
    const leaderElement = [COMMUNITY, SOCIAL_WORKERS, VOLUNTEERS, ORGANIZATIONS][lead];
    const home = randomInt(random, world.buildings);
    let leader = -1;
    let org = -1;
    if (leaderElement === VOLUNTEERS) {
      leader = findCoreVolunteer(world, random);
      if (leader < 0) continue;
    } else if (leaderElement === ORGANIZATIONS) {
      org = findOrganisation(world, random);
      if (org < 0) continue;
      leader = world.organizations.leader[org];
    }
    const k = freeSlot(world);
    // read the pool after freeSlot: it replaces world.projects when it grows
    const pr = world.projects;
    pr.phase[k] = PROJECT_RECRUITING;
    pr.need[k] = neediest(world, random);
    pr.leaderElement[k] = leaderElement;
    pr.leader[k] = leader;
    pr.budget[k] = p.budget;
    pr.raised[k] = 0;
    pr.drawn[k] = 0;
    pr.org[k] = org;
    pr.volunteerCount[k] = 0;
    pr.deadline[k] = world.tick + p.recruitWeeks;
    pr.end[k] = 0;
    pr.grant[k] = 0;
    pr.home[k] =
      org >= 0 ? world.organizations.home[org] : leader >= 0 ? Math.floor(leader / world.buildingSize) : home;
    world.counters.projectsRecruiting++;
    world.counters.projectsStarted++;
  }
}

function freeSlot(world: World): number {
  let pr = world.projects;
  for (let k = 0; k < pr.used; k++) if (pr.phase[k] === PROJECT_FREE) return k;
  if (pr.used === pr.capacity) pr = world.projects = enlarge(pr, createProjects);
  return pr.used++;
}

function neediest(world: World, random: Random): number {
  const m = world.meanNeed;
  const total = m[0] + m[1] + m[2];
  let x = random() * total;
  if (x < m[0]) return 0;
  x -= m[0];
  return x < m[1] ? 1 : 2;
}

function findCoreVolunteer(world: World, random: Random): number {
  const res = world.residents;
  for (let t = 0; t < 64; t++) {
    const i = randomInt(random, res.count);
    if (res.role[i] >= CORE) return i;
  }
  return -1;
}

function findOrganisation(world: World, random: Random): number {
  const orgs = world.organizations;
  if (world.counters.organizations === 0) return -1;
  for (let t = 0; t < 16; t++) {
    const o = randomInt(random, orgs.used);
    if (orgs.alive[o]) return o;
  }
  return -1;
}

/** One week of assembling a project: money, an organisation and volunteers, through the leader's networks. */
function assemble(world: World, k: number, random: Random): void {
  const pr = world.projects;
  const p = world.params;
  const u = world.units;
  const s = world.strength;
  const lead = pr.leaderElement[k];
  const search = p.projects.searchRate;

  // money: the charity fund first (what the budget still needs, once the fund can cover enough of
  // it), then the leader's own network
  const missing = pr.budget[k] - pr.raised[k];
  if (missing > 0) {
    const fund = world.charity.fund;
    const fromFund = world.on[TERMS]
      ? fund >= missing * p.projects.minDraw
        ? Math.min(missing, fund)
        : 0
      : Math.min(missing, fund * p.projects.untermedDrawShare);
    if (
      fromFund > 0 &&
      world.on[MI['project-funding']] &&
      random() < search * (p.projects.fundSearchBase + s[CHARITY])
    ) {
      world.charity.fund -= fromFund;
      pr.raised[k] += fromFund;
      pr.drawn[k] += fromFund;
      // money taken while a grant is being paid in: the project depends on the grant (takeover.ts)
      if (world.charity.externalWeeksLeft > 0) pr.grant[k] = 1;
      // the money lets the implementing organisation take on members; before one is found it only waits
      const o = pr.org[k];
      const joined = o >= 0 ? recruitMembersNearHome(world, o, p.projects.fundedMembers, random) : 0;
      recordLink(
        world,
        MI['project-funding'],
        CHARITY,
        o >= 0 ? ORGANIZATIONS : lead,
        joined * u.member,
        -1,
        k,
        fromFund,
      );
    } else if (world.on[MI['project-fundraising']] && random() < search * s[lead]) {
      const gift =
        lead === COMMUNITY || lead === ORGANIZATIONS
          ? p.charity.enterpriseGift
          : p.charity.giftMean * p.charity.raisedGiftFactor;
      const d = addDonor(world, drawGift(world, gift, random), lead);
      pr.raised[k] += gift * p.projects.donorWeeks;
      recordLink(world, MI['project-fundraising'], lead, CHARITY, u.donor, pr.leader[k], d);
    }
  }

  // an implementing organisation
  if (pr.org[k] < 0) {
    if (
      world.on[MI['project-mobilises-organization']] &&
      random() < search * s[ORGANIZATIONS] * p.projects.organizationSearchFactor
    ) {
      const o = findOrganisation(world, random);
      if (o >= 0) {
        pr.org[k] = o;
        world.organizations.activity[o] = clamp(
          world.organizations.activity[o] + p.organizations.projectActivityLift,
        );
        recordLink(
          world,
          MI['project-mobilises-organization'],
          lead,
          ORGANIZATIONS,
          u.member,
          pr.leader[k],
          o,
        );
      }
    } else if (
      pr.raised[k] >= pr.budget[k] * p.projects.startFunding &&
      world.on[MI['project-funding']] &&
      random() < search * foundingRoom(world)
    ) {
      // funded but no local organisation: the money brings in a professional one
      const o = foundOrganisation(world, -1, PROFESSIONAL, CHARITY, pr.home[k]);
      pr.org[k] = o;
      recordLink(world, MI['project-funding'], CHARITY, ORGANIZATIONS, u.organization, -1, o);
    }
  }

  // volunteers: from the organisation's members and the leader's neighbours
  const want = Math.min(PROJECT_SLOTS, p.projects.volunteersNeeded);
  const tries = Math.min(p.projects.asksPerWeek, want - pr.volunteerCount[k]);
  for (let t = 0; t < tries; t++) {
    const j = candidate(world, k, random);
    if (j < 0 || world.residents.project[j] >= 0 || onList(pr, k, j)) continue;
    const res = world.residents;
    const wasVolunteer = res.role[j] >= VOLUNTEER;
    const o = pr.org[k];
    const viaOrg = o >= 0 && res.org[j] === o;
    if (!wasVolunteer && !world.on[MI['project-recruits-volunteer']]) continue;
    const asked = viaOrg || pr.leader[k] >= 0 ? p.volunteers.askedFactor : 1;
    const chance = wasVolunteer ? p.volunteers.projectYes : res.willingness[j] * asked;
    if (random() >= chance) continue;
    if (!wasVolunteer) {
      becomeVolunteer(world, j);
      recordLink(
        world,
        MI['project-recruits-volunteer'],
        viaOrg ? ORGANIZATIONS : lead,
        VOLUNTEERS,
        u.volunteer,
        pr.leader[k],
        j,
      );
    }
    res.project[j] = k;
    pr.volunteers[k * PROJECT_SLOTS + pr.volunteerCount[k]++] = j;
  }

  const ready =
    pr.raised[k] >= pr.budget[k] * p.projects.startFunding &&
    pr.org[k] >= 0 &&
    activeVolunteers(world, k) >= Math.ceil(want * p.projects.startVolunteers);
  if (ready) {
    pr.phase[k] = PROJECT_RUNNING;
    pr.end[k] = world.tick + p.projects.runWeeks;
    world.counters.projectsRecruiting--;
    world.counters.projectsRunning++;
  } else if (world.tick >= pr.deadline[k]) {
    world.charity.fund += pr.raised[k];
    recordReturn(world, CHARITY, Math.min(pr.drawn[k], pr.raised[k]));
    release(world, k);
    world.counters.projectsRecruiting--;
    world.counters.projectsFailed++;
  }
}

/** A volunteer candidate: a member of the implementing organisation or a neighbour of the leader. */
function candidate(world: World, k: number, random: Random): number {
  const pr = world.projects;
  const leader = pr.leader[k];
  if (leader >= 0 && random() < world.params.projects.leaderNetworkShare) {
    const { offsets, neighbours } = world.network;
    const n = offsets[leader + 1] - offsets[leader];
    return n > 0 ? neighbours[offsets[leader] + randomInt(random, n)] : -1;
  }
  return residentOfBuilding(world, pr.home[k], random);
}

/** One week of a running project: its volunteers and organisation serve residents near it. */
function deliver(world: World, k: number, random: Random): void {
  const pr = world.projects;
  const p = world.params;
  const spend = pr.budget[k] / p.projects.runWeeks;
  if (world.on[TERMS] && pr.raised[k] < spend) {
    // the budget not yet raised is drawn from the fund week by week; when it cannot pay, the project stops
    const gap = spend - pr.raised[k];
    if (world.charity.fund < gap) {
      release(world, k);
      world.counters.projectsRunning--;
      world.counters.projectsFailed++;
      return;
    }
    world.charity.fund -= gap;
    pr.raised[k] += gap;
    if (world.charity.externalWeeksLeft > 0) pr.grant[k] = 1;
  }
  pr.raised[k] = Math.max(0, pr.raised[k] - spend);
  const need = pr.need[k];
  const want = Math.max(1, Math.min(PROJECT_SLOTS, p.projects.volunteersNeeded));
  const contacts = drawCount(
    random,
    p.projects.contactsPerWeek * Math.min(1, activeVolunteers(world, k) / want),
  );
  const focus = world.targets.length > 0 ? p.projects.targetFocus : 0;
  for (let c = 0; c < contacts; c++) {
    const b = nearBuilding(world, pr.home[k], p.projects.reachBuildings, random);
    const i = random() < focus ? targetResident(world, random) : residentOfBuilding(world, b, random);
    serve(world, i, VOLUNTEERS, need, p.services.projectStrength, false);
    markServed(world, i, ORGANIZATIONS);
    if (need === 1) markServed(world, i, CHARITY);
  }
  if (world.tick < pr.end[k]) return;
  // the legacy: volunteers grown into core volunteers, a partner unit for the committee
  const u = world.units;
  const res = world.residents;
  for (let v = 0; v < pr.volunteerCount[k]; v++) {
    const j = pr.volunteers[k * PROJECT_SLOTS + v];
    if (
      world.on[MI['project-legacy-core']] &&
      res.role[j] === VOLUNTEER &&
      random() < p.projects.legacyCoreTalent * res.talent[j] + p.projects.legacyCoreBase &&
      becomeCore(world, j)
    ) {
      recordLink(world, MI['project-legacy-core'], pr.leaderElement[k], VOLUNTEERS, u.core, pr.leader[k], j);
    }
  }
  if (world.on[MI['project-legacy-partner']] && random() < p.projects.legacyPartner) {
    world.committee.links += 1;
    recordLink(world, MI['project-legacy-partner'], pr.leaderElement[k], COMMUNITY, u.link, pr.leader[k], k);
  }
  const o = pr.org[k];
  if (o >= 0 && world.organizations.alive[o]) world.organizations.funds[o] += pr.raised[k];
  else {
    world.charity.fund += pr.raised[k];
    recordReturn(world, CHARITY, Math.min(pr.drawn[k], pr.raised[k]));
  }
  release(world, k);
  world.counters.projectsRunning--;
  world.counters.projectsCompleted++;
}

/** Volunteers still on project k (those who lapsed have left it). */
function activeVolunteers(world: World, k: number): number {
  const pr = world.projects;
  let n = 0;
  for (let v = 0; v < pr.volunteerCount[k]; v++)
    if (world.residents.project[pr.volunteers[k * PROJECT_SLOTS + v]] === k) n++;
  return n;
}

function onList(pr: World['projects'], k: number, j: number): boolean {
  for (let v = 0; v < pr.volunteerCount[k]; v++) if (pr.volunteers[k * PROJECT_SLOTS + v] === j) return true;
  return false;
}

/**
 * Project k ends before its time (its funding ended and no one took it over, src/engine/systems/takeover.ts):
 * what it holds goes back to the fund, and it counts as failed.
 */
export function endProject(world: World, k: number): void {
  const pr = world.projects;
  if (pr.phase[k] === PROJECT_RUNNING) world.counters.projectsRunning--;
  else if (pr.phase[k] === PROJECT_RECRUITING) world.counters.projectsRecruiting--;
  else return;
  world.charity.fund += pr.raised[k];
  recordReturn(world, CHARITY, Math.min(pr.drawn[k], pr.raised[k]));
  release(world, k);
  world.counters.projectsFailed++;
}

function release(world: World, k: number): void {
  const pr = world.projects;
  for (let v = 0; v < pr.volunteerCount[k]; v++) {
    const j = pr.volunteers[k * PROJECT_SLOTS + v];
    if (world.residents.project[j] === k) world.residents.project[j] = -1;
  }
  pr.phase[k] = PROJECT_FREE;
  pr.raised[k] = 0;
  pr.volunteerCount[k] = 0;
  pr.grant[k] = 0;
}
