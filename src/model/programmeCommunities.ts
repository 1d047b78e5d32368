/**
 * The communities of a programme, each a scenario of its own (src/model/ensemble.ts draws them
 * from the template scenario’s ensemble ranges, or they are the listed scenario files). The
 * programme supplies the money, the stationed workers and the incentives, so only the communities'
 * shocks are kept from their scenarios; every community runs for the programme’s `weeks`.
 * Pure: the caller reads the scenario files (the command line from disk, the web app from its bundle).
 */
import { ensembleMembers } from './ensemble.ts';
import type { ProgrammeSpec } from './programme.ts';
import type { Scenario } from './scenario.ts';

/** A validated programme with its communities resolved: what the district runs. */
export interface Programme extends ProgrammeSpec {
  /** One scenario per community, in community order (seeds are replaced per replicate). */
  members: Scenario[];
}

/**
 * Resolves a programme’s communities: `template` (the programme’s `scenario`) for a count, or
 * `files` (the listed scenarios, in order) for a list.
 */
export function resolveProgramme(
  spec: ProgrammeSpec,
  sources: { template?: Scenario; files?: Scenario[] },
): Programme {
  let drawn: Scenario[];
  if (typeof spec.communities === 'number') {
    const template = sources.template;
    if (!template) throw new Error('resolveProgramme: a count of communities needs the template scenario');
    const count = spec.communities;
    drawn = template.ensemble
      ? ensembleMembers({
          ...template,
          seed: spec.seed,
          ensemble: { ...template.ensemble, communities: count },
        })
      : Array.from({ length: count }, () => ({ ...template }));
  } else {
    const files = sources.files ?? [];
    if (files.length !== spec.communities.length)
      throw new Error(
        `resolveProgramme: ${spec.communities.length} community files named, ${files.length} given`,
      );
    drawn = files.map((s) => ({ ...s }));
  }
  const members = drawn.map((s, k) => {
    const { ensemble: _e, ...rest } = s;
    return {
      ...rest,
      id: `${spec.id}#${k + 1}`,
      ticks: spec.weeks,
      interventions: s.interventions.filter((iv) => iv.type === 'shock' && iv.tick < spec.weeks),
    };
  });
  return { ...spec, members };
}
