import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { clustering, meanDegree, type Network, smallWorld } from '../../src/engine/network.ts';

const stream = (seed: string) => seedrandom.xor4096(seed);

function neighboursOf(net: Network, i: number): number[] {
  return Array.from(net.neighbours.subarray(net.offsets[i], net.offsets[i + 1]));
}

/** Mean number of distinct neighbours (a duplicated tie counts once). */
function distinctMeanDegree(net: Network): number {
  let total = 0;
  for (let i = 0; i < net.size; i++) total += new Set(neighboursOf(net, i)).size;
  return total / net.size;
}

/** A deterministic sample of residents, for clustering on large networks. */
const sample = (n: number, k: number) => Array.from({ length: k }, (_, s) => Math.floor((s * n) / k));

describe('smallWorld', () => {
  it.each([2, 4, 8, 12, 40])(
    'a ring lattice (longTieShare 0) gives every resident exactly degree %i',
    (degree) => {
      const net = smallWorld(1000, degree, 0, stream('ring'));
      expect(meanDegree(net)).toBe(degree);
      for (let i = 0; i < net.size; i++) {
        const nb = neighboursOf(net, i).sort((a, b) => a - b);
        expect(nb.length).toBe(degree);
        // the ties are exactly the degree/2 residents on either side along the ring
        const expected = [];
        for (let d = 1; d <= degree / 2; d++) expected.push((i + d) % 1000, (i - d + 1000) % 1000);
        expect(nb).toEqual(expected.sort((a, b) => a - b));
      }
    },
  );

  it.each([0.05, 0.3, 1])('keeps the mean degree when ties are rewired (longTieShare %s)', (share) => {
    const net = smallWorld(5000, 8, share, stream('rewire'));
    // rewiring moves ties, it never adds or removes one
    expect(meanDegree(net)).toBe(8);
    // duplicated ties (two rewirings landing on the same pair) are vanishingly rare
    expect(distinctMeanDegree(net)).toBeGreaterThan(8 * 0.995);
    expect(distinctMeanDegree(net)).toBeLessThanOrEqual(8);
  });

  it('is highly clustered for a small share of long ties, less so as the share rises toward 1', () => {
    const shares = [0, 0.01, 0.05, 0.1, 0.3, 0.6, 1];
    const c = shares.map((share) =>
      clustering(smallWorld(4000, 8, share, stream('cluster')), sample(4000, 800)),
    );
    // Watts–Strogatz: C(0) = 3(k − 2) / 4(k − 1) = 0.643 for k = 8
    expect(c[0]).toBeCloseTo((3 * 6) / (4 * 7), 6);
    expect(c[1]).toBeGreaterThan(0.4);
    expect(c[2]).toBeGreaterThan(0.4);
    for (let k = 1; k < c.length; k++) expect(c[k]).toBeLessThan(c[k - 1]);
    // a random graph has clustering of about k / n
    expect(c[c.length - 1]).toBeLessThan(0.02);
  });

  it.each([0, 0.05, 1])('has no self-loops and a symmetric adjacency (longTieShare %s)', (share) => {
    const net = smallWorld(2000, 10, share, stream('sym'));
    const count = new Map<string, number>();
    const bad: string[] = [];
    for (let i = 0; i < net.size; i++) {
      for (const j of neighboursOf(net, i)) {
        if (j === i || j < 0 || j >= net.size) bad.push(`${i}->${j}`);
        const key = `${i},${j}`;
        count.set(key, (count.get(key) ?? 0) + 1);
      }
    }
    // i lists j exactly as many times as j lists i
    for (const [key, n] of count) {
      const [i, j] = key.split(',');
      if (count.get(`${j},${i}`) !== n) bad.push(`asymmetric ${key}`);
    }
    expect(bad).toEqual([]);
    expect(net.offsets[0]).toBe(0);
    expect(net.offsets[net.size]).toBe(net.neighbours.length);
  });

  it('is a function of the random stream: same stream, same network; another stream, another network', () => {
    const a = smallWorld(3000, 8, 0.1, stream('seed-a'));
    const b = smallWorld(3000, 8, 0.1, stream('seed-a'));
    const c = smallWorld(3000, 8, 0.1, stream('seed-b'));
    expect(Array.from(b.offsets)).toEqual(Array.from(a.offsets));
    expect(Array.from(b.neighbours)).toEqual(Array.from(a.neighbours));
    expect(Array.from(c.neighbours)).not.toEqual(Array.from(a.neighbours));
  });

  it('keeps ring ties local: with few long ties most ties stay within the building-sized ring window', () => {
    const net = smallWorld(5000, 8, 0.05, stream('local'));
    let local = 0;
    for (let i = 0; i < net.size; i++) {
      for (const j of neighboursOf(net, i)) {
        const d = Math.abs(i - j);
        if (Math.min(d, net.size - d) <= 4) local++;
      }
    }
    const share = local / net.neighbours.length;
    expect(share).toBeGreaterThan(0.93);
    expect(share).toBeLessThan(0.97);
  });

  it('works for the smallest community (residents 100) and a degree close to it', () => {
    const net = smallWorld(100, 40, 0.5, stream('small'));
    expect(meanDegree(net)).toBe(40);
    for (let i = 0; i < net.size; i++) expect(neighboursOf(net, i)).not.toContain(i);
  });
});
