import type { Parameters } from '../model/parameters.ts';
import type { Scenario } from '../model/scenario.ts';
import { KNOCKOUT_IDS, MECHANISMS } from './mechanisms.ts';
import type { Network } from './network.ts';
import type { Streams } from './random.ts';
import type { StrengthReference, StrengthUnits } from './strength.ts';

/** Resident roles, the ladder of engagement (and back, on lapse). */
export const RESIDENT = 0;
export const PARTICIPANT = 1;
export const VOLUNTEER = 2;
export const CORE = 3;
export const ORGANISER = 4;

export const NEED_PSYCHOLOGICAL = 0;
export const NEED_MATERIAL = 1;
export const NEED_SOCIAL = 2;

/** Residents as struct-of-arrays, indexed by resident id. */
export interface Residents {
  count: number;
  talent: Float32Array;
  willingness: Float32Array;
  /** needs[3 * i + k] for need k; baseline the level needs return to; reference the level at week 0. */
  needs: Float32Array;
  needBaseline: Float32Array;
  needReference: Float32Array;
  /** Week up to which this resident's needs have drifted (needs drift lazily; see systems/needs.ts). */
  needWeek: Uint16Array;
  /** How much each need has been lowered by services (help received), for the virtual survey. */
  helped: Float32Array;
  /** 1 for residents registered in a programme's target group (a shock with `targets`). */
  target: Uint8Array;
  belonging: Float32Array;
  trust: Float32Array;
  role: Uint8Array;
  /** Week the resident entered its current role (−104 … 5200 fits 16 bits). */
  since: Int16Array;
  /** Organisation the resident belongs to, or −1. */
  org: Int32Array;
  /** Project the resident volunteers for, or −1. */
  project: Int32Array;
  /** Number of neighbours who volunteer / who are members (degree ≤ 40 + a few long ties, so a byte holds it). */
  volunteerNeighbours: Uint8Array;
  memberNeighbours: Uint8Array;
  /** Bit e set when element e has ever served the resident. */
  served: Uint8Array;
}

export const ORG_KINDS = ['recreational', 'interest', 'learning', 'service', 'professional'] as const;
export const PROFESSIONAL = 4;

/** Social organisations: a pool whose capacity doubles when full. */
export interface Organizations {
  capacity: number;
  /** Number of slots ever used; slots are not reused, so an id names one organisation for the run. */
  used: number;
  alive: Uint8Array;
  kind: Uint8Array;
  leader: Int32Array;
  members: Int32Array;
  activity: Float32Array;
  founded: Int32Array;
  funds: Float64Array;
  home: Int32Array;
  foundedBy: Uint8Array;
}

export interface Donors {
  capacity: number;
  used: number;
  alive: Uint8Array;
  gift: Float32Array;
  recruitedBy: Uint8Array;
}

export const PROJECT_FREE = 0;
export const PROJECT_RECRUITING = 1;
export const PROJECT_RUNNING = 2;
export const PROJECT_SLOTS = 32;

export interface Projects {
  capacity: number;
  used: number;
  phase: Uint8Array;
  need: Uint8Array;
  leaderElement: Uint8Array;
  leader: Int32Array;
  budget: Float64Array;
  raised: Float64Array;
  /** Yuan the charity fund put into the project through its recorded draws (for the record: money returned is netted). */
  drawn: Float64Array;
  org: Int32Array;
  volunteers: Int32Array;
  volunteerCount: Int32Array;
  deadline: Int32Array;
  end: Int32Array;
  home: Int32Array;
  /**
   * 1 while the project depends on a grant: it took money from the fund while outside funding was
   * being paid in. When that funding ends, local money takes the project over or it ends
   * (src/engine/systems/takeover.ts).
   */
  grant: Uint8Array;
}

/**
 * The committee (社区两委): staff in post (FTE), posts left empty by turnover and not yet refilled
 * (they are in the pipeline), and partner links (共建单位).
 */
export interface Committee {
  staff: number;
  links: number;
}

/**
 * A group of social workers: FTE present and their mean skill. Skill belongs to the people: when a
 * group leaves, its skill leaves with it.
 */
export interface Team {
  fte: number;
  skill: number;
}

/**
 * The social-worker element (docs/ODD.md, "Social workers"): agency workers stationed under a
 * purchase-of-service contract (a term), workers whose time the charity fund buys week by week, and
 * local para-professionals (本土社工) trained from committee staff and core volunteers. `fte` and
 * `skill` are the totals (FTE-weighted skill) that the rest of the model reads; `refreshTeam` keeps
 * them equal to the groups'.
 */
export interface SocialWorkers {
  fte: number;
  skill: number;
  stationed: Team;
  /** Weeks left on the stationed workers' contract (0: none). */
  contractLeft: number;
  funded: Team;
  local: Team;
}

export const PIPELINE_INCUBATION = 0;
export const PIPELINE_TRAINING = 1;
export const PIPELINE_VACANCY = 2;

/** Things under way that take effect in a later week (a small growable queue, unordered). */
export interface Pipeline {
  count: number;
  due: Int32Array;
  kind: Uint8Array;
  /** Element that started it (incubations) or where the trainee came from. */
  by: Uint8Array;
}

export function createPipeline(capacity: number): Pipeline {
  return {
    count: 0,
    due: new Int32Array(capacity),
    kind: new Uint8Array(capacity),
    by: new Uint8Array(capacity),
  };
}

export function createSocialWorkers(): SocialWorkers {
  return {
    fte: 0,
    skill: 0,
    stationed: { fte: 0, skill: 0 },
    contractLeft: 0,
    funded: { fte: 0, skill: 0 },
    local: { fte: 0, skill: 0 },
  };
}

/** The knock-out table of a scenario: 1 where a mechanism runs. */
export function switches(knockouts: readonly string[]): Uint8Array {
  const on = new Uint8Array(KNOCKOUT_IDS.length).fill(1);
  for (const id of knockouts) {
    const k = KNOCKOUT_IDS.indexOf(id);
    if (k >= 0) on[k] = 0;
  }
  return on;
}

/** Running totals kept up to date by every system, so strength is O(1) to measure. */
export interface Counters {
  volunteers: number;
  cores: number;
  organisers: number;
  members: number;
  organizations: number;
  /** Organisations founded during the run (week 1 on), by any element; closures do not lower it. */
  organizationsFounded: number;
  donors: number;
  projectsRecruiting: number;
  projectsRunning: number;
  projectsStarted: number;
  projectsCompleted: number;
  projectsFailed: number;
  /** Residents served at least once by any element. */
  served: number;
}

export interface World {
  scenario: Scenario;
  params: Parameters;
  tick: number;
  buildingSize: number;
  buildings: number;
  network: Network;
  random: Streams;
  residents: Residents;
  organizations: Organizations;
  donors: Donors;
  projects: Projects;
  committee: Committee;
  socialWorkers: SocialWorkers;
  /** Incubations, trainings and vacancies under way: each becomes effective in its due week. */
  pipeline: Pipeline;
  /** 1 for each mechanism or process that runs, 0 when the scenario knocks it out (KNOCKOUT_IDS order). */
  on: Uint8Array;
  charity: { fund: number; externalPerWeek: number; externalWeeksLeft: number };
  incentive: boolean;
  /** Next building of each round of outreach (casework, committee visits, aid). */
  outreach: Int32Array;
  /** Residents in the target group, for targeted outreach. */
  targets: Int32Array;
  counters: Counters;
  ref: StrengthReference;
  units: StrengthUnits;
  /** Strength of each element measured at the start of the current tick. */
  strength: Float64Array;
  /** Weekly organising effort (FTE per 10,000 residents) per mechanism, set by the strategy. */
  effort: Float64Array;
  /** Mean need per need kind, refreshed by the needs system. */
  meanNeed: Float64Array;
  /** Sum of needs and of baselines per need kind, kept exact as needs drift and change. */
  needSum: Float64Array;
  needBaselineSum: Float64Array;
  /** Weeks of drift applied to the sums so far; residents are settled up to this. */
  needDrifts: number;
  /** (1 − needRecovery)^k for k weeks, for lazy drift. */
  needDecay: Float64Array;
  record: Recorder;
}

/** Flows, what each element produced in the others, and the event log, written by every system through `recordLink`. */
export interface Recorder {
  /** count and strength per (mechanism, source, target): index (m * 5 + s) * 5 + t. */
  flowCount: Float64Array;
  flowStrength: Float64Array;
  /**
   * Linkage events with a positive value through which an element developed *another* element
   * without putting money in, cumulative, per mechanism * 5 + source. Sampled weekly into the run's
   * record (run.ts), from which analysis/pathway.ts reads when each element rolled in.
   */
  produced: Float64Array;
  /** Linkage events through which an element put money into another, cumulative, per source element. */
  funded: Float64Array;
  /** The yuan those events moved, net of what came back unused (`recordReturn`), cumulative, per source element. */
  moved: Float64Array;
  /** Service contacts per element, and per element per need. */
  contacts: Float64Array;
  keepEvents: boolean;
  eventLimit: number;
  eventCount: number;
  eventsDropped: number;
  evTick: Int32Array;
  evMechanism: Uint8Array;
  evSource: Uint8Array;
  evTarget: Uint8Array;
  evActor: Int32Array;
  evSubject: Int32Array;
  evValue: Float32Array;
  /** Yuan the source put in through the event (0 when it moved no money). */
  evAmount: Float64Array;
}

export function createRecorder(keepEvents: boolean, eventLimit: number): Recorder {
  const cap = keepEvents ? Math.min(eventLimit, 1 << 16) : 0;
  return {
    flowCount: new Float64Array(MECHANISMS.length * 25),
    flowStrength: new Float64Array(MECHANISMS.length * 25),
    produced: new Float64Array(MECHANISMS.length * 5),
    funded: new Float64Array(5),
    moved: new Float64Array(5),
    contacts: new Float64Array(5),
    keepEvents,
    eventLimit,
    eventCount: 0,
    eventsDropped: 0,
    evTick: new Int32Array(cap),
    evMechanism: new Uint8Array(cap),
    evSource: new Uint8Array(cap),
    evTarget: new Uint8Array(cap),
    evActor: new Int32Array(cap),
    evSubject: new Int32Array(cap),
    evValue: new Float32Array(cap),
    evAmount: new Float64Array(cap),
  };
}

export function createResidents(count: number): Residents {
  return {
    count,
    talent: new Float32Array(count),
    willingness: new Float32Array(count),
    needs: new Float32Array(count * 3),
    needBaseline: new Float32Array(count * 3),
    needReference: new Float32Array(count * 3),
    needWeek: new Uint16Array(count),
    helped: new Float32Array(count * 3),
    target: new Uint8Array(count),
    belonging: new Float32Array(count),
    trust: new Float32Array(count),
    role: new Uint8Array(count),
    since: new Int16Array(count),
    org: new Int32Array(count).fill(-1),
    project: new Int32Array(count).fill(-1),
    volunteerNeighbours: new Uint8Array(count),
    memberNeighbours: new Uint8Array(count),
    served: new Uint8Array(count),
  };
}

export function createOrganisations(capacity: number): Organizations {
  return {
    capacity,
    used: 0,
    alive: new Uint8Array(capacity),
    kind: new Uint8Array(capacity),
    leader: new Int32Array(capacity),
    members: new Int32Array(capacity),
    activity: new Float32Array(capacity),
    founded: new Int32Array(capacity),
    funds: new Float64Array(capacity),
    home: new Int32Array(capacity),
    foundedBy: new Uint8Array(capacity),
  };
}

export function createDonors(capacity: number): Donors {
  return {
    capacity,
    used: 0,
    alive: new Uint8Array(capacity),
    gift: new Float32Array(capacity),
    recruitedBy: new Uint8Array(capacity),
  };
}

export function createProjects(capacity: number): Projects {
  return {
    capacity,
    used: 0,
    phase: new Uint8Array(capacity),
    need: new Uint8Array(capacity),
    leaderElement: new Uint8Array(capacity),
    leader: new Int32Array(capacity),
    budget: new Float64Array(capacity),
    raised: new Float64Array(capacity),
    drawn: new Float64Array(capacity),
    org: new Int32Array(capacity),
    volunteers: new Int32Array(capacity * PROJECT_SLOTS),
    volunteerCount: new Int32Array(capacity),
    deadline: new Int32Array(capacity),
    end: new Int32Array(capacity),
    home: new Int32Array(capacity),
    grant: new Uint8Array(capacity),
  };
}

/**
 * A pool of twice the capacity holding the same agents: every typed array copied into its larger
 * counterpart made by `create` (amortised O(1) per added agent).
 */
export function enlarge<T extends { capacity: number; used: number }>(
  pool: T,
  create: (capacity: number) => T,
): T {
  const bigger = create(pool.capacity * 2);
  for (const key of Object.keys(pool) as (keyof T)[]) {
    const from = pool[key];
    if (ArrayBuffer.isView(from)) (bigger[key] as unknown as { set(a: unknown): void }).set(from);
  }
  bigger.used = pool.used;
  return bigger;
}

/** Doubles a typed array's length, keeping its contents (amortised O(1) per added agent). */
export function grow<T extends Float64Array | Float32Array | Int32Array | Uint8Array>(
  a: T,
  length: number,
): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

export function emptyCounters(): Counters {
  return {
    volunteers: 0,
    cores: 0,
    organisers: 0,
    members: 0,
    organizations: 0,
    organizationsFounded: 0,
    donors: 0,
    projectsRecruiting: 0,
    projectsRunning: 0,
    projectsStarted: 0,
    projectsCompleted: 0,
    projectsFailed: 0,
    served: 0,
  };
}
