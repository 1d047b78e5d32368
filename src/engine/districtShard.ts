/**
 * The communities' side of the weekly coupling: a shard of a programme’s communities, each a
 * Simulation (one World) stepped a week at a time. Before a week it applies the district’s
 * adjustment through Model 2’s own means (a grant and the incentive scheme as interventions on the
 * community’s timeline, agency hours as its stationed team under a contract, trainees through the
 * training pipeline, matching into the charity fund, neighbours' visits as service contacts);
 * after the week it reports the coupling quantities. A shard holds any subset of the communities:
 * the same community with the same adjustments gives the same week wherever it runs.
 */
import { COMMUNITY, ELEMENTS, ORGANIZATIONS, VOLUNTEERS } from '../model/elements.ts';
import type { Intervention } from '../model/interventions.ts';
import type { Programme } from '../model/programmeCommunities.ts';
import type { CommunityAdjustment, CommunityReport, CommunityRow, Snapshot } from './districtTypes.ts';
import { currentNeed } from './needState.ts';
import { localGiving, schedule } from './ops.ts';
import { namedStream, type Random, randomInt } from './random.ts';
import { SERIES_COLUMNS } from './reporters.ts';
import type { RunSummary } from './result.ts';
import { round, Simulation } from './run.ts';
import { serve } from './serve.ts';
import { NEED_PSYCHOLOGICAL, NEED_SOCIAL, PIPELINE_TRAINING, type World } from './state.ts';
import { measureStrength } from './strength.ts';
import { joinTeam, leaveTeam, refreshTeam } from './team.ts';

/** The seed of community `index` in the replicate with seed `seed` (the same in every design: common random numbers). */
export function communitySeed(seed: number, index: number): number {
  const random = namedStream(seed, `programme-community-${index}`);
  return Math.floor(random() * 4294967296) >>> 0;
}

const COLUMN = Object.fromEntries(SERIES_COLUMNS.map((name: string, k: number) => [name, k])) as Record<
  string,
  number
>;

export class CommunityShard {
  readonly sims: Simulation[];
  private readonly spill: Random[];
  private readonly timelines: Intervention[][];
  /** Agency FTE the programme stationed in each community this week. */
  private readonly programmeFte: Float64Array;

  constructor(
    readonly programme: Programme,
    readonly seed: number,
    readonly indices: readonly number[],
  ) {
    this.timelines = indices.map((c) => [...programme.members[c].interventions]);
    this.sims = indices.map(
      (c, k) =>
        new Simulation({
          ...programme.members[c],
          seed: communitySeed(seed, c),
          interventions: this.timelines[k],
        }),
    );
    this.programmeFte = new Float64Array(indices.length);
    this.spill = indices.map((c) => namedStream(communitySeed(seed, c), 'district-spillover'));
  }

  /** The reports of the communities' current state (at the start: week 0). */
  reports(donations?: Float64Array): CommunityReport[] {
    return this.sims.map((sim, k) =>
      report(this.indices[k], sim.world, donations ? donations[k] : 0, this.programmeFte[k]),
    );
  }

  /** Applies each community’s adjustment (in the shard’s order, one per index), runs its week, reports. */
  step(adjustments: readonly CommunityAdjustment[]): CommunityReport[] {
    const donations = new Float64Array(this.sims.length);
    for (let k = 0; k < this.sims.length; k++) {
      const sim = this.sims[k];
      const w = sim.world;
      this.apply(k, w, adjustments[k]);
      // donors' gifts of the week, as the week’s fund collection will count them
      donations[k] = localGiving(w);
      sim.step();
    }
    return this.reports(donations);
  }

  private apply(k: number, w: World, a: CommunityAdjustment): void {
    const week = w.tick;
    const timeline = this.timelines[k];
    if (a.grant) timeline.push({ type: 'grant', tick: week, amount: a.grant.amount, weeks: a.grant.weeks });
    if (a.incentive !== null) timeline.push({ type: 'incentive', tick: week, on: a.incentive });
    if (a.stationed) {
      // the agency’s hours this week replace last week’s; the community’s own stationed workers
      // stay, and the agency takes over their contract: it ends with the programme, when Model 2’s
      // contract end decides for the whole stationed team (renewed, taken over by the fund, or gone)
      const sw = w.socialWorkers;
      leaveTeam(sw.stationed, this.programmeFte[k]);
      joinTeam(sw.stationed, a.stationed.fte, a.stationed.skill);
      this.programmeFte[k] = a.stationed.fte;
      sw.contractLeft = sw.stationed.fte > 0 ? a.stationed.contractLeft : 0;
      refreshTeam(sw);
    } else this.programmeFte[k] = 0;
    if (a.trainees > 0) {
      const lag = w.params.socialWorkers.trainingWeeks;
      for (let t = 0; t < a.trainees; t++) schedule(w, PIPELINE_TRAINING, COMMUNITY, week + 1 + lag);
    }
    if (a.fundGrant > 0) w.charity.fund += a.fundGrant;
    if (a.visitsIn > 0) {
      const random = this.spill[k];
      const visits = Math.floor(a.visitsIn) + (random() < a.visitsIn % 1 ? 1 : 0);
      const { volunteerStrength, memberStrength } = w.params.services;
      const n = w.residents.count;
      for (let v = 0; v < visits; v++) {
        const i = randomInt(random, n);
        if (v % 2 === 0) serve(w, i, VOLUNTEERS, NEED_PSYCHOLOGICAL, volunteerStrength, false);
        else serve(w, i, ORGANIZATIONS, NEED_SOCIAL, memberStrength, false);
      }
    }
  }

  /**
   * One row per community of the shard, at the end of the run; `summarise` gives the run’s summary
   * (src/analysis/summary.ts: the pathway and outcomes belong to the analysis layer).
   */
  rows(
    funding: { fundingWeeks: number },
    summarise: (sim: Simulation) => RunSummary,
  ): Omit<CommunityRow, 'allocation' | 'budget' | 'spent' | 'purchasedFte'>[] {
    return this.sims.map((sim, k) => {
      const s = summarise(sim);
      const w = sim.world;
      return {
        index: this.indices[k],
        id: sim.scenario.id,
        residents: w.residents.count,
        initial: s.initial.strength,
        helped: w.counters.served,
        improved: improvedResidents(w),
        coverage: s.outcomes.coverage,
        mode: s.pathway.mode,
        firstMover: s.pathway.firstMover,
        fullLinkageWeek: s.pathway.allInvolvedTick,
        weekly: weekly(sim, w.tick),
        atFundingEnd: snapshot(sim, Math.min(funding.fundingWeeks, w.tick)),
        yearsAfter: Array.from(
          { length: Math.max(0, Math.floor((w.tick - funding.fundingWeeks) / 52)) },
          (_, y) => snapshot(sim, funding.fundingWeeks + 52 * (y + 1)),
        ),
        atEnd: snapshot(sim, w.tick),
      };
    });
  }
}

function snapshot(sim: Simulation, week: number): Snapshot {
  const col = (name: string) => sim.columns[COLUMN[name]][week];
  let strength = 0;
  for (const e of ELEMENTS) strength += col(`strength.${e}`);
  return {
    volunteers: col('volunteers'),
    organizations: col('organizations'),
    fund: round(col('fund')),
    socialWorkers: round(col('socialWorkers')),
    strength: round(strength / ELEMENTS.length),
  };
}

function weekly(sim: Simulation, weeks: number): { strength: number[]; volunteers: number[] } {
  const strength: number[] = [];
  const volunteers: number[] = [];
  const cols = ELEMENTS.map((e) => sim.columns[COLUMN[`strength.${e}`]]);
  const vol = sim.columns[COLUMN.volunteers];
  for (let t = 0; t <= weeks; t++) {
    let s = 0;
    for (const c of cols) s += c[t];
    strength.push(round(s / cols.length));
    volunteers.push(vol[t]);
  }
  return { strength, volunteers };
}

/** Residents whose need, on any of the three, fell below its week-0 level by the improvement margin. */
function improvedResidents(w: World): number {
  const res = w.residents;
  const margin = w.params.services.improvement;
  let n = 0;
  for (let i = 0; i < res.count; i++) {
    for (let k = 0; k < 3; k++) {
      if (currentNeed(w, i, k) < res.needReference[3 * i + k] - margin) {
        n++;
        break;
      }
    }
  }
  return n;
}

const STRENGTH = new Float64Array(5);

function report(index: number, w: World, donations: number, programmeFte: number): CommunityReport {
  const sw = w.socialWorkers;
  let strength = 0;
  measureStrength(w, w.ref, STRENGTH);
  for (let e = 0; e < 5; e++) strength += STRENGTH[e];
  const p = w.params.socialWorkers;
  let pending = 0;
  const q = w.pipeline;
  for (let k = 0; k < q.count; k++) if (q.kind[k] === PIPELINE_TRAINING) pending++;
  const candidates = w.committee.staff + w.counters.cores;
  const untrained = candidates - sw.local.fte / Math.max(1e-9, p.paraFte) - pending;
  const room = (w.ref.socialWorkers - sw.fte) / Math.max(1e-9, p.paraFte) - pending;
  return {
    index,
    residents: w.residents.count,
    need: w.meanNeed[0] + w.meanNeed[1] + w.meanNeed[2],
    strength: strength / 5,
    stationedFte: Math.min(programmeFte, sw.stationed.fte),
    stationedSkill: sw.stationed.skill,
    donations,
    volunteers: w.counters.volunteers,
    members: w.counters.members,
    organizations: w.counters.organizations,
    fund: w.charity.fund,
    socialWorkers: sw.fte,
    trainingRoom: Math.max(0, Math.min(untrained, room)),
    served: w.counters.served,
  };
}
