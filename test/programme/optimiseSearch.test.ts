import { describe, expect, it } from 'vitest';
import {
  type Evaluate,
  quantile,
  raceCost,
  rungSeeds,
  type SearchOptions,
  search,
} from '../../src/batch/optimiseSearch.ts';
import { buildSpace, decode, type Space } from '../../src/batch/optimiseSpace.ts';
import { programmeFile } from './helpers.ts';

/** A cheap synthetic objective through the same search: a planted optimum at x = 0.7, y = 0.2, rule "b", plus seed noise. */
function planted(noise = 0.05): Evaluate {
  return async (jobs) =>
    jobs.map(({ candidate, seedIndex }) => {
      const x = candidate.values.x as number;
      const y = candidate.values.y as number;
      const bonus = candidate.values.rule === 'b' ? 0 : -0.3;
      const wobble = noise * Math.sin(1 + seedIndex * 2.3 + x * 7);
      return -((x - 0.7) ** 2) - (y - 0.2) ** 2 + bonus + wobble;
    });
}

const space: Space = {
  dims: [
    { path: 'x', kind: 'real', min: 0, max: 1 },
    { path: 'y', kind: 'real', min: 0, max: 1 },
    { path: 'rule', kind: 'categorical', values: ['a', 'b', 'c'] },
  ],
};
const options: SearchOptions = { seeds: 4, minSeeds: 1, budget: 300, quantile: 0.1, sense: 'max', seed: 7 };

describe('the search of programme optimise', () => {
  it('finds a planted optimum and spends no more than its budget', async () => {
    const r = await search(space, options, planted());
    const best = r.ranking[0];
    expect(best.values.rule).toBe('b');
    expect(Math.abs((best.values.x as number) - 0.7)).toBeLessThan(0.08);
    expect(Math.abs((best.values.y as number) - 0.2)).toBeLessThan(0.08);
    expect(r.spent).toBeLessThanOrEqual(options.budget);
    expect(r.rounds).toBeGreaterThan(1);
    // every finished candidate has every seed; the ranking is by the robust score
    for (const c of r.ranking) expect(c.scores.filter((s) => s !== undefined)).toHaveLength(4);
  });

  it('is deterministic given the seed, and another seed draws other candidates', async () => {
    const a = await search(space, options, planted());
    const b = await search(space, options, planted());
    expect(JSON.stringify(b.candidates)).toBe(JSON.stringify(a.candidates));
    const c = await search(space, { ...options, seed: 8 }, planted());
    expect(JSON.stringify(c.candidates)).not.toBe(JSON.stringify(a.candidates));
  });

  it('ranks by the low quantile over seeds, not the mean', async () => {
    // candidate "risky" has the higher mean but a bad seed; the robust score prefers "safe"
    const two: Space = { dims: [{ path: 'k', kind: 'categorical', values: ['safe', 'risky'] }] };
    const r = await search(two, { ...options, minSeeds: 4, budget: 8 }, async (jobs) =>
      jobs.map(({ candidate, seedIndex }) => (candidate.values.k === 'safe' ? 1 : seedIndex === 2 ? -5 : 4)),
    );
    expect(r.ranking.map((c) => c.values.k)).toEqual(['safe', 'risky']);
    const byMean = await search(two, { ...options, minSeeds: 4, budget: 8, quantile: 0.5 }, async (jobs) =>
      jobs.map(({ candidate, seedIndex }) => (candidate.values.k === 'safe' ? 1 : seedIndex === 2 ? -5 : 4)),
    );
    expect(byMean.ranking[0].values.k).toBe('risky');
  });

  it('enumerates a small finite space and minimises when asked', async () => {
    const finite: Space = {
      dims: [
        { path: 'n', kind: 'integer', min: 1, max: 4 },
        { path: 'r', kind: 'categorical', values: ['p', 'q'] },
      ],
    };
    const seen: string[] = [];
    const r = await search(finite, { ...options, sense: 'min', budget: 100 }, async (jobs) =>
      jobs.map(({ candidate }) => {
        seen.push(candidate.key);
        return ((candidate.values.n as number) - 3) ** 2 + (candidate.values.r === 'q' ? 0 : 1);
      }),
    );
    expect(new Set(seen).size).toBe(8);
    expect(r.ranking[0].values).toEqual({ n: 3, r: 'q' });
  });

  it('keeps free shares inside the budget the fixed shares leave', () => {
    const built = buildSpace(programmeFile({ scenario: 'tiny.json' }), [
      { path: 'instruments.socialWork.share', min: 0.2, max: 0.9 },
      { path: 'instruments.projectGrants.share', min: 0, max: 0.8 },
    ]);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    // the other three instruments keep their default shares (0.04 + 0.03 + 0.03)
    expect(built.space.shares?.available).toBeCloseTo(0.9, 9);
    for (const u of [
      [1, 1],
      [0.5, 0.9],
      [0, 0],
      [0.9, 0.1],
    ]) {
      const v = decode(built.space, u);
      const sw = v['instruments.socialWork.share'] as number;
      const pg = v['instruments.projectGrants.share'] as number;
      expect(sw + pg).toBeLessThanOrEqual(0.9 + 1e-12);
      expect(sw).toBeGreaterThanOrEqual(0.2);
      expect(pg).toBeGreaterThanOrEqual(0);
    }
  });

  it('quantiles, rungs and race costs', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 12);
    expect(quantile([3], 0.1)).toBe(3);
    expect(rungSeeds({ seeds: 10, minSeeds: 2 })).toEqual([2, 4, 8, 10]);
    expect(rungSeeds({ seeds: 4, minSeeds: 4 })).toEqual([4]);
    // 8 candidates × 2 seeds, 4 × 2 more, 2 × 4 more, 1 × 2 more
    expect(raceCost(8, { seeds: 10, minSeeds: 2 })).toBe(16 + 8 + 8 + 2);
  });

  it('rejects a budget too small for a race of two', async () => {
    await expect(search(space, { ...options, budget: 3 }, planted())).rejects.toThrow(/budget/);
  });
});
