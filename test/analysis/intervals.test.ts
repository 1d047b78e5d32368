import { describe, expect, it } from 'vitest';
import { modeShares, wilson } from '../../src/analysis/intervals.ts';

describe('wilson', () => {
  it('matches published values', () => {
    // Brown, Cai & DasGupta (2001): 2 of 5 → (0.1176, 0.7693); 0 of 10 → (0, 0.2775)
    const a = wilson(2, 5);
    expect(a.share).toBe(0.4);
    expect(a.low).toBeCloseTo(0.1176, 4);
    expect(a.high).toBeCloseTo(0.7693, 4);
    const b = wilson(0, 10);
    expect(b.low).toBe(0);
    expect(b.high).toBeCloseTo(0.2775, 4);
    expect(wilson(10, 10).high).toBe(1);
  });

  it('narrows with more trials and stays inside [0, 1]', () => {
    const small = wilson(8, 10);
    const large = wilson(800, 1000);
    expect(large.high! - large.low!).toBeLessThan(small.high! - small.low!);
    for (let k = 0; k <= 7; k++) {
      const w = wilson(k, 7);
      expect(w.low!).toBeGreaterThanOrEqual(0);
      expect(w.high!).toBeLessThanOrEqual(1);
      expect(w.low!).toBeLessThanOrEqual(w.share!);
      expect(w.high!).toBeGreaterThanOrEqual(w.share!);
    }
    expect(wilson(0, 0).share).toBeNull();
  });

  it('modeShares counts every mode', () => {
    const s = modeShares(['charity-led', 'charity-led', 'mixed', 'organization-led']);
    expect(s['charity-led'].share).toBe(0.5);
    expect(s['volunteer-led'].count).toBe(0);
    expect(s.mixed.n).toBe(4);
  });
});
