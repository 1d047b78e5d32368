import { ANY, MECHANISMS } from '../engine/mechanisms.ts';
import { applySet } from '../model/parse.ts';
import { type Scenario, validateScenario } from '../model/scenario.ts';

/**
 * "All linkage knocked out" for the survey (docs/validation.md, "Knock-out"): every 联中动 mechanism
 * between two elements, every 动中联 mechanism inside projects, and local money taking over what a
 * grant or contract paid for (its elements decided per event). Growth inside one element (a
 * volunteer asks a neighbour, becomes core; a neighbour joins an organisation) stays on.
 */
export const LINKAGE_MECHANISMS: readonly string[] = [
  ...MECHANISMS.filter((m) => m.project || m.source !== m.target || m.source === ANY).map((m) => m.id),
  // charity is a resource, not an actor: its aid reaching residents through an actor is linkage too
  'actors-deliver-aid',
];

/**
 * The rates of those channels, for a model without a scenario `knockouts` field: set to 0 they
 * stop every linkage event (the projects' rate stops all 动中联 at its source).
 */
export const LINKAGE_RATES: readonly string[] = [
  'parameters.organizations.capableToVolunteer',
  'parameters.organizations.sponsorRate',
  'parameters.volunteers.foundRate',
  'parameters.volunteers.donorRate',
  'parameters.volunteers.councilRate',
  'parameters.charity.grantRate',
  'parameters.charity.grantVolunteers',
  'parameters.community.hostRate',
  'parameters.community.mobiliseRate',
  'parameters.community.introduceRate',
  'parameters.socialWorkers.directRate',
  'parameters.socialWorkers.catalysis',
  'parameters.projects.problemRate',
  'parameters.charity.aidShare',
];

/**
 * A scenario file with all linkage knocked out: through its `knockouts` field when the model has
 * one, otherwise through the channels' rates set to 0. `how` says which, in words.
 */
export function withoutLinkage(file: Record<string, unknown>): {
  file: Record<string, unknown>;
  scenario: Scenario;
  how: string;
} {
  const viaField = { ...structuredClone(file), knockouts: [...LINKAGE_MECHANISMS] };
  const checked = validateScenario(viaField);
  if (checked.ok && Array.isArray((checked.scenario as { knockouts?: unknown }).knockouts)) {
    return {
      file: viaField,
      scenario: checked.scenario,
      how: `\`knockouts\` (${LINKAGE_MECHANISMS.join(', ')})`,
    };
  }
  const copy = structuredClone(file);
  for (const path of LINKAGE_RATES) {
    const error = applySet(copy, `${path}=0`);
    if (error) throw new Error(error);
  }
  const r = validateScenario(copy);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return {
    file: copy,
    scenario: r.scenario,
    how: `rates set to 0 (${LINKAGE_RATES.map((p) => p.replace('parameters.', '')).join(', ')})`,
  };
}
