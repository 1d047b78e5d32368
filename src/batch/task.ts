/**
 * One run of a batch: the task a sweep, a landscape or a calibration hands out and the outcome it
 * gets back. Pure: no Node or DOM API. The workers (src/worker/api.ts) run these tasks; the batch
 * layer runs them in this thread when it has no pool, so it defines them and the worker layer
 * imports them from here, never the other way round.
 */
import { runScenario } from '../analysis/summary.ts';
import { type Respondent, surveyOnce } from '../analysis/survey.ts';
import type { RunSummary } from '../engine/result.ts';
import type { Scenario } from '../model/scenario.ts';
import { type RunMetrics, runMetrics } from './metrics.ts';

/** A run to do: `id` is the caller's (the run index of a sweep, the point index of a landscape). */
export interface RunTask {
  id: number;
  /** A validated scenario, seed included. */
  scenario: Scenario;
  /**
   * A survey replicate instead of a run: every community of the scenario's ensemble is run with
   * the scenario's seed and this many respondents are surveyed (calibration's replicates).
   */
  survey?: { respondents: number };
  /** Return the whole run summary as well as the metrics (the pattern battery reads series). */
  full?: boolean;
}

/** A finished run: metrics, or the error the run failed with. */
export interface RunOutcome {
  id: number;
  metrics?: RunMetrics;
  /** The respondents of a survey replicate. */
  respondents?: Respondent[];
  /** The run's summary, when the task asked for it (`full`). */
  summary?: RunSummary;
  error?: string;
  /** When the run began, in ms since the Unix epoch (for start-up measurements; never written to results). */
  startedAt: number;
}

/** Milliseconds since the Unix epoch (start-up measurements only; never part of a result). */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

/** Runs one task; a failure in the run becomes the outcome's `error`, never an exception. */
export function runTask(task: RunTask): RunOutcome {
  const startedAt = now();
  try {
    if (task.survey) {
      const { respondents } = surveyOnce(task.scenario, task.scenario.seed, task.survey.respondents);
      return { id: task.id, respondents, startedAt };
    }
    const { summary } = runScenario(task.scenario);
    const out: RunOutcome = { id: task.id, metrics: runMetrics(summary), startedAt };
    if (task.full) out.summary = summary;
    return out;
  } catch (e) {
    const message = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
    return { id: task.id, error: message || 'run failed', startedAt };
  }
}
