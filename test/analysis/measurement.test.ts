import { describe, expect, it } from 'vitest';
import { ITEM_PLACES, measurementFrom, thresholdsFrom } from '../../src/analysis/measurement.ts';
import { INDICATORS } from '../../src/analysis/survey.ts';

describe('measurement model', () => {
  const m = {
    'measurement.level.psychological': 0.7,
    'measurement.level.social': 0.6,
    'measurement.step.psychological': 0.04,
    'measurement.step.social': 0.1,
  };

  it('puts the items of a need on one line in their published order, material items at the easiest psychological level', () => {
    const t = thresholdsFrom(m);
    expect(Object.keys(t).sort()).toEqual(INDICATORS.map(([n]) => n).sort());
    expect(t.anxiety).toBeCloseTo(0.7, 12);
    expect(t.depression).toBeCloseTo(0.86, 12);
    expect(t.integration).toBeCloseTo(0.6, 12);
    expect(t.familyRelations).toBeCloseTo(0.8, 12);
    for (const k of ['economicAid', 'medicalAid', 'employmentHelp'] as const) expect(t[k]).toBe(t.anxiety);
    expect(ITEM_PLACES.hope).toEqual({ line: 'psychological', rank: 3 });
    expect(ITEM_PLACES.socialRelations).toEqual({ line: 'social', rank: 1 });
  });

  it('reads its parameters back from thresholds it made', () => {
    const back = measurementFrom(thresholdsFrom(m));
    for (const [k, v] of Object.entries(m)) expect(back[k as keyof typeof m], k).toBeCloseTo(v, 12);
  });
});
