/**
 * What a worker does: run whole, validated scenarios and return their flat metrics. Pure: no Node
 * or DOM API, so the same object is exposed through comlink in a Node `worker_threads` worker
 * (node-entry.ts) and in the web app's module workers (web/worker/run.worker.ts, which adds a
 * summary of a scenario file). No validation here, so the worker does not load zod.
 */

import { runScenario } from '../analysis/summary.ts';
import { type Respondent, surveyOnce } from '../analysis/survey.ts';
import { type RunMetrics, runMetrics } from '../batch/metrics.ts';
import type { RunSummary } from '../engine/result.ts';
import type { Scenario } from '../model/scenario.ts';

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

function now(): number {
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

export const workerApi = {
  run: runTask,
  /** The flat metrics of a validated scenario's run. */
  metrics(scenario: Scenario): RunMetrics {
    return runMetrics(runScenario(scenario).summary);
  },
  /** Answers once the worker's modules are loaded (for start-up measurements). */
  ping(): number {
    return now();
  },
};

export type WorkerApi = typeof workerApi;
