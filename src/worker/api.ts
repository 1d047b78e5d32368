/**
 * What a worker does: run whole, validated scenarios and return their flat metrics. Pure: no Node
 * or DOM API, so the same object is exposed through comlink in a Node `worker_threads` worker
 * (node-entry.ts) and in the web app's module workers (web/worker/run.worker.ts, which adds a
 * summary of a scenario file). No validation here, so the worker does not load zod.
 */

import { runProgrammeReplicate } from '../analysis/programmeReplicate.ts';
import { runScenario, runSummary } from '../analysis/summary.ts';
import { type Respondent, surveyOnce } from '../analysis/survey.ts';
import { type RunMetrics, runMetrics } from '../batch/metrics.ts';
import { CommunityShard, type ReplicateResult, type ShardRow } from '../engine/district.ts';
import type { CommunityAdjustment, CommunityReport } from '../engine/districtTypes.ts';
import type { RunSummary } from '../engine/result.ts';
import type { Programme } from '../model/programmeCommunities.ts';
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

/** Programmes loaded into this worker, and the shards of communities it holds (src/worker/nodeProgramme.ts). */
const programmes = new Map<string, Programme>();
const shards = new Map<string, CommunityShard>();

export const workerApi = {
  run: runTask,
  /** The flat metrics of a validated scenario's run. */
  metrics(scenario: Scenario): RunMetrics {
    return runMetrics(runScenario(scenario).summary);
  },
  /** A whole programme replicate in this worker (the web app parallelises over replicates this way). */
  programmeReplicate(programme: Programme, seed: number): ReplicateResult {
    return runProgrammeReplicate(programme, seed);
  },
  /** Keeps a resolved programme under `key` for the shards that follow. */
  programmeLoad(key: string, programme: Programme): void {
    programmes.set(key, programme);
  },
  /** Opens a shard of the programme's communities for the replicate `seed`; returns their week-0 reports. */
  programmeOpen(key: string, seed: number, indices: number[]): CommunityReport[] {
    const programme = programmes.get(key);
    if (!programme) throw new Error(`programme ${key} is not loaded in this worker`);
    const shard = new CommunityShard(programme, seed, indices);
    shards.set(key, shard);
    return shard.reports();
  },
  /** Applies the adjustments (one per community of the shard, in its order), runs a week, reports. */
  programmeStep(key: string, adjustments: CommunityAdjustment[]): CommunityReport[] {
    const shard = shards.get(key);
    if (!shard) throw new Error(`no open shard ${key} in this worker`);
    return shard.step(adjustments);
  },
  /** The shard's community rows at the end of the replicate; the shard is closed. */
  programmeRows(key: string): ShardRow[] {
    const shard = shards.get(key);
    if (!shard) throw new Error(`no open shard ${key} in this worker`);
    shards.delete(key);
    return shard.rows(shard.programme, runSummary);
  },
  /** Forgets a programme and its shard. */
  programmeUnload(key: string): void {
    programmes.delete(key);
    shards.delete(key);
  },
  /** Answers once the worker's modules are loaded (for start-up measurements). */
  ping(): number {
    return now();
  },
};

export type WorkerApi = typeof workerApi;
