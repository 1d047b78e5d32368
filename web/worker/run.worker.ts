import * as Comlink from 'comlink';
import { runMetrics } from '../../src/batch/metrics.ts';
import type { RunSummary } from '../../src/engine/result.ts';
import { runScenario } from '../../src/engine/run.ts';
import { type Scenario, type ScenarioFile, validateScenario } from '../../src/model/scenario.ts';
import type { RunApi } from './protocol.ts';

/** Whole runs for the comparison and the strength landscape, one per call, on a pool of these. */
const api: RunApi = {
  summarise(file: ScenarioFile): RunSummary {
    const v = validateScenario(file);
    if (!v.ok) throw new Error(v.errors.join('\n'));
    return runScenario(v.scenario).summary;
  },
  metrics(scenario: Scenario) {
    return runMetrics(runScenario(scenario).summary);
  },
};

Comlink.expose(api);
