import { CHARITY, COMMUNITY, ORGANIZATIONS, SOCIAL_WORKERS, VOLUNTEERS } from '../../model/elements.ts';
import { clamp } from '../math.ts';
import { MECHANISM_INDEX as MI, PROCESS_INDEX } from '../mechanisms.ts';
import {
  addDonor,
  becomeCore,
  becomeVolunteer,
  drawGift,
  foundOrganisation,
  joinOrganisation,
  recordLink,
  schedule,
} from '../ops.ts';
import { capableResidentOf } from '../people.ts';
import { drawCount, type Random, randomInt } from '../random.ts';
import {
  askResidents,
  foundingRoom,
  memberPoolRoom,
  newLocalOrganisation,
  recruitFoundingMembers,
  recruitMembersNearHome,
} from '../recruit.ts';
import { CORE, PARTICIPANT, PIPELINE_INCUBATION, PROFESSIONAL, VOLUNTEER, type World } from '../state.ts';
import { catalyst, groupworkIntensity, intensity, skillFactor, support } from '../support.ts';

/**
 * 联中动: the cultivation channels (docs/ODD.md, "Cultivation"). A strong element recruits and
 * develops weaker ones: every chance below grows with its source's size or activity and with the
 * room its target has to grow (1 − target strength), and is multiplied by the social workers'
 * catalysis of that channel.
 */
export function cultivate(world: World): void {
  cultivateResidents(world);
  cultivateOrganisations(world);
  cultivateFromFunds(world);
  cultivateFromBase(world);
}

const VENUES = PROCESS_INDEX['committee-venues'];
const CONTACTS = PROCESS_INDEX['committee-contacts'];
const LAG = PROCESS_INDEX['incubation-lag'];

/** Channels whose actor is a resident: one pass over residents, drawing only where a chance is non-zero. */
export function cultivateResidents(world: World): void {
  // each channel draws from its own stream (random.ts, Streams.channels)
  const R = world.random.channels;
  const rPeer = R[MI['peer-asks-volunteer']];
  const rCapable = R[MI['capable-members-volunteer']];
  const rJoin = R[MI['neighbour-joins-organization']];
  const rDonor = R[MI['volunteer-network-donor']];
  const rCore = R[MI['volunteer-becomes-core']];
  const rFound = R[MI['core-volunteer-founds-organization']];
  const rCouncil = R[MI['core-volunteer-joins-council']];
  const res = world.residents;
  const p = world.params;
  const s = world.strength;
  const u = world.units;
  // the organisations are read through `world` each time: founding one can replace the pool mid-pass
  const roomV = 1 - s[VOLUNTEERS];
  const roomO = 1 - s[ORGANIZATIONS];
  const roomC = 1 - s[CHARITY];
  const roomCommunity = 1 - s[COMMUNITY];
  const on = world.on;
  const r2 = p.volunteers.reinforcement ** 2;
  const peer = p.volunteers.peerRate * roomV * on[MI['peer-asks-volunteer']];
  const join =
    p.organizations.joinRate * roomO * memberPoolRoom(world) * on[MI['neighbour-joins-organization']];
  const capable =
    p.organizations.capableToVolunteer *
    roomV *
    catalyst(world, MI['capable-members-volunteer']) *
    on[MI['capable-members-volunteer']];
  const donor =
    p.volunteers.donorRate *
    roomC *
    catalyst(world, MI['volunteer-network-donor']) *
    on[MI['volunteer-network-donor']];
  // a founder needs people to found with: the finite pool of willing residents limits founding too
  const found =
    p.volunteers.foundRate *
    foundingRoom(world) *
    memberPoolRoom(world) *
    catalyst(world, MI['core-volunteer-founds-organization']) *
    on[MI['core-volunteer-founds-organization']];
  const council = p.volunteers.councilRate * roomCommunity * on[MI['core-volunteer-joins-council']];
  // finding and training core volunteers is social workers' work: supported by their training and group-work time
  const sw = p.socialWorkers;
  const core =
    p.volunteers.coreRate *
    support(world, intensity(world, sw.trainingShare + sw.groupworkShare)) *
    on[MI['volunteer-becomes-core']];
  const tenureForCore = p.volunteers.coreTenure;
  const tick = world.tick;

  for (let i = 0; i < res.count; i++) {
    const role = res.role[i];
    if (role < VOLUNTEER) {
      const k = res.volunteerNeighbours[i];
      const o = res.org[i];
      const m = res.memberNeighbours[i];
      // each channel the resident is open to draws before any decides, so that one channel firing
      // (or being knocked out) does not skip another's draw
      const uPeer = k > 0 ? rPeer() : 1;
      const uCapable = role === PARTICIPANT ? rCapable() : 1;
      const uJoin = o < 0 && m > 0 ? rJoin() : 1;
      if (uPeer < (peer * res.willingness[i] * k * k) / (k * k + r2)) {
        becomeVolunteer(world, i);
        recordLink(world, MI['peer-asks-volunteer'], VOLUNTEERS, VOLUNTEERS, u.volunteer, -1, i);
        continue;
      }
      if (role === PARTICIPANT && uCapable < capable * world.organizations.activity[o] * res.talent[i]) {
        becomeVolunteer(world, i);
        recordLink(
          world,
          MI['capable-members-volunteer'],
          ORGANIZATIONS,
          VOLUNTEERS,
          u.volunteer,
          world.organizations.leader[o],
          i,
        );
        continue;
      }
      if (o < 0 && m > 0 && uJoin < (join * res.willingness[i] * m * m) / (m * m + r2)) {
        const target = memberNeighbourOrganisation(world, i, rJoin);
        if (target >= 0 && joinOrganisation(world, i, target)) {
          recordLink(
            world,
            MI['neighbour-joins-organization'],
            ORGANIZATIONS,
            ORGANIZATIONS,
            u.member,
            -1,
            i,
          );
        }
      }
      continue;
    }
    // volunteers, core volunteers and organisers bring donors through their own networks
    if (rDonor() < donor * (role === VOLUNTEER ? 1 : p.volunteers.coreDonorFactor)) {
      const d = addDonor(world, drawGift(world, p.charity.giftMean, rDonor), VOLUNTEERS);
      recordLink(world, MI['volunteer-network-donor'], VOLUNTEERS, CHARITY, u.donor, i, d);
    }
    if (role === VOLUNTEER) {
      if (tick - res.since[i] >= tenureForCore && rCore() < core * res.talent[i]) {
        becomeCore(world, i);
        recordLink(world, MI['volunteer-becomes-core'], VOLUNTEERS, VOLUNTEERS, u.core, -1, i);
      }
    } else if (role === CORE) {
      const uFound = rFound();
      const uCouncil = rCouncil();
      if (uFound < found * res.talent[i]) {
        const o = foundOrganisation(
          world,
          i,
          randomInt(rFound, 4),
          VOLUNTEERS,
          Math.floor(i / world.buildingSize),
        );
        const members = recruitFoundingMembers(world, o, i, rFound);
        recordLink(
          world,
          MI['core-volunteer-founds-organization'],
          VOLUNTEERS,
          ORGANIZATIONS,
          u.organization + members * u.member,
          i,
          o,
        );
      } else if (uCouncil < council) {
        world.committee.links += 1;
        recordLink(world, MI['core-volunteer-joins-council'], VOLUNTEERS, COMMUNITY, u.link, i, -1);
      }
    }
  }
}

/** The organisation of a random neighbour who is a member, or −1. */
function memberNeighbourOrganisation(world: World, i: number, random: Random): number {
  const { offsets, neighbours } = world.network;
  const a = offsets[i];
  const n = offsets[i + 1] - a;
  const start = randomInt(random, n);
  for (let k = 0; k < n; k++) {
    const j = neighbours[a + ((start + k) % n)];
    const o = world.residents.org[j];
    if (o >= 0 && world.organizations.alive[o]) return o;
  }
  return -1;
}

/** Organisations' activity, spending, and the sponsors they find. One pass over organisations. */
export function cultivateOrganisations(world: World): void {
  const random = world.random.channels[MI['organization-sponsor']];
  const orgs = world.organizations;
  const p = world.params;
  const sponsor =
    p.organizations.sponsorRate *
    (1 - world.strength[CHARITY]) *
    catalyst(world, MI['organization-sponsor']) *
    world.on[MI['organization-sponsor']];
  const lift = p.socialWorkers.groupworkLift * groupworkIntensity(world);
  // the committee's venues (搭台) let more members meet
  const venue = world.on[VENUES] ? 1 + p.community.venueLift * world.strength[COMMUNITY] : 1;
  for (let o = 0; o < orgs.used; o++) {
    if (!orgs.alive[o]) continue;
    const spend = Math.min(orgs.funds[o], p.organizations.weeklySpend);
    orgs.funds[o] -= spend;
    const op = p.organizations;
    const target =
      Math.min(1, (orgs.members[o] / op.fullActivityMembers) * venue) *
      (orgs.funds[o] > 0 ? 1 : op.unfundedActivity);
    orgs.activity[o] = clamp(orgs.activity[o] + op.activityStep * (target - orgs.activity[o]) + lift);
    if (random() < sponsor * orgs.activity[o]) {
      const d = addDonor(world, drawGift(world, p.charity.enterpriseGift, random), ORGANIZATIONS);
      recordLink(
        world,
        MI['organization-sponsor'],
        ORGANIZATIONS,
        CHARITY,
        world.units.donor,
        orgs.leader[o],
        d,
      );
    }
  }
}

/**
 * Grants from the charity fund: each funds an existing organisation (which grows), or, while
 * organisations are few, brings in an outside professional one; either way it brings volunteers.
 */
export function cultivateFromFunds(world: World): void {
  // the grants and where they go: grant-to-organization's stream; what each outcome does: its own
  const random = world.random.channels[MI['grant-to-organization']];
  const rProfessional = world.random.channels[MI['grant-brings-professional-organization']];
  const rVolunteers = world.random.channels[MI['grant-brings-volunteers']];
  const p = world.params;
  const u = world.units;
  const size = p.charity.grantSize;
  const roomO = 1 - world.strength[ORGANIZATIONS];
  // at most one grant a week per `residentsPerGrant` residents: a fund cannot place money faster than a community absorbs it
  const affordable = Math.min(
    Math.floor(world.charity.fund / size),
    Math.ceil(world.residents.count / p.charity.residentsPerGrant),
  );
  const grants = Math.min(
    affordable,
    drawCount(
      random,
      p.charity.grantRate *
        affordable *
        roomO *
        catalyst(world, MI['grant-to-organization']) *
        world.on[MI['grant-to-organization']],
    ),
  );
  for (let g = 0; g < grants; g++) {
    // read the pool each time: founding an organisation below can replace it
    const orgs = world.organizations;
    world.charity.fund -= size;
    let o = -1;
    const bringIn = world.on[MI['grant-brings-professional-organization']] === 1;
    if ((random() >= foundingRoom(world) || !bringIn) && world.counters.organizations > 0) {
      for (let tries = 0; tries < 8 && o < 0; tries++) {
        const c = randomInt(random, orgs.used);
        if (orgs.alive[c]) o = c;
      }
    }
    if (o >= 0) {
      orgs.funds[o] += size;
      const joined = recruitMembersNearHome(world, o, p.organizations.foundingSize, random);
      recordLink(world, MI['grant-to-organization'], CHARITY, ORGANIZATIONS, joined * u.member, -1, o, size);
    } else if (bringIn) {
      o = foundOrganisation(world, -1, PROFESSIONAL, CHARITY, randomInt(rProfessional, world.buildings));
      world.organizations.funds[o] = size;
      const joined = recruitMembersNearHome(world, o, p.organizations.foundingSize, rProfessional);
      recordLink(
        world,
        MI['grant-brings-professional-organization'],
        CHARITY,
        ORGANIZATIONS,
        u.organization + joined * u.member,
        -1,
        world.organizations.used - 1,
        size,
      );
    }
    if (o < 0) {
      // no organisation to take the grant: the money stays in the fund
      world.charity.fund += size;
      continue;
    }
    const vols = drawCount(
      rVolunteers,
      p.charity.grantVolunteers *
        (1 - world.strength[VOLUNTEERS]) *
        catalyst(world, MI['grant-brings-volunteers']) *
        world.on[MI['grant-brings-volunteers']],
    );
    for (let v = 0; v < vols; v++) {
      const j = capableResidentOf(
        world,
        world.organizations.home[o],
        rVolunteers,
        p.charity.grantVolunteerDraws,
      );
      if (becomeVolunteer(world, j)) {
        recordLink(world, MI['grant-brings-volunteers'], CHARITY, VOLUNTEERS, u.volunteer, -1, j);
      }
    }
  }
}

/**
 * The base's own channels: the committee's hosting, mobilising and linking (its linking time set by
 * the strategy); social workers' direct channels, which need social workers (no workers, no events):
 * incubating organisations (ready after `socialWorkers.incubationWeeks`), asking residents to
 * volunteer (through the committee's contacts), raising funds.
 */
export function cultivateFromBase(world: World): void {
  // each channel draws from its own stream (random.ts, Streams.channels)
  const R = world.random.channels;
  const p = world.params;
  const u = world.units;
  const s = world.strength;
  const e = world.effort;
  const on = world.on;
  const per10k = world.residents.count / 10000;
  const skill = skillFactor(world);

  const host = drawCount(
    R[MI['committee-hosts-organization']],
    p.community.hostRate *
      e[MI['committee-hosts-organization']] *
      per10k *
      foundingRoom(world) *
      on[MI['committee-hosts-organization']],
  );
  for (let k = 0; k < host; k++)
    newLocalOrganisation(
      world,
      COMMUNITY,
      MI['committee-hosts-organization'],
      R[MI['committee-hosts-organization']],
    );
  // social workers' direct channels: events a week = rate × share × organising effort × room × skill
  // (share: `recruitShare`, `incubateShare` and `fundraiseShare`)
  const direct = (mechanism: number, share: number, room: number) =>
    drawCount(
      R[mechanism],
      p.socialWorkers.directRate * share * e[mechanism] * per10k * room * skill * on[mechanism],
    );
  const incubate = direct(
    MI['social-worker-incubates-organization'],
    p.socialWorkers.incubateShare,
    foundingRoom(world),
  );
  const lag = on[LAG] ? p.socialWorkers.incubationWeeks : 0;
  for (let k = 0; k < incubate; k++) {
    if (lag === 0)
      newLocalOrganisation(
        world,
        SOCIAL_WORKERS,
        MI['social-worker-incubates-organization'],
        R[MI['social-worker-incubates-organization']],
      );
    else schedule(world, PIPELINE_INCUBATION, SOCIAL_WORKERS, world.tick + lag);
  }

  const mobilise = drawCount(
    R[MI['committee-mobilises-volunteer']],
    p.community.mobiliseRate *
      e[MI['committee-mobilises-volunteer']] *
      per10k *
      (1 - s[VOLUNTEERS]) *
      on[MI['committee-mobilises-volunteer']],
  );
  askResidents(
    world,
    mobilise,
    COMMUNITY,
    MI['committee-mobilises-volunteer'],
    R[MI['committee-mobilises-volunteer']],
  );
  const recruit = direct(
    MI['social-worker-recruits-volunteer'],
    p.socialWorkers.recruitShare,
    1 - s[VOLUNTEERS],
  );
  // the committee knows its residents: social workers asking through its contacts are heard more
  const contacts = on[CONTACTS] ? 1 + p.community.contactsLift * s[COMMUNITY] : 1;
  askResidents(
    world,
    recruit,
    SOCIAL_WORKERS,
    MI['social-worker-recruits-volunteer'],
    R[MI['social-worker-recruits-volunteer']],
    contacts,
  );

  // the share of the staff's time on introducing, × 3 (the committee's channels): introduceRate is
  // the rate per partner link when a third of the staff's time goes to it
  const linkingShare =
    e[MI['committee-introduces-resources']] / Math.max(1e-9, world.committee.staff / per10k);
  const introduce = drawCount(
    R[MI['committee-introduces-resources']],
    p.community.introduceRate *
      world.committee.links *
      3 *
      linkingShare *
      (1 - s[CHARITY]) *
      on[MI['committee-introduces-resources']],
  );
  for (let k = 0; k < introduce; k++) {
    const d = addDonor(
      world,
      drawGift(world, p.charity.enterpriseGift, R[MI['committee-introduces-resources']]),
      COMMUNITY,
    );
    recordLink(world, MI['committee-introduces-resources'], COMMUNITY, CHARITY, u.donor, -1, d);
  }
  const raise = direct(MI['social-worker-raises-funds'], p.socialWorkers.fundraiseShare, 1 - s[CHARITY]);
  for (let k = 0; k < raise; k++) {
    const d = addDonor(
      world,
      drawGift(world, p.charity.giftMean * p.charity.raisedGiftFactor, R[MI['social-worker-raises-funds']]),
      SOCIAL_WORKERS,
    );
    recordLink(world, MI['social-worker-raises-funds'], SOCIAL_WORKERS, CHARITY, u.donor, -1, d);
  }
}
