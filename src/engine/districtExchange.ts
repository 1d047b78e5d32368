/**
 * The district’s side of the weekly coupling (docs/programme.md, "The coupling"): the agency pool
 * splits its workers' hours between the communities it serves (less a coordination overhead), the
 * district foundation matches the communities' donations, the programme’s money buys incentives,
 * trainings and grants, and volunteers and organisations spill over to the neighbouring
 * communities (a ring in community order). Pure and deterministic: everything is computed in
 * community order from the communities' reports, so a district split over any number of worker
 * shards gets the same adjustments.
 */
import type { Programme } from '../model/programmeCommunities.ts';
import { INSTRUMENTS, type InstrumentId } from '../model/programmeParameters.ts';
import { allocationShares } from './districtAllocation.ts';
import type { CommunityAdjustment, CommunityReport, DistrictLedger } from './districtTypes.ts';

type PerCommunity = Record<InstrumentId, Float64Array>;

export class DistrictExchange {
  readonly n: number;
  /** Each community’s share of the programme (adds up to 1). */
  readonly shares: Float64Array;
  readonly budget: PerCommunity;
  readonly spent: PerCommunity;
  /** Agency FTE bought per community during the funded weeks. */
  readonly purchasedFte: Float64Array;
  /** Agency serving each community (round robin in community order), and per agency its FTE, overhead and skill. */
  readonly agencyOf: Int32Array;
  readonly agencyFte: Float64Array;
  readonly agencyOverhead: Float64Array;
  readonly agencySkill: Float64Array;
  private readonly traineesPlanned: Float64Array;
  private readonly traineesStarted: Float64Array;
  private readonly matchingLeft: Float64Array;
  /** Grants the foundation owes each community from last week’s donations. */
  private readonly matchDue: Float64Array;
  private incentiveOn: Uint8Array;
  foundation = 0;
  readonly ledger: DistrictLedger;

  constructor(
    readonly programme: Programme,
    initial: readonly CommunityReport[],
  ) {
    const p = programme;
    const n = initial.length;
    this.n = n;
    this.shares = allocationShares(p, initial);
    const make = () => Object.fromEntries(INSTRUMENTS.map((id) => [id, new Float64Array(n)])) as PerCommunity;
    this.budget = make();
    this.spent = make();
    for (const id of INSTRUMENTS) {
      const total = p.budget * p.instruments[id].share;
      for (let c = 0; c < n; c++) this.budget[id][c] = total * this.shares[c];
    }
    const years = p.fundingWeeks / 52;
    this.purchasedFte = new Float64Array(n);
    for (let c = 0; c < n; c++)
      this.purchasedFte[c] = this.budget.socialWork[c] / p.instruments.socialWork.costPerFteYear / years;
    const agencies = Math.max(1, Math.min(p.agencies, n));
    this.agencyOf = new Int32Array(n);
    this.agencyFte = new Float64Array(agencies);
    this.agencyOverhead = new Float64Array(agencies);
    this.agencySkill = new Float64Array(agencies);
    const served = new Float64Array(agencies);
    const skillSum = new Float64Array(agencies);
    for (let c = 0; c < n; c++) {
      const a = c % agencies;
      this.agencyOf[c] = a;
      this.agencyFte[a] += this.purchasedFte[c];
      if (this.purchasedFte[c] > 0) {
        served[a]++;
        skillSum[a] += p.members[c].parameters.socialWorkers.hireSkill * this.purchasedFte[c];
      }
    }
    for (let a = 0; a < agencies; a++) {
      this.agencyOverhead[a] = Math.min(
        p.district.maxOverhead,
        p.district.coordinationOverhead * Math.max(0, served[a] - 1),
      );
      this.agencySkill[a] = this.agencyFte[a] > 0 ? skillSum[a] / this.agencyFte[a] : 0;
    }
    this.traineesPlanned = new Float64Array(n);
    this.traineesStarted = new Float64Array(n);
    for (let c = 0; c < n; c++)
      this.traineesPlanned[c] = Math.floor(
        this.budget.paraTraining[c] / p.instruments.paraTraining.costPerTrainee,
      );
    this.matchingLeft = Float64Array.from(this.budget.fundMatching);
    this.matchDue = new Float64Array(n);
    this.incentiveOn = new Uint8Array(n);
    this.foundation = p.budget * p.instruments.fundMatching.share;
    this.ledger = {
      purchasedFteWeeks: 0,
      deliveredFteWeeks: 0,
      overheadFteWeeks: 0,
      spent: Object.fromEntries(INSTRUMENTS.map((id) => [id, 0])) as Record<InstrumentId, number>,
      totalSpent: 0,
      foundationIn: this.foundation,
      foundationGranted: 0,
      foundationLeft: this.foundation,
    };
  }

  /**
   * The adjustments before week `week` (0-based), from the reports after the week before (at week
   * 0, the starting state). Charges the programme for what it buys this week.
   */
  adjust(week: number, reports: readonly CommunityReport[]): CommunityAdjustment[] {
    const p = this.programme;
    const n = this.n;
    const funded = week < p.fundingWeeks;
    const out: CommunityAdjustment[] = new Array(n);
    const stationed = funded ? this.splitAgencyHours(reports) : null;
    const spill = this.spillover(reports);
    const incentiveWeek = p.instruments.incentives.costPerVolunteerYear / 52;
    for (let c = 0; c < n; c++) {
      const r = reports[c];
      // the incentive scheme runs while the community’s incentive money pays for this week’s volunteers
      let incentive: boolean | null = null;
      if (funded && this.budget.incentives[c] > 0) {
        const bill = r.volunteers * incentiveWeek;
        const left = this.budget.incentives[c] - this.spent.incentives[c];
        const on = bill <= left;
        if (on) this.charge('incentives', c, bill);
        if (on !== (this.incentiveOn[c] === 1)) incentive = on;
        this.incentiveOn[c] = on ? 1 : 0;
      } else if (this.incentiveOn[c]) {
        incentive = false;
        this.incentiveOn[c] = 0;
      }
      // programme-paid trainees, spread evenly over the funded weeks, as places allow
      let trainees = 0;
      if (funded && this.traineesPlanned[c] > 0) {
        const due =
          Math.floor((this.traineesPlanned[c] * (week + 1)) / p.fundingWeeks) - this.traineesStarted[c];
        trainees = Math.max(0, Math.min(due, Math.floor(r.trainingRoom)));
        this.traineesStarted[c] += trainees;
        this.charge('paraTraining', c, trainees * p.instruments.paraTraining.costPerTrainee);
      }
      // project grants (公益创投): paid into the community fund over the funded weeks (a Model 2 grant)
      const grant = week === 0 && this.budget.projectGrants[c] > 0 ? this.budget.projectGrants[c] : 0;
      if (grant > 0) this.charge('projectGrants', c, grant);
      const fundGrant = this.matchDue[c];
      this.matchDue[c] = 0;
      out[c] = {
        stationed: stationed
          ? {
              fte: stationed[c],
              skill: this.agencySkill[this.agencyOf[c]],
              contractLeft: p.fundingWeeks - week,
            }
          : null,
        incentive,
        trainees,
        grant: grant > 0 ? { amount: grant, weeks: p.fundingWeeks } : null,
        fundGrant,
        visitsIn: spill[c],
      };
    }
    if (stationed) {
      // the agency is paid for the FTE bought, whatever part of their time coordination takes
      const weekly = p.instruments.socialWork.costPerFteYear / 52;
      for (let c = 0; c < n; c++) this.charge('socialWork', c, this.purchasedFte[c] * weekly);
      let purchased = 0;
      let delivered = 0;
      for (let a = 0; a < this.agencyFte.length; a++) purchased += this.agencyFte[a];
      for (let c = 0; c < n; c++) delivered += stationed[c];
      this.ledger.purchasedFteWeeks += purchased;
      this.ledger.deliveredFteWeeks += delivered;
      let overhead = 0;
      for (let a = 0; a < this.agencyFte.length; a++) overhead += this.agencyFte[a] * this.agencyOverhead[a];
      this.ledger.overheadFteWeeks += overhead;
    }
    return out;
  }

  /** After week `week`: the agency’s workers learned on the job; the foundation matches this week’s donations (paid next week). */
  settle(week: number, reports: readonly CommunityReport[]): void {
    const p = this.programme;
    if (week < p.fundingWeeks) {
      const fte = new Float64Array(this.agencySkill.length);
      const skill = new Float64Array(this.agencySkill.length);
      for (let c = 0; c < this.n; c++) {
        const a = this.agencyOf[c];
        fte[a] += reports[c].stationedFte;
        skill[a] += reports[c].stationedFte * reports[c].stationedSkill;
      }
      for (let a = 0; a < fte.length; a++) if (fte[a] > 0) this.agencySkill[a] = skill[a] / fte[a];
    }
    const gift = p.district.donationsPerWeek;
    if (gift > 0) {
      this.foundation += gift;
      this.ledger.foundationIn += gift;
      for (let c = 0; c < this.n; c++) {
        this.matchingLeft[c] += gift * this.shares[c];
        this.budget.fundMatching[c] += gift * this.shares[c];
      }
    }
    const ratio = p.instruments.fundMatching.ratio;
    for (let c = 0; c < this.n; c++) {
      const match = Math.min(ratio * reports[c].donations, this.matchingLeft[c], this.foundation);
      if (!(match > 0)) continue;
      this.matchingLeft[c] -= match;
      this.foundation -= match;
      this.matchDue[c] += match;
      this.charge('fundMatching', c, match);
      this.ledger.foundationGranted += match;
    }
    this.ledger.foundationLeft = this.foundation;
  }

  private charge(id: InstrumentId, c: number, yuan: number): void {
    if (!(yuan > 0)) return;
    this.spent[id][c] += yuan;
    this.ledger.spent[id] += yuan;
    this.ledger.totalSpent += yuan;
  }

  /**
   * Agency hours this week per community: each agency’s FTE less its coordination overhead, split
   * between its communities by what was bought for each, moved towards need by `needResponsiveness`.
   */
  private splitAgencyHours(reports: readonly CommunityReport[]): Float64Array {
    const r = this.programme.district.needResponsiveness;
    const agencies = this.agencyFte.length;
    const needSum = new Float64Array(agencies);
    const fteSum = new Float64Array(agencies);
    for (let c = 0; c < this.n; c++) {
      const a = this.agencyOf[c];
      needSum[a] += this.purchasedFte[c] * reports[c].need;
      fteSum[a] += this.purchasedFte[c];
    }
    const weight = new Float64Array(this.n);
    const weightSum = new Float64Array(agencies);
    for (let c = 0; c < this.n; c++) {
      const a = this.agencyOf[c];
      const meanNeed = fteSum[a] > 0 ? needSum[a] / fteSum[a] : 0;
      const relative = meanNeed > 0 ? reports[c].need / meanNeed : 1;
      weight[c] = this.purchasedFte[c] * (1 - r + r * relative);
      weightSum[a] += weight[c];
    }
    const out = new Float64Array(this.n);
    for (let c = 0; c < this.n; c++) {
      const a = this.agencyOf[c];
      if (weightSum[a] > 0)
        out[c] = (this.agencyFte[a] * (1 - this.agencyOverhead[a]) * weight[c]) / weightSum[a];
    }
    return out;
  }

  /** Visits each community receives from its two neighbours on the ring (half of each one’s spill-over). */
  private spillover(reports: readonly CommunityReport[]): Float64Array {
    const n = this.n;
    const into = new Float64Array(n);
    const s = this.programme.district.spillover;
    if (n < 2 || !(s > 0)) return into;
    for (let c = 0; c < n; c++) {
      const { volunteers, organizations } = this.programme.members[c].parameters;
      const out =
        s *
        (reports[c].volunteers * volunteers.visitsPerWeek + reports[c].members * organizations.memberVisits);
      if (n === 2) into[1 - c] += out;
      else {
        into[(c + 1) % n] += out / 2;
        into[(c + n - 1) % n] += out / 2;
      }
    }
    return into;
  }
}
