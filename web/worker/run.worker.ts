import * as Comlink from 'comlink';
import { runScenario } from '../../src/analysis/summary.ts';
import type { RunSummary } from '../../src/engine/result.ts';
import { type ScenarioFile, validateScenario } from '../../src/model/scenario.ts';
import { workerApi } from '../../src/worker/api.ts';
import type { RunApi } from './protocol.ts';

/**
 * Whole runs for the comparison and the strength landscape, on a pool of these (pool.ts): the
 * library's worker API (the same as the command line's Node workers) and the summary of a scenario
 * file's run.
 */
const api: RunApi = {
  ...workerApi,
  summarise(file: ScenarioFile): RunSummary {
    const v = validateScenario(file);
    if (!v.ok) throw new Error(v.errors.join('\n'));
    return runScenario(v.scenario).summary;
  },
};

Comlink.expose(api);
