import { describe, expect, it } from 'vitest';
import { describe as describeValues, tQuantile } from '../../src/batch/stats.ts';

describe('confidence intervals', () => {
  it('t quantiles match the tables', () => {
    expect(tQuantile(1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile(4)).toBeCloseTo(2.776445, 5);
    expect(tQuantile(9)).toBeCloseTo(2.262157, 5);
    expect(tQuantile(29)).toBeCloseTo(2.04523, 5);
    expect(tQuantile(1e6)).toBeCloseTo(1.959964, 4);
  });

  it('mean, sd and 95% CI of 1…5', () => {
    const d = describeValues([1, 2, 3, 4, 5]);
    expect(d.n).toBe(5);
    expect(d.mean).toBe(3);
    expect(d.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    // 3 ± 2.776445 · 1.581139 / √5
    expect(d.ciLow).toBeCloseTo(1.036757, 5);
    expect(d.ciHigh).toBeCloseTo(4.963243, 5);
  });

  it('known sample of ten values', () => {
    // deviations from 5.5 square to 2.4 in all: sd = √(2.4 / 9) = 0.5163978;
    // half-width = t(0.975, 9) · sd / √10 = 2.262157 · 0.5163978 / 3.162278 = 0.3694070
    const x = [5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3, 6.1, 4.7, 5.4];
    const d = describeValues(x);
    expect(d.mean).toBeCloseTo(5.5, 12);
    expect(d.sd).toBeCloseTo(0.5163978, 6);
    expect(d.ciLow).toBeCloseTo(5.130593, 5);
    expect(d.ciHigh).toBeCloseTo(5.869407, 5);
  });

  it('one value: a mean but no sd or CI; no values: nothing', () => {
    expect(describeValues([2])).toEqual({ n: 1, mean: 2, sd: null, ciLow: null, ciHigh: null });
    expect(describeValues([])).toEqual({ n: 0, mean: null, sd: null, ciLow: null, ciHigh: null });
  });

  it('constant values: a zero-width interval', () => {
    const d = describeValues([0.3, 0.3, 0.3]);
    expect(d.sd).toBe(0);
    expect(d.ciLow).toBeCloseTo(0.3, 15);
    expect(d.ciHigh).toBeCloseTo(0.3, 15);
  });

  it('covers the true mean about 95% of the time', () => {
    // normal samples from a fixed LCG; n = 8 per interval
    let s = 12345;
    const u = () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return (s + 0.5) / 2 ** 32;
    };
    const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    let covered = 0;
    const trials = 4000;
    for (let t = 0; t < trials; t++) {
      const d = describeValues(Array.from({ length: 8 }, () => 10 + 2 * normal()));
      if (d.ciLow! <= 10 && 10 <= d.ciHigh!) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.93);
    expect(covered / trials).toBeLessThan(0.97);
  });
});
