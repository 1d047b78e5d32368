import type { ReplicateResult } from '../../src/engine/districtTypes.ts';
import type { Pathway, RunSummary } from '../../src/engine/result.ts';
import type { Programme } from '../../src/model/programmeCommunities.ts';
import type { ScenarioFile } from '../../src/model/scenario.ts';
import type { WorkerApi } from '../../src/worker/api.ts';

/** One linkage event as sent to the page: indexes instead of strings, to keep snapshots small. */
export interface EventRow {
  tick: number;
  /** Index into MECHANISMS. */
  mechanism: number;
  source: number;
  target: number;
  actor: number;
  subject: number;
  value: number;
}

/** Flows since the previous snapshot, one per (mechanism, source, target) that moved. */
export interface FlowDelta {
  mechanism: number;
  source: number;
  target: number;
  count: number;
  strength: number;
}

/** Per-resident byte for the community canvas: role (bits 0–2), member of an organisation (bit 3), ever served (bit 4). */
export const CELL_MEMBER = 8;
export const CELL_SERVED = 16;

/** Alive organisations, for markers on the canvas. */
export interface OrgMarks {
  home: Int32Array;
  kind: Uint8Array;
  members: Int32Array;
}

/** What the page receives after each batch of weeks: compact, and with its typed arrays transferred. */
export interface Snapshot {
  tick: number;
  ticks: number;
  done: boolean;
  /** First week whose rows are in `columns` (the previous snapshot's tick + 1; 0 for the first). */
  from: number;
  /** New rows of each series column (SERIES_COLUMNS), weeks `from` … `tick`. */
  columns: number[][];
  flows: FlowDelta[];
  events: EventRow[];
  pathway: Pathway;
  residents: number;
  buildingSize: number;
  cells: Uint8Array;
  orgs: OrgMarks;
  /** Share of residents ever served, per element (read off the residents, nothing settled). */
  coverage: number[];
  /** Share of residents ever served by any element. */
  servedAny: number;
  socialWorkers: number;
  fund: number;
  /** The run's summary, exactly as `wushe run --json` prints it; only once the run is done. */
  summary?: RunSummary;
}

export type LoadResult = { ok: true; snapshot: Snapshot } | { ok: false; errors: string[] };

/** The simulation worker's interface (web/worker/sim.worker.ts). */
export interface SimApi {
  load(file: ScenarioFile): LoadResult;
  /** Runs up to `weeks` weeks (fewer at the end of the run) and returns a snapshot. */
  advance(weeks: number): Snapshot;
  /** Runs to the end in one call. */
  finish(): Snapshot;
  summary(): RunSummary | undefined;
}

/** The run workers' interface (web/worker/run.worker.ts): the library's worker API, and the summary of a scenario file's run. */
export interface RunApi extends WorkerApi {
  /** Validates the file (throws with every problem) and returns its run's summary. */
  summarise(file: ScenarioFile): RunSummary;
  /**
   * One replicate of a resolved programme, as the library's `programmeReplicate` gives it (each
   * community's row with its week-by-week strength), reporting its progress: `onWeek` hears every
   * few weeks and at the last.
   */
  programmeReplicateWithProgress(
    programme: Programme,
    seed: number,
    onWeek?: (week: number) => void,
  ): ReplicateResult;
}

/** How often (in weeks) a programme replicate reports its progress. */
export const PROGRAMME_PROGRESS_EVERY = 4;
