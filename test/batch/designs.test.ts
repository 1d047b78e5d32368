import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  designRandom,
  elementaryEffects,
  latinHypercube,
  morrisDelta,
  morrisDesign,
  randomDesign,
} from '../../src/batch/designs.ts';

describe('Latin hypercube', () => {
  it('puts exactly one point in each stratum of every factor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 6 }), fc.nat(), (n, k, seed) => {
        const x = latinHypercube(n, k, designRandom(seed, 'lhs'));
        expect(x).toHaveLength(n);
        for (let j = 0; j < k; j++) {
          const strata = x.map((row) => Math.floor(row[j] * n)).sort((a, b) => a - b);
          expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is the same for the same seed and differs for another', () => {
    const a = latinHypercube(10, 3, designRandom(1, 'lhs'));
    expect(latinHypercube(10, 3, designRandom(1, 'lhs'))).toEqual(a);
    expect(latinHypercube(10, 3, designRandom(2, 'lhs'))).not.toEqual(a);
  });
});

describe('random design', () => {
  it('draws points in [0, 1)^k', () => {
    const x = randomDesign(100, 4, designRandom(3, 'random'));
    for (const row of x) for (const v of row) expect(v >= 0 && v < 1).toBe(true);
  });
});

describe('Morris trajectories', () => {
  it('move one factor at a time by ±Δ, each factor once per trajectory, on the grid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom(2, 4, 6, 8),
        fc.nat(),
        (r, k, p, seed) => {
          const d = morrisDesign(r, k, p, designRandom(seed, 'morris'));
          const delta = morrisDelta(p);
          expect(d.points).toHaveLength(r * (k + 1));
          expect(d.steps).toHaveLength(r * k);
          for (const row of d.points)
            for (const v of row) {
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(1);
              // on the p-level grid
              expect(Math.abs(v * (p - 1) - Math.round(v * (p - 1)))).toBeLessThan(1e-9);
            }
          for (let t = 0; t < r; t++) {
            const steps = d.steps.slice(t * k, (t + 1) * k);
            expect(steps.map((s) => s.factor).sort()).toEqual(Array.from({ length: k }, (_, i) => i));
            for (const s of steps) {
              const a = d.points[s.from];
              const b = d.points[s.to];
              expect(s.to).toBe(s.from + 1);
              a.forEach((v, j) => {
                if (j === s.factor) expect(b[j] - v).toBeCloseTo(s.delta, 9);
                else expect(b[j]).toBe(v);
              });
              expect(Math.abs(s.delta)).toBeCloseTo(delta, 12);
            }
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('rejects an odd number of levels', () => {
    expect(() => morrisDesign(2, 2, 3, designRandom(1, 'morris'))).toThrow(/even/);
  });
});

describe('Morris elementary effects on a toy function with known effects', () => {
  // y = 3·x0 − 2·x1 + 0·x2 + x3² + 2·x4·x5 on the unit cube
  const toy = (x: number[]) => 3 * x[0] - 2 * x[1] + 0 * x[2] + x[3] ** 2 + 2 * x[4] * x[5];
  const d = morrisDesign(40, 6, 4, designRandom(11, 'morris'));
  const ee = elementaryEffects(
    d,
    d.points.map((x) => toy(x)),
  );

  it('linear factors: μ = coefficient, μ* = |coefficient|, σ = 0', () => {
    expect(ee[0].mu).toBeCloseTo(3, 9);
    expect(ee[0].muStar).toBeCloseTo(3, 9);
    expect(ee[0].sigma).toBeCloseTo(0, 9);
    expect(ee[1].mu).toBeCloseTo(-2, 9);
    expect(ee[1].muStar).toBeCloseTo(2, 9);
    expect(ee[1].sigma).toBeCloseTo(0, 9);
  });

  it('an inert factor has μ* = 0', () => {
    expect(ee[2].muStar).toBe(0);
    expect(ee[2].sigma).toBe(0);
  });

  it('a quadratic factor: effects 2x + Δ, between Δ and 2 − Δ, with spread', () => {
    const delta = morrisDelta(4);
    expect(ee[3].muStar!).toBeGreaterThanOrEqual(delta - 1e-9);
    expect(ee[3].muStar!).toBeLessThanOrEqual(2 - delta + 1e-9);
    expect(ee[3].sigma!).toBeGreaterThan(0.1);
  });

  it('interacting factors have σ > 0 and are ranked above the inert one', () => {
    expect(ee[4].sigma!).toBeGreaterThan(0.1);
    expect(ee[5].sigma!).toBeGreaterThan(0.1);
    expect(ee[4].muStar!).toBeGreaterThan(ee[2].muStar!);
    // ranking by μ*: the strongest linear factor first
    const ranked = [...ee].sort((a, b) => b.muStar! - a.muStar!).map((e) => e.factor);
    expect(ranked[0]).toBe(0);
    expect(ranked[1]).toBe(1);
    expect(ranked[5]).toBe(2);
  });

  it('every factor has one effect per trajectory; missing outputs are skipped', () => {
    for (const e of ee) expect(e.n).toBe(40);
    const y: (number | null)[] = d.points.map((x) => toy(x));
    y[0] = null; // the first trajectory's start: its first step is lost
    const partial = elementaryEffects(d, y);
    expect(partial.reduce((s, e) => s + e.n, 0)).toBe(40 * 6 - 1);
  });
});
