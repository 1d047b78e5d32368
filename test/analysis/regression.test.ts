import { describe, expect, it } from 'vitest';
import { fixedEffectsOls } from '../../src/analysis/regression.ts';

describe('fixedEffectsOls', () => {
  it('matches a hand-computed within estimate, standard error and p-value', () => {
    // two groups; within group A: x = 0,1,1 and y = 1,3,2; group B: x = 0,0,1 and y = 5,6,8
    const y = [1, 3, 2, 5, 6, 8];
    const x = [0, 1, 1, 0, 0, 1];
    const g = [1, 1, 1, 2, 2, 2];
    // demeaned: A x~ = -2/3, 1/3, 1/3; y~ = -1, 1, 0.  B x~ = -1/3, -1/3, 2/3; y~ = -4/3, -1/3, 5/3
    // Sxx = 4/9+1/9+1/9 + 1/9+1/9+4/9 = 12/9; Sxy = 2/3+1/3+0 + 4/9+1/9+10/9 = 1 + 15/9 = 24/9 → β = 2
    const fit = fixedEffectsOls(y, x, g);
    expect(fit.coef).toBeCloseTo(2, 12);
    // residuals e = y~ − 2x~: A: 1/3, 1/3, −2/3; B: −2/3, 1/3, 1/3 → SSE = 12/9; df = 6 − 2 − 1 = 3
    // se = sqrt(SSE/df / Sxx) = sqrt((12/9)/3 / (12/9)) = sqrt(1/3)
    expect(fit.se).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(fit.df).toBe(3);
    expect(fit.groups).toBe(2);
    // t = 2/0.57735 = 3.4641 with 3 df: two-sided p = 0.0405 (t tables)
    expect(fit.p).toBeCloseTo(0.0405, 3);
  });

  it('a regressor that does not vary within any group gives no estimate', () => {
    const fit = fixedEffectsOls([1, 2, 3, 4], [1, 1, 0, 0], [1, 1, 2, 2]);
    expect(Number.isNaN(fit.coef)).toBe(true);
  });

  it('recovers a known effect from noisy data with group intercepts', () => {
    let s = 7;
    const rnd = () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 4294967296;
    };
    const y: number[] = [];
    const x: number[] = [];
    const g: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const group = i % 40;
      const d = rnd() < 0.5 ? 1 : 0;
      g.push(group);
      x.push(d);
      y.push(group * 0.1 + 0.3 * d + (rnd() - 0.5) * 0.2);
    }
    const fit = fixedEffectsOls(y, x, g);
    expect(Math.abs(fit.coef - 0.3)).toBeLessThan(4 * fit.se);
    expect(fit.p).toBeLessThan(1e-6);
    expect(fit.seCluster).toBeGreaterThan(0);
  });
});
