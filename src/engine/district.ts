/**
 * A district: a programme’s communities coupled every week (docs/programme.md). Each week every
 * community runs its own week (src/engine/step.ts) in whichever shard holds it, then the exchange
 * phase (districtExchange.ts) moves the coupling quantities — agency hours, foundation grants,
 * spill-over — deterministically in community order. `runProgrammeReplicate` (src/analysis/programmeReplicate.ts) runs a whole district
 * in one thread (tests, the browser’s web worker); src/worker/nodeProgramme.ts runs the shards on
 * the worker pool with the same `DistrictRun`, so the output is the same with 1 or N workers.
 * Pure: no Node or DOM API.
 */
import type { Programme } from '../model/programmeCommunities.ts';
import { INSTRUMENTS, type InstrumentId } from '../model/programmeParameters.ts';
import { DistrictExchange } from './districtExchange.ts';
import type {
  CommunityAdjustment,
  CommunityReport,
  CommunityRow,
  DistrictSeries,
  ReplicateResult,
} from './districtTypes.ts';
import { round } from './run.ts';

export { CommunityShard, communitySeed } from './districtShard.ts';
export type { CommunityAdjustment, CommunityReport, CommunityRow, ReplicateResult } from './districtTypes.ts';

/** A community row as a shard computes it (the district adds the money columns). */
export type ShardRow = Omit<CommunityRow, 'allocation' | 'budget' | 'spent' | 'purchasedFte'>;

/** The district’s bookkeeping over one replicate: feed it every week’s reports in community order. */
export class DistrictRun {
  private exchange!: DistrictExchange;
  private readonly series: DistrictSeries = {
    volunteers: [],
    organizations: [],
    fund: [],
    socialWorkers: [],
    served: [],
  };

  constructor(
    readonly programme: Programme,
    readonly seed: number,
  ) {}

  /** The starting reports (week 0), all communities in order. */
  begin(reports: readonly CommunityReport[]): void {
    this.exchange = new DistrictExchange(this.programme, reports);
    this.record(reports);
  }

  /** The adjustments before week `week`, from the latest reports. */
  adjust(week: number, reports: readonly CommunityReport[]): CommunityAdjustment[] {
    return this.exchange.adjust(week, reports);
  }

  /** After week `week`: the exchange phase. */
  settle(week: number, reports: readonly CommunityReport[]): void {
    this.exchange.settle(week, reports);
    this.record(reports);
  }

  /** The replicate’s result from the shards' rows (any order). */
  result(rows: readonly ShardRow[]): ReplicateResult {
    const x = this.exchange;
    const sorted = [...rows].sort((a, b) => a.index - b.index);
    const money = (table: Record<InstrumentId, Float64Array>, c: number) =>
      Object.fromEntries(INSTRUMENTS.map((id) => [id, round(table[id][c])])) as Record<InstrumentId, number>;
    const full: CommunityRow[] = sorted.map((r) => ({
      ...r,
      allocation: round(x.shares[r.index]),
      budget: money(x.budget, r.index),
      spent: money(x.spent, r.index),
      purchasedFte: round(x.purchasedFte[r.index]),
    }));
    const l = x.ledger;
    return {
      seed: this.seed,
      rows: full,
      ledger: {
        purchasedFteWeeks: round(l.purchasedFteWeeks),
        deliveredFteWeeks: round(l.deliveredFteWeeks),
        overheadFteWeeks: round(l.overheadFteWeeks),
        spent: Object.fromEntries(INSTRUMENTS.map((id) => [id, round(l.spent[id])])) as Record<
          InstrumentId,
          number
        >,
        totalSpent: round(l.totalSpent),
        foundationIn: round(l.foundationIn),
        foundationGranted: round(l.foundationGranted),
        foundationLeft: round(l.foundationLeft),
      },
      series: this.series,
    };
  }

  private record(reports: readonly CommunityReport[]): void {
    let v = 0;
    let o = 0;
    let f = 0;
    let s = 0;
    let h = 0;
    for (const r of reports) {
      v += r.volunteers;
      o += r.organizations;
      f += r.fund;
      s += r.socialWorkers;
      h += r.served;
    }
    this.series.volunteers.push(v);
    this.series.organizations.push(o);
    this.series.fund.push(round(f));
    this.series.socialWorkers.push(round(s));
    this.series.served.push(h);
  }
}

/** Called after each week of a replicate with the week number (for progress). */
export type WeekCallback = (week: number) => void;
