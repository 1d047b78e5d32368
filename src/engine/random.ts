import seedrandom from 'seedrandom';
import { MECHANISMS } from '../model/mechanisms.ts';

/** A uniform random number in [0, 1). */
export type Random = () => number;

/**
 * Named random streams, one per subsystem, all derived from the scenario seed, so that adding a
 * system or a draw in one does not shift the others. xor4096 is used for speed
 * (about 7 ns a draw against about 50 ns for the default ARC4).
 *
 * The cultivation channels (联中动) each draw from a stream of their own, `channels[m]` for
 * mechanism m, and a channel knocked out still makes the draws that decide how many events it has:
 * switching one channel off then leaves the other channels' draws where they were for as long as
 * the two runs have the same people open to them, and the runs with and without it differ by what
 * the channel did and what followed from it, not by a reshuffle of everyone's random numbers
 * (synchronised common random numbers; docs/ODD.md, "Stochasticity").
 */
export interface Streams {
  network: Random;
  population: Random;
  /** One stream per mechanism, indexed as MECHANISMS (only the cultivation channels use theirs). */
  channels: Random[];
  /** Projects in three streams: starting them, assembling their teams, delivering them. */
  projectStarts: Random;
  projectTeams: Random;
  projectDelivery: Random;
  services: Random;
  /** Attrition in four streams, for the same reason as `channels` (`closure` also draws a leader's successor). */
  lapse: Random;
  closure: Random;
  turnover: Random;
  donorLapse: Random;
  interventions: Random;
  socialWork: Random;
  committee: Random;
  funds: Random;
}

export const STREAM_NAMES: readonly Exclude<keyof Streams, 'channels'>[] = [
  'network',
  'population',
  'projectStarts',
  'projectTeams',
  'projectDelivery',
  'services',
  'lapse',
  'closure',
  'turnover',
  'donorLapse',
  'interventions',
  'socialWork',
  'committee',
  'funds',
];

/** The one way to derive a named random stream from a seed (every stream of a run comes from here). */
export function namedStream(seed: number, name: string): Random {
  return seedrandom.xor4096(`wushe:${seed}:${name}`);
}

export function createStreams(seed: number): Streams {
  const out = {} as Streams;
  for (const name of STREAM_NAMES) out[name] = namedStream(seed, name);
  out.channels = MECHANISMS.map((m) => namedStream(seed, `channel:${m.id}`));
  return out;
}

/** A random integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/**
 * Number of events for an expected count `lambda`: its whole part plus one more with the
 * remainder's chance. Always one draw, also when `lambda` is 0 (a knocked-out channel), so that a
 * stream's later draws do not depend on whether a channel was on.
 */
export function drawCount(random: Random, lambda: number): number {
  const u = random();
  if (!(lambda > 0)) return 0;
  const whole = Math.floor(lambda);
  return whole + (u < lambda - whole ? 1 : 0);
}

/** A draw from a Beta-like distribution on [0, 1] with the given mean (sum of two uniforms, rescaled). */
export function unitWithMean(random: Random, mean: number): number {
  const u = (random() + random()) / 2;
  // map the symmetric draw so that its mean is `mean` while staying in [0, 1]
  return mean < 0.5 ? u * 2 * mean : 1 - (1 - u) * 2 * (1 - mean);
}
