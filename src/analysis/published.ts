import type { ElementId } from '../model/elements.ts';

/**
 * The Hubei Civil Affairs research group's survey (n = 618 residents, 32 communities, after a year
 * of 五社联动 projects from May 2020): 湖北省民政厅课题组 (2021), 《中国民政》. Shares are of the whole sample.
 * Coverage of organisations, volunteers and charity is published only as "roughly 30% to 50%", with
 * volunteers and charity the weakest providers; economic, medical and employment help only as
 * "received least".
 */
export const HUBEI_2020 = {
  n: 618,
  communities: 32,
  coverage: {
    socialWorkers: 0.9887,
    community: 0.8155,
  } as Partial<Record<ElementId, number>>,
  coverageRange: {
    organizations: [0.3, 0.5],
    volunteers: [0.3, 0.5],
    charity: [0.3, 0.5],
  } as Partial<Record<ElementId, [number, number]>>,
  improved: {
    anxiety: 0.311,
    sleep: 0.303,
    appetite: 0.233,
    hope: 0.188,
    depression: 0.154,
    integration: 0.165,
    socialRelations: 0.149,
    familyRelations: 0.042,
  } as Record<string, number>,
  regression: { belonging: 0.02, trust: 0.018 },
} as const;
