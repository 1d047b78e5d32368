import { type ProgrammeSpec, parseProgramme } from '../../src/model/programme.ts';
import { type Programme, resolveProgramme } from '../../src/model/programmeCommunities.ts';
import { validateScenario } from '../../src/model/scenario.ts';

/** A small community template: 300–600 residents, starting strengths in ranges, one shock. */
export function templateScenario(): Record<string, unknown> {
  return {
    id: 'tiny',
    seed: 1,
    ticks: 20,
    residents: 400,
    initial: { community: 0.4, organizations: 0.3, socialWorkers: 0.1, volunteers: 0.2, charity: 0.1 },
    strategy: 'strengths-first',
    interventions: [
      { tick: 0, type: 'shock', need: 'all', size: 0.1 },
      { tick: 0, type: 'grant', amount: 5000, weeks: 10 },
    ],
    ensemble: {
      communities: 2,
      residents: { min: 300, max: 600 },
      initial: { volunteers: { min: 0.05, max: 0.5 }, organizations: { min: 0.1, max: 0.6 } },
    },
  };
}

/** A small programme file (4 communities, 20 weeks, 10 funded). */
export function programmeFile(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'tiny-district',
    seed: 5,
    weeks: 20,
    communities: 4,
    scenario: 'tiny.json',
    budget: 400_000,
    fundingWeeks: 10,
    agencies: 3,
    ...extra,
  };
}

export function spec(extra: Record<string, unknown> = {}): ProgrammeSpec {
  const r = parseProgramme(programmeFile(extra));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.programme;
}

export function programme(extra: Record<string, unknown> = {}): Programme {
  const t = validateScenario(templateScenario());
  if (!t.ok) throw new Error(t.errors.join('\n'));
  return resolveProgramme(spec(extra), { template: t.scenario });
}
