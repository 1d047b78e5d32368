import * as Comlink from 'comlink';
import type { RunSummary } from '../../src/engine/result.ts';
import { Simulation } from '../../src/engine/run.ts';
import { type ScenarioFile, validateScenario } from '../../src/model/scenario.ts';
import type { LoadResult, SimApi, Snapshot } from './protocol.ts';
import { SnapshotReader } from './snapshot.ts';

/** The page's simulation: one run at a time, stepped week by week off the main thread. */
let sim: Simulation | undefined;
let reader: SnapshotReader | undefined;
let finalSummary: RunSummary | undefined;

function send(): Snapshot {
  const { snapshot, transfer } = reader!.read();
  if (snapshot.summary) finalSummary = snapshot.summary;
  return Comlink.transfer(snapshot, transfer);
}

const api: SimApi = {
  load(file: ScenarioFile): LoadResult {
    const v = validateScenario(file);
    if (!v.ok) return v;
    sim = new Simulation(v.scenario, { events: true });
    reader = new SnapshotReader(sim);
    finalSummary = undefined;
    return { ok: true, snapshot: send() };
  },
  advance(weeks: number): Snapshot {
    for (let k = 0; k < weeks && !sim!.done; k++) sim!.step();
    return send();
  },
  finish(): Snapshot {
    while (!sim!.done) sim!.step();
    return send();
  },
  summary(): RunSummary | undefined {
    return finalSummary;
  },
};

Comlink.expose(api);
