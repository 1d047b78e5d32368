import type { RunSummary } from '../../engine/result.ts';

/**
 * A pattern of the pattern battery (pattern-oriented validation, Grimm et al. 2005): a claim from
 * the report or a reference figure, the runs that test it and how they are judged. Declared as data
 * plus a measure function; `evaluate.ts` runs and judges them.
 */
export interface Pattern {
  id: string;
  title: { zh: string; en: string };
  /** Where the claim comes from (the report, a study, a statistic) or "assumption". */
  source: string;
  /** What is expected, in words, including the pass criterion. */
  expected: string;
  /**
   * Scenario files run for every seed, by arm name (the seed is set per run). An arm may name
   * `knockouts` (mechanism ids switched off): such a pattern fails with a message when the build
   * does not support knock-outs.
   */
  arms: Record<string, Record<string, unknown>>;
  /** The judgement over seeds. */
  judge: Judge;
  /**
   * What one seed shows, from the summaries of its runs by arm: for a `share` judgement one or more
   * yes/no trials (pooled over seeds), for a `mean` judgement a number (null: no value this seed).
   */
  measure(runs: Record<string, RunSummary>): boolean[] | number | null;
  /** Unit of the measured value (for `mean`) or of a trial (for `share`), in words. */
  unit: string;
}

export type Judge =
  /** The share of trials that are true is at least `atLeast`; reported with a 95% Wilson interval. */
  | { kind: 'share'; atLeast: number }
  /**
   * The mean over seeds lies in [above, below] (with `wholeInterval`, its whole 95% t interval
   * does: the effect is clear at this number of seeds); reported with that interval.
   */
  | { kind: 'mean'; above?: number; below?: number; wholeInterval?: boolean };

export interface PatternResult {
  id: string;
  title: { zh: string; en: string };
  source: string;
  expected: string;
  unit: string;
  seeds: number;
  /** The share of trials or the mean, null when nothing could be measured. */
  measured: number | null;
  low: number | null;
  high: number | null;
  /** Trials (`share`) or seeds with a value (`mean`). */
  n: number;
  pass: boolean;
  /** Why the pattern could not be measured (bad scenario, unsupported knock-outs, failed runs). */
  error?: string;
}
