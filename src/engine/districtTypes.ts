/**
 * What crosses between a community and its district each week, and what a programme replicate
 * returns. Small, plain objects: they are what the worker shards exchange (docs/programme.md,
 * "The coupling").
 */
import type { ElementId, ModeId } from '../model/elements.ts';
import type { InstrumentId } from '../model/programmeParameters.ts';

/** A community’s state after its week, as the district reads it. */
export interface CommunityReport {
  index: number;
  residents: number;
  /** Mean need summed over the three needs (0–3). */
  need: number;
  /** Mean of the five elements' strengths (0–1). */
  strength: number;
  /** The programme’s agency workers stationed in the community (FTE) and the stationed team’s skill, after the week. */
  stationedFte: number;
  stationedSkill: number;
  /** Yuan donors gave to the community fund this week. */
  donations: number;
  volunteers: number;
  members: number;
  organizations: number;
  /** Yuan in the community’s charity fund. */
  fund: number;
  /** All social workers present (FTE). */
  socialWorkers: number;
  /** Para-professional trainees the community can still take (untrained candidates, room below full strength). */
  trainingRoom: number;
  /** Residents ever served by any element. */
  served: number;
}

/** What the district does to a community before its next week. */
export interface CommunityAdjustment {
  /** Agency hours this week: stationed FTE and skill, and weeks left on the programme’s contract; null leaves the team alone. */
  stationed: { fte: number; skill: number; contractLeft: number } | null;
  /** The programme’s incentive scheme on or off (null: unchanged). */
  incentive: boolean | null;
  /** Programme-paid para-professional trainees to start this week. */
  trainees: number;
  /** A project grant (公益创投) paid into the community fund over `weeks` (Model 2’s grant), or null. */
  grant: { amount: number; weeks: number } | null;
  /** Yuan the district foundation grants into the community fund (matching). */
  fundGrant: number;
  /** Visits from neighbouring communities' volunteers and organisations. */
  visitsIn: number;
}

export interface Snapshot {
  volunteers: number;
  organizations: number;
  /** Yuan in the community fund. */
  fund: number;
  socialWorkers: number;
  /** Mean of the five strengths. */
  strength: number;
}

/** One community of one replicate. */
export interface CommunityRow {
  index: number;
  id: string;
  residents: number;
  /** The community’s share of the programme under the allocation rule (0–1, shares add up to 1). */
  allocation: number;
  /** Yuan allocated to and spent in the community, per instrument. */
  budget: Record<InstrumentId, number>;
  spent: Record<InstrumentId, number>;
  /** Agency FTE bought for the community (before coordination overhead). */
  purchasedFte: number;
  initial: Record<ElementId, number>;
  /** Residents ever served; residents whose need (any of the three) fell below its week-0 level. */
  helped: number;
  improved: number;
  /** Share of residents ever served, per element. */
  coverage: Record<ElementId, number>;
  mode: ModeId;
  firstMover: ElementId | null;
  /** Week by which all five elements had rolled in (full linkage), or null. */
  fullLinkageWeek: number | null;
  atFundingEnd: Snapshot;
  /** Per week (index = week, 0 = the start): mean strength of the five elements, active volunteers (for small multiples). */
  weekly: { strength: number[]; volunteers: number[] };
  /** One, two, … years after the money ended (52, 104, … weeks after `fundingWeeks`, within the horizon). */
  yearsAfter: Snapshot[];
  atEnd: Snapshot;
}

/** The district’s accounts over a replicate (worker hours and money are conserved: see the tests). */
export interface DistrictLedger {
  /** Agency FTE-weeks bought, delivered to communities, and lost to coordination between them. */
  purchasedFteWeeks: number;
  deliveredFteWeeks: number;
  overheadFteWeeks: number;
  /** Yuan spent per instrument, and in all. */
  spent: Record<InstrumentId, number>;
  totalSpent: number;
  /** District foundation: yuan in (matching money, donations), granted out, left at the end. */
  foundationIn: number;
  foundationGranted: number;
  foundationLeft: number;
}

/** District totals per week (index = week, 0 = the start). */
export interface DistrictSeries {
  volunteers: number[];
  organizations: number[];
  fund: number[];
  socialWorkers: number[];
  served: number[];
}

/** One replicate of a programme (one seed). */
export interface ReplicateResult {
  seed: number;
  rows: CommunityRow[];
  ledger: DistrictLedger;
  series: DistrictSeries;
}
