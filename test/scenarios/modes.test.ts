import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/summary.ts';
import type { ElementId, ModeId } from '../../src/model/elements.ts';
import { presetFile, validated } from '../engine/helpers.ts';

const seeds = (n: number) => Array.from({ length: n }, (_, k) => k + 1);

/** How often each mode comes out of a scenario file over the given seeds. */
function modes(file: Record<string, unknown>, seedList: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const seed of seedList) {
    const mode = runScenario(validated({ ...file, seed })).summary.pathway.mode;
    out[mode] = (out[mode] ?? 0) + 1;
  }
  return out;
}

function withInitial(id: string, initial: Partial<Record<ElementId, number>>): Record<string, unknown> {
  const file = presetFile(id);
  return { ...file, initial: { ...(file.initial as object), ...initial } };
}

describe('practice models (the report\u2019s three roll-in pathways)', () => {
  it.each([
    ['organization-led', 'organization-led'],
    ['volunteer-led', 'volunteer-led'],
    ['charity-led', 'charity-led'],
  ] as [string, ModeId][])('the %s preset produces its own mode in at least 16 of 20 seeds', (id, mode) => {
    const count = modes(presetFile(id), seeds(20));
    expect(count[mode] ?? 0, JSON.stringify(count)).toBeGreaterThanOrEqual(16);
  });
});

describe('the mode follows the starting strengths', () => {
  it.each([
    ['organizations', 'organization-led'],
    ['volunteers', 'volunteer-led'],
    ['charity', 'charity-led'],
  ] as [ElementId, ModeId][])(
    'from the baseline, raising only %s to 0.8 gives mostly %s',
    (element, mode) => {
      const count = modes(withInitial('baseline', { [element]: 0.8 }), seeds(10));
      expect(count[mode] ?? 0, JSON.stringify(count)).toBeGreaterThanOrEqual(8);
    },
  );

  it('near the organisation-led model (organisations 0.7 against volunteers 0.45) most seeds give it, robustly', () => {
    const file = withInitial('organization-led', { volunteers: 0.45 });
    let robust = 0;
    const count: Record<string, number> = {};
    for (const seed of seeds(10)) {
      const p = runScenario(validated({ ...file, seed })).summary.pathway;
      count[p.mode] = (count[p.mode] ?? 0) + 1;
      robust += p.robustness!.share;
    }
    expect(count['organization-led'] ?? 0, JSON.stringify(count)).toBeGreaterThanOrEqual(8);
    expect(robust / 10).toBeGreaterThan(0.8);
  });

  it('from the organisation-led preset, weak organisations and strong volunteers give mostly volunteer-led', () => {
    const count = modes(withInitial('organization-led', { organizations: 0.2, volunteers: 0.7 }), seeds(10));
    expect(count['volunteer-led'] ?? 0, JSON.stringify(count)).toBeGreaterThanOrEqual(8);
  });
});
