import type { ScenarioFile } from '../../src/model/scenario.ts';

/** A small, fast scenario for batch tests. */
export function smallScenario(overrides: Partial<ScenarioFile> = {}): ScenarioFile {
  return {
    id: 'batch-test',
    seed: 1,
    ticks: 20,
    residents: 200,
    initial: { community: 0.4, organizations: 0.5, socialWorkers: 0.5, volunteers: 0.3, charity: 0.2 },
    strategy: 'strengths-first',
    ...overrides,
  };
}
