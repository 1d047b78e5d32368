import * as Comlink from 'comlink';
import { runProgrammeReplicate } from '../../src/analysis/programmeReplicate.ts';
import { runScenario } from '../../src/analysis/summary.ts';
import type { ReplicateResult } from '../../src/engine/districtTypes.ts';
import type { RunSummary } from '../../src/engine/result.ts';
import type { Programme } from '../../src/model/programmeCommunities.ts';
import { type ScenarioFile, validateScenario } from '../../src/model/scenario.ts';
import { workerApi } from '../../src/worker/api.ts';
import { PROGRAMME_PROGRESS_EVERY, type RunApi } from './protocol.ts';

/**
 * Whole runs for the comparison and the strength landscape, and programme replicates for the
 * Programme view, on a pool of these (pool.ts): the library's worker API (the same as the command
 * line's Node workers), the summary of a scenario file's run, and one replicate of a programme.
 */
const api: RunApi = {
  ...workerApi,
  summarise(file: ScenarioFile): RunSummary {
    const v = validateScenario(file);
    if (!v.ok) throw new Error(v.errors.join('\n'));
    return runScenario(v.scenario).summary;
  },
  programmeReplicateWithProgress(
    programme: Programme,
    seed: number,
    onWeek?: (week: number) => void,
  ): ReplicateResult {
    const result = runProgrammeReplicate(programme, seed, (week) => {
      if (onWeek && (week % PROGRAMME_PROGRESS_EVERY === 0 || week === programme.weeks)) void onWeek(week);
    });
    (onWeek as Partial<Comlink.ProxyMethods> | undefined)?.[Comlink.releaseProxy]?.();
    return result;
  },
};

Comlink.expose(api);
