import jstat from 'jstat';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { binomialUpperTail, chooseStep, discover } from '../../../src/batch/discover/boxes.ts';
import { type PrimData, peelingTrajectory, wholeBox } from '../../../src/batch/discover/prim.ts';

const jStat = jstat.jStat ?? jstat;

/** n cases, 5 uniform inputs; y = 1 iff x1 > 0.7 and x2 < 0.3 (x3…x5 are noise), flipped with chance `noise`. */
function boxData(n: number, noise = 0, seed = 'prim'): PrimData {
  const random = seedrandom(seed);
  const dims = Array.from({ length: 5 }, (_, j) => ({
    name: `x${j + 1}`,
    kind: 'numeric' as const,
    x: Float64Array.from({ length: n }, () => random()),
  }));
  const y = Uint8Array.from({ length: n }, (_, i) => {
    const hit = dims[0].x[i] > 0.7 && dims[1].x[i] < 0.3 ? 1 : 0;
    return random() < noise ? 1 - hit : hit;
  });
  return { dims, y };
}

describe('PRIM', () => {
  it('recovers the box x1 > 0.7, x2 < 0.3 and leaves the noise inputs alone', () => {
    const data = boxData(2000, 0.02);
    const { boxes } = discover(data, { selection: { density: 0.8 } });
    expect(boxes).toHaveLength(1);
    const box = boxes[0];
    expect(box.restricted.sort()).toEqual(['x1', 'x2']);
    const [x1, x2] = box.limits;
    if (x1.kind !== 'numeric' || x2.kind !== 'numeric') throw new Error('numeric limits expected');
    expect(x1.min).toBeGreaterThan(0.65);
    expect(x1.min).toBeLessThan(0.78);
    expect(x2.max).toBeGreaterThan(0.22);
    expect(x2.max).toBeLessThan(0.35);
    expect(box.density).toBeGreaterThanOrEqual(0.8);
    expect(box.coverage).toBeGreaterThan(0.75);
    // both restrictions matter
    expect(box.quasiP.x1).toBeLessThan(1e-6);
    expect(box.quasiP.x2).toBeLessThan(1e-6);
  });

  it('the trajectory starts at the whole data, lowers the mass at each step and ends denser', () => {
    const data = boxData(800, 0.05, 'trajectory');
    const rows = Int32Array.from(data.y.keys());
    const { steps } = peelingTrajectory(data, rows, wholeBox(data), {
      alpha: 0.05,
      minMass: 0.05,
      paste: false,
    });
    expect(steps[0]).toMatchObject({ step: 0, coverage: 1, mass: 1, restricted: [] });
    for (let k = 1; k < steps.length; k++) {
      expect(steps[k].mass).toBeLessThan(steps[k - 1].mass);
      expect(steps[k].mass).toBeGreaterThanOrEqual(0.05);
    }
    const last = steps[steps.length - 1];
    expect(last.density === 1 || last.mass < 0.05 / (1 - 0.05) + 1e-9).toBe(true);
    expect(last.density).toBeGreaterThan(2 * steps[0].density);
  });

  it('pasting widens the last box only while that raises its density', () => {
    const data = boxData(600, 0.1, 'paste');
    const rows = Int32Array.from(data.y.keys());
    const { steps } = peelingTrajectory(data, rows, wholeBox(data), {
      alpha: 0.1,
      minMass: 0.05,
      paste: true,
    });
    const pasted = steps.filter((s) => s.action === 'paste');
    expect(pasted.length).toBeGreaterThan(0);
    for (const s of pasted) {
      expect(s.density).toBeGreaterThan(steps[s.step - 1].density);
      expect(s.cases).toBeGreaterThan(steps[s.step - 1].cases);
    }
  });

  it('peels a categorical input by dropping categories', () => {
    const random = seedrandom('cat');
    const n = 600;
    const cat = Int32Array.from({ length: n }, () => Math.floor(random() * 3));
    const x = Float64Array.from({ length: n }, () => random());
    const y = Uint8Array.from({ length: n }, (_, i) => (cat[i] === 2 && x[i] < 0.5 ? 1 : 0));
    const data: PrimData = {
      dims: [
        { name: 'strategy', kind: 'categorical', categories: ['a', 'b', 'c'], x: cat },
        { name: 'x', kind: 'numeric', x },
      ],
      y,
    };
    const [box] = discover(data, { selection: { density: 0.95 } }).boxes;
    expect(box.limits[0]).toEqual({ kind: 'categorical', keep: ['c'] });
    expect(box.restricted.sort()).toEqual(['strategy', 'x']);
    expect(box.density).toBeGreaterThanOrEqual(0.95);
  });

  it('covering finds a second box elsewhere, and its coverage adds to the first one’s', () => {
    const random = seedrandom('two');
    const n = 2000;
    const x1 = Float64Array.from({ length: n }, () => random());
    const x2 = Float64Array.from({ length: n }, () => random());
    const y = Uint8Array.from({ length: n }, (_, i) => (x1[i] > 0.7 || (x1[i] < 0.3 && x2[i] > 0.8) ? 1 : 0));
    const data: PrimData = {
      dims: [
        { name: 'x1', kind: 'numeric', x: x1 },
        { name: 'x2', kind: 'numeric', x: x2 },
      ],
      y,
    };
    const { boxes } = discover(data, { selection: { density: 0.9 }, boxes: 2 });
    expect(boxes).toHaveLength(2);
    const total = boxes[0].coverage + boxes[1].coverage;
    expect(total).toBeGreaterThan(0.9);
    expect(total).toBeLessThanOrEqual(1);
    expect(boxes[0].restricted).toEqual(['x1']);
    expect(boxes[0].limits[0]).toMatchObject({ min: expect.closeTo(0.7, 1) });
    expect(boxes[1].restricted.sort()).toEqual(['x1', 'x2']);
    expect(boxes[1].remaining.cases).toBe(n - boxes[0].cases);
    // with a coverage target, a later box covers that share of the cases of interest left
    const byCoverage = discover(data, { selection: { coverage: 0.6 }, boxes: 2 }).boxes;
    expect(byCoverage).toHaveLength(2);
    expect(byCoverage[1].positives).toBeGreaterThanOrEqual(0.6 * byCoverage[1].remaining.positives);
  });

  it('lifting restrictions with a large quasi-p keeps the real ones and drops the noise inputs', () => {
    const data = boxData(400, 0.1, 'lift');
    // the last, smallest box of the trajectory restricts noise inputs too
    const last = discover(data, { selection: { step: 1000, density: 0.8 } }).boxes[0];
    expect(last.restricted.length).toBeGreaterThan(2);
    const [box] = discover(data, { selection: { step: last.step, density: 0.8 }, maxP: 0.01 }).boxes;
    expect(box.restricted.sort()).toEqual(['x1', 'x2']);
    expect(box.lifted.sort()).toEqual(last.restricted.filter((r) => r !== 'x1' && r !== 'x2').sort());
    for (const p of Object.values(box.quasiP)) expect(p).toBeLessThanOrEqual(0.01);
    expect(box.coverage).toBeGreaterThanOrEqual(last.coverage);
  });

  it('reports no box when no case meets the outcome', () => {
    const data = boxData(100);
    data.y.fill(0);
    expect(discover(data).boxes).toHaveLength(0);
  });
});

describe('box selection', () => {
  const step = (s: number, coverage: number, density: number, restricted = s) => ({
    step: s,
    action: 'peel' as const,
    limits: [],
    cases: 0,
    positives: 0,
    coverage,
    density,
    mass: 0,
    restricted: Array.from({ length: restricted }, (_, i) => `x${i}`),
  });
  const steps = [step(0, 1, 0.2), step(1, 0.95, 0.5), step(2, 0.9, 0.82), step(3, 0.7, 0.9)];

  it('density target: the most coverage among boxes dense enough', () => {
    expect(chooseStep(steps, { density: 0.8 })).toEqual({ step: steps[2], met: true });
  });
  it('coverage target: the densest box covering enough', () => {
    expect(chooseStep(steps, { coverage: 0.92 })).toEqual({ step: steps[1], met: true });
  });
  it('an unmet target falls back to the densest box', () => {
    expect(chooseStep(steps, { density: 0.99 })).toEqual({ step: steps[3], met: false });
  });
  it('a named step', () => {
    expect(chooseStep(steps, { step: 1, density: 0.8 }).step).toBe(steps[1]);
  });
});

describe('binomial upper tail', () => {
  it('equals the sum of binomial probabilities', () => {
    for (const [k, n, p] of [
      [3, 10, 0.2],
      [0, 5, 0.5],
      [7, 7, 0.9],
      [40, 100, 0.3],
    ]) {
      let sum = 0;
      for (let i = k; i <= n; i++) sum += jStat.binomial.pdf(i, n, p);
      expect(binomialUpperTail(k, n, p)).toBeCloseTo(sum, 8);
    }
  });
  it('keeps its precision in the far tail, where 1 − cdf is 0', () => {
    // P(X ≥ 90 | 100, 0.3) ≈ 1.7e-38
    let sum = 0;
    for (let i = 90; i <= 100; i++) sum += jStat.binomial.pdf(i, 100, 0.3);
    expect(1 - jStat.binomial.cdf(89, 100, 0.3)).toBe(0);
    expect(binomialUpperTail(90, 100, 0.3) / sum).toBeCloseTo(1, 6);
  });
});
