import type { Random } from './random.ts';

/** Undirected network in compressed sparse row form: neighbours of i are `neighbours[offsets[i] .. offsets[i+1])`. */
export interface Network {
  size: number;
  offsets: Int32Array;
  neighbours: Int32Array;
}

/**
 * A Watts–Strogatz small world (Watts & Strogatz 1998) over residents ordered by building: each
 * resident is tied to the `degree / 2` next residents on the ring (so mostly to its own building and
 * the next one), and each tie is rewired to a random resident with probability `longTieShare`.
 * A rewired tie never lands on the resident itself or on its own ring neighbourhood, so ties are
 * never duplicated by the ring; two rewired ties can coincide only with vanishing probability.
 * O(residents × degree) time and memory.
 */
export function smallWorld(size: number, degree: number, longTieShare: number, random: Random): Network {
  const half = Math.max(1, Math.min(Math.floor(degree / 2), Math.floor((size - 1) / 2)));
  const edgeCount = size * half;
  const from = new Int32Array(edgeCount);
  const to = new Int32Array(edgeCount);
  const deg = new Int32Array(size);
  let e = 0;
  for (let i = 0; i < size; i++) {
    for (let d = 1; d <= half; d++) {
      let j = (i + d) % size;
      if (random() < longTieShare && size > 2 * half + 1) {
        let tries = 0;
        do {
          j = Math.floor(random() * size);
          tries++;
        } while (ringDistance(i, j, size) <= half && tries < 32);
        if (ringDistance(i, j, size) <= half) j = (i + d) % size;
      }
      from[e] = i;
      to[e] = j;
      deg[i]++;
      deg[j]++;
      e++;
    }
  }
  const offsets = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) offsets[i + 1] = offsets[i] + deg[i];
  const neighbours = new Int32Array(offsets[size]);
  const fill = offsets.slice(0, size);
  for (let k = 0; k < edgeCount; k++) {
    neighbours[fill[from[k]]++] = to[k];
    neighbours[fill[to[k]]++] = from[k];
  }
  return { size, offsets, neighbours };
}

function ringDistance(i: number, j: number, n: number): number {
  const d = Math.abs(i - j);
  return Math.min(d, n - d);
}

/** Mean degree of the network. */
export function meanDegree(net: Network): number {
  return net.neighbours.length / net.size;
}

/** Mean local clustering coefficient over the given residents (all when omitted). */
export function clustering(net: Network, sample?: ArrayLike<number>): number {
  const nodes = sample ?? Array.from({ length: net.size }, (_, i) => i);
  let total = 0;
  let counted = 0;
  for (let s = 0; s < nodes.length; s++) {
    const i = nodes[s];
    const a = net.offsets[i];
    const b = net.offsets[i + 1];
    const k = b - a;
    if (k < 2) continue;
    const mine = new Set<number>();
    for (let x = a; x < b; x++) mine.add(net.neighbours[x]);
    let links = 0;
    for (let x = a; x < b; x++) {
      const j = net.neighbours[x];
      for (let y = net.offsets[j]; y < net.offsets[j + 1]; y++) if (mine.has(net.neighbours[y])) links++;
    }
    total += links / (k * (k - 1));
    counted++;
  }
  return counted ? total / counted : 0;
}
