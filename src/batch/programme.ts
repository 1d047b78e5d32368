/**
 * A programme over replicate seeds: the seeds (the same for every design of a comparison: common
 * random numbers), intervals over replicates for every metric, per-community means, and paired
 * differences between designs. The replicates themselves come from `runProgrammeReplicate` (one
 * thread) or the worker pool (src/worker/nodeProgramme.ts); both give the same numbers.
 * Pure: no Node or DOM API.
 */
import { type ProgrammeMetrics, replicateMetrics } from '../analysis/programmeMetrics.ts';
import { runProgrammeReplicate } from '../analysis/programmeReplicate.ts';
import type { ReplicateResult } from '../engine/district.ts';
import type { Programme } from '../model/programmeCommunities.ts';
import { deriveSeed } from './seeds.ts';
import { describe, tidy } from './stats.ts';

/** A figure over replicates: its mean and 95% interval (t interval of the mean; null with one replicate). */
export interface Interval {
  mean: number | null;
  lo: number | null;
  hi: number | null;
  /** Replicates with a defined value. */
  n: number;
}

/** One community over the replicates. */
export interface CommunitySummary {
  index: number;
  id: string;
  residents: number;
  allocation: number;
  /** Yuan allocated to the community, all instruments. */
  budget: number;
  spent: Interval;
  helped: Interval;
  improved: Interval;
  improvedShare: Interval;
  /** Share of replicates in which the community reached full linkage, and the mean week it did. */
  fullLinkage: Interval;
  fullLinkageWeek: Interval;
  /** Mean strength of the five elements when the money ended and at the end. */
  strengthAtFundingEnd: Interval;
  strengthAtEnd: Interval;
  volunteersAtEnd: Interval;
  /** The pathway the community took most often, and in what share of replicates. */
  mode: string;
  modeShare: number;
}

/** A programme’s result over replicate seeds. */
export interface ProgrammeResult {
  programme: string;
  seeds: number[];
  weeks: number;
  fundingWeeks: number;
  communities: number;
  budget: number;
  /** Every metric of src/analysis/programmeMetrics.ts, as an interval over replicates. */
  summary: Record<string, Interval>;
  /** Per community, in community order. */
  perCommunity: CommunitySummary[];
  /** Each replicate’s rows, ledger and district series, in seed order. */
  replicates: ReplicateResult[];
  /** Each replicate’s metrics, in seed order (for paired differences). */
  metrics: ProgrammeMetrics[];
}

export interface ProgrammeRunOptions {
  /** Number of replicate seeds (derived from the programme’s seed; default 10). */
  seeds?: number;
  /** The master seed of the replicates (default the programme’s `seed`; `compare` passes one for all designs). */
  master?: number;
  /** Called after each community-week done, with the work done and the total (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** The replicate seeds: `deriveSeed(master, 0, r)`, so every design run with one master shares them. */
export function replicateSeeds(master: number, count: number): number[] {
  return Array.from({ length: count }, (_, r) => deriveSeed(master, 0, r));
}

/** An interval of the finite values (NaN, e.g. "no community reached full linkage", is left out). */
export function interval(values: readonly number[]): Interval {
  const finite = values.filter((v) => Number.isFinite(v));
  const d = describe(finite);
  const t = (x: number | null) => (x === null ? null : tidy(x, 8));
  if (d.n === 1) return { mean: t(d.mean), lo: null, hi: null, n: 1 };
  return { mean: t(d.mean), lo: t(d.ciLow), hi: t(d.ciHigh), n: d.n };
}

/**
 * What summarising a programme's replicates needs to know of the programme: a resolved `Programme`
 * has it all; `wushe programme merge` takes it from the shards' files (the communities' ids from
 * the replicates' rows).
 */
export interface ProgrammeFacts {
  id: string;
  weeks: number;
  fundingWeeks: number;
  budget: number;
  members: readonly { id: string }[];
}

/** Intervals, per-community summaries and metrics from replicates (in seed order). */
export function summariseProgramme(
  programme: ProgrammeFacts,
  replicates: ReplicateResult[],
): ProgrammeResult {
  const metrics = replicates.map((r) => replicateMetrics(r, programme.fundingWeeks));
  const names = Object.keys(metrics[0] ?? {});
  const summary: Record<string, Interval> = {};
  for (const name of names) summary[name] = interval(metrics.map((m) => m[name]));
  const perCommunity: CommunitySummary[] = programme.members.map((member, c) => {
    const rows = replicates.map((r) => r.rows[c]);
    const first = rows[0];
    const modes = new Map<string, number>();
    for (const row of rows) modes.set(row.mode, (modes.get(row.mode) ?? 0) + 1);
    let mode = first.mode as string;
    for (const [k, v] of modes) if (v > (modes.get(mode) ?? 0)) mode = k;
    const of = (get: (row: (typeof rows)[number]) => number) => interval(rows.map(get));
    return {
      index: c,
      id: member.id,
      residents: first.residents,
      allocation: first.allocation,
      budget: tidy(
        Object.values(first.budget).reduce((s, x) => s + x, 0),
        10,
      ),
      spent: of((row) => Object.values(row.spent).reduce((s, x) => s + x, 0)),
      helped: of((row) => row.helped),
      improved: of((row) => row.improved),
      improvedShare: of((row) => row.improved / row.residents),
      fullLinkage: of((row) => (row.fullLinkageWeek === null ? 0 : 1)),
      fullLinkageWeek: of((row) => row.fullLinkageWeek ?? Number.NaN),
      strengthAtFundingEnd: of((row) => row.atFundingEnd.strength),
      strengthAtEnd: of((row) => row.atEnd.strength),
      volunteersAtEnd: of((row) => row.atEnd.volunteers),
      mode,
      modeShare: tidy((modes.get(mode) ?? 0) / rows.length, 6),
    };
  });
  return {
    programme: programme.id,
    seeds: replicates.map((r) => r.seed),
    weeks: programme.weeks,
    fundingWeeks: programme.fundingWeeks,
    communities: programme.members.length,
    budget: programme.budget,
    summary,
    perCommunity,
    replicates,
    metrics,
  };
}

/**
 * Runs a programme’s replicates in this thread (tests, the browser’s worker); the Node command line
 * uses the worker pool (src/worker/nodeProgramme.ts) and gets the same result.
 */
export function runProgrammeInProcess(
  programme: Programme,
  options: ProgrammeRunOptions = {},
): ProgrammeResult {
  const seeds = replicateSeeds(options.master ?? programme.seed, options.seeds ?? 10);
  const total = seeds.length * programme.weeks * programme.members.length;
  let done = 0;
  const replicates = seeds.map((seed) =>
    runProgrammeReplicate(programme, seed, () => {
      done += programme.members.length;
      options.onProgress?.(done, total);
    }),
  );
  return summariseProgramme(programme, replicates);
}

/** Paired differences B − A per metric over common replicate seeds (designs run with the same master seed). */
export function pairedDifferences(a: ProgrammeResult, b: ProgrammeResult): Record<string, Interval> {
  if (a.seeds.join() !== b.seeds.join())
    throw new Error('paired differences need the same replicate seeds (common random numbers)');
  const out: Record<string, Interval> = {};
  for (const name of Object.keys(a.summary))
    out[name] = interval(a.metrics.map((m, r) => (b.metrics[r][name] ?? Number.NaN) - m[name]));
  return out;
}
