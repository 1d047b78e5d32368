import { SERIES_COLUMNS } from '../engine/reporters.ts';
import {
  type LinkageEvent,
  type Pathway,
  PRODUCED_WIDTH,
  type RunRecording,
  type RunSummary,
} from '../engine/result.ts';
import { Simulation } from '../engine/run.ts';
import type { Parameters } from '../model/parameters.ts';
import type { Scenario } from '../model/scenario.ts';
import { analysePathway } from './pathway.ts';

/** The summary of a run: the engine's record with the pathway read off it (analysis/pathway.ts). */
export function summaryOf(record: RunRecording, parameters: Parameters): RunSummary {
  const { produced: _produced, funded: _funded, moved: _moved, ...r } = record;
  return {
    scenario: r.scenario,
    seed: r.seed,
    ticks: r.ticks,
    residents: r.residents,
    strategy: r.strategy,
    pathway: analysePathway(record, parameters),
    initial: r.initial,
    final: r.final,
    series: r.series,
    flows: r.flows,
    outcomes: r.outcomes,
  };
}

/** The pathway of a simulation up to the week it has reached (cheap: reads views of its record). */
export function pathwayOf(sim: Simulation): Pathway {
  const t = sim.tick;
  const series: Record<string, Float64Array> = {};
  SERIES_COLUMNS.forEach((id, k) => {
    series[id] = sim.columns[k].subarray(0, t + 1);
  });
  const produced = sim.produced.subarray(0, (t + 1) * PRODUCED_WIDTH);
  const funded = sim.funded.subarray(0, (t + 1) * 5);
  const moved = sim.moved.subarray(0, (t + 1) * 5);
  return analysePathway(
    { ticks: t, residents: sim.scenario.residents, produced, funded, moved, series },
    sim.scenario.parameters,
  );
}

/** The summary of a simulation up to the week it has reached. */
export function runSummary(sim: Simulation): RunSummary {
  return summaryOf(sim.record(), sim.scenario.parameters);
}

export interface RunOptions {
  /** Keep the individual event log (can be large). */
  events?: boolean;
  eventLimit?: number;
  /** Called after each week with the week number (for progress). */
  onTick?: (tick: number) => void;
}

export interface RunOutput {
  summary: RunSummary;
  events: LinkageEvent[];
  /** Events not kept because the log reached its limit. */
  eventsDropped: number;
}

/** Runs a scenario to its end. */
export function runScenario(scenario: Scenario, options: RunOptions = {}): RunOutput {
  const sim = new Simulation(scenario, { events: options.events, eventLimit: options.eventLimit });
  while (!sim.done) {
    sim.step();
    options.onTick?.(sim.tick);
  }
  return {
    summary: runSummary(sim),
    events: options.events ? sim.events() : [],
    eventsDropped: sim.eventsDropped,
  };
}
