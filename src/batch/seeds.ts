/**
 * Per-run seeds. A run's seed is a hash of the master seed, its design point and its replicate, so
 * it never depends on how many workers there are, which shard runs it, or in what order.
 */

/** Largest seed a scenario accepts (`seed` in src/model/parameters.ts). */
export const MAX_SEED = 4294967295;

/** murmur3's 32-bit finaliser: every input bit affects every output bit. */
function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Mixes one 32-bit word into a running hash (murmur3's block step). */
function mix(h: number, k: number): number {
  let x = Math.imul(k >>> 0, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  let y = (h ^ x) >>> 0;
  y = (y << 13) | (y >>> 19);
  return (Math.imul(y, 5) + 0xe6546b64) >>> 0;
}

/** Splits a non-negative safe integer into its low and high 32-bit words. */
function words(n: number): [number, number] {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`expected a non-negative whole number, got ${n}`);
  return [n >>> 0, Math.floor(n / 2 ** 32) >>> 0];
}

/**
 * The seed of one run: a 32-bit hash of (master seed, design point, replicate). Different points
 * and replicates get unrelated seeds; the same triple always gets the same seed.
 */
export function deriveSeed(master: number, point: number, replicate: number): number {
  let h = 0x5eed5eed;
  for (const n of [master, point, replicate]) {
    const [lo, hi] = words(n);
    h = mix(h, lo);
    h = mix(h, hi);
  }
  return fmix32(h ^ 24);
}
