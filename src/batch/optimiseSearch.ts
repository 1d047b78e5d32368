/**
 * The search of `wushe programme optimise` (docs/programme.md, "Optimising a programme"): iterated
 * racing by successive halving on common random numbers. Round 1 is a Latin hypercube over the
 * free variables (every candidate when the space is finite and small enough); each later round
 * samples new candidates around the best so far (the elites), in a shrinking neighbourhood, and
 * races them with the elites. A race evaluates every candidate on the first few replicate seeds,
 * keeps the better half by the robust score, doubles the seeds, and so on until the survivors have
 * every seed. The robust score is a low quantile of the objective over the seeds (the high
 * quantile when minimising). Every candidate is run on the same seeds, in the same order.
 * Deterministic given the seed; the evaluations themselves come from the caller (`Evaluate`), so
 * the same search runs on the worker pool, on shards of a Slurm array, or on a cheap synthetic
 * objective in the tests. Pure: no Node or DOM API.
 */
import seedrandom from 'seedrandom';
import { latinHypercube } from './designs.ts';
import {
  candidateKey,
  decode,
  enumerateSpace,
  type FreeValue,
  type Space,
  spaceSize,
} from './optimiseSpace.ts';

export type Sense = 'max' | 'min';

export interface SearchOptions {
  /** Replicate seeds a finished candidate has (the last rung of a race). */
  seeds: number;
  /** Seeds of the first rung (at most `seeds`). */
  minSeeds: number;
  /** Evaluations (one candidate on one seed) the search may spend. */
  budget: number;
  /** The quantile of the robust score, e.g. 0.1. */
  quantile: number;
  sense: Sense;
  /** The stream of the search's own draws. */
  seed: number;
  /** Elites carried from round to round (default 3). */
  elites?: number;
}

export interface Candidate {
  id: number;
  round: number;
  /** The unit point it was drawn at. */
  unit: number[];
  values: Record<string, FreeValue>;
  key: string;
  /** The objective per seed index (undefined: not evaluated; NaN: undefined for that replicate). */
  scores: (number | undefined)[];
  /** Highest rung of a race the candidate reached. */
  rung: number;
}

/** One evaluation to make: a candidate on replicate seed `seedIndex`. */
export interface Job {
  candidate: Candidate;
  seedIndex: number;
}

/** Evaluates jobs (in any order, on any number of workers); resolves with the objective per job. */
export type Evaluate = (jobs: Job[], stage: Stage) => Promise<number[]>;

export interface Stage {
  round: number;
  rung: number;
  seeds: number;
  candidates: number;
  /** Evaluations spent before this stage, and the budget. */
  spent: number;
  budget: number;
  /** The best finished candidate so far, if any. */
  best?: Candidate;
}

export interface SearchResult {
  candidates: Candidate[];
  /** Finished candidates (every seed), best first. */
  ranking: Candidate[];
  spent: number;
  rounds: number;
}

/** Quantile `p` of values (linear interpolation between order statistics, type 7 of Hyndman & Fan 1996). */
export function quantile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo] === s[hi] ? s[lo] : s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/** A candidate's robust score and mean over its first `n` seeds (NaN counts as the worst value). */
export function robust(c: Candidate, n: number, q: number, sense: Sense): { score: number; mean: number } {
  const worst = sense === 'max' ? -Infinity : Infinity;
  const ys = c.scores.slice(0, n).map((y) => (y === undefined || Number.isNaN(y) ? worst : y));
  const finite = ys.filter(Number.isFinite);
  return {
    score: quantile(ys, sense === 'max' ? q : 1 - q),
    mean: finite.length === ys.length ? finite.reduce((s, y) => s + y, 0) / ys.length : worst,
  };
}

/** Candidates ordered best first on their first `n` seeds: robust score, then mean, then creation. */
export function rank(cands: readonly Candidate[], n: number, o: SearchOptions): Candidate[] {
  const sign = o.sense === 'max' ? -1 : 1;
  const key = new Map(cands.map((c) => [c, robust(c, n, o.quantile, o.sense)]));
  const cmp = (x: number, y: number) => (x === y ? 0 : sign * (x < y ? -1 : 1));
  return [...cands].sort((a, b) => {
    const ka = key.get(a)!;
    const kb = key.get(b)!;
    return cmp(ka.score, kb.score) || cmp(ka.mean, kb.mean) || a.id - b.id;
  });
}

/** The seeds of each rung of a race: minSeeds, doubling, ending at `seeds`. */
export function rungSeeds(o: Pick<SearchOptions, 'seeds' | 'minSeeds'>): number[] {
  const out: number[] = [];
  for (let s = Math.min(o.minSeeds, o.seeds); ; s *= 2) {
    out.push(Math.min(s, o.seeds));
    if (s >= o.seeds) return out;
  }
}

/** Evaluations a race of `n` new candidates costs at most. */
export function raceCost(n: number, o: Pick<SearchOptions, 'seeds' | 'minSeeds'>): number {
  let cost = 0;
  let prev = 0;
  rungSeeds(o).forEach((s, j) => {
    cost += Math.ceil(n / 2 ** j) * (s - prev);
    prev = s;
  });
  return cost;
}

/** The smallest budget a search needs: a race of two candidates. */
export function minimumBudget(o: Pick<SearchOptions, 'seeds' | 'minSeeds'>): number {
  return raceCost(2, o);
}

function largestRace(budget: number, fixed: number, o: SearchOptions): number {
  let n = 0;
  while (raceCost(fixed + n + 1, o) <= budget && n < 100_000) n++;
  return n;
}

/** A standard normal draw (Box–Muller) from the search's stream. */
function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Reflects x into [0, 1]. */
function reflect(x: number): number {
  let y = Math.abs(x) % 2;
  if (y > 1) y = 2 - y;
  return y;
}

export async function search(space: Space, o: SearchOptions, evaluate: Evaluate): Promise<SearchResult> {
  if (o.budget < minimumBudget(o))
    throw new RangeError(
      `the budget (${o.budget}) is below the ${minimumBudget(o)} evaluations a race of two candidates needs`,
    );
  const random = seedrandom.alea(`wushe-optimise:${o.seed}`);
  const rungs = rungSeeds(o);
  const candidates: Candidate[] = [];
  const byKey = new Map<string, Candidate>();
  let spent = 0;
  const k = space.dims.length;
  const eliteCount = o.elites ?? 3;

  /** A candidate at unit point u: a new one, or the existing one with the same values. */
  const make = (unit: number[], round: number): { candidate: Candidate; fresh: boolean } => {
    const values = decode(space, unit);
    const key = candidateKey(space, values);
    const known = byKey.get(key);
    if (known) return { candidate: known, fresh: false };
    const candidate: Candidate = { id: candidates.length, round, unit, values, key, scores: [], rung: -1 };
    candidates.push(candidate);
    byKey.set(key, candidate);
    return { candidate, fresh: true };
  };
  const finished = () =>
    rank(
      candidates.filter((c) => c.rung === rungs.length - 1),
      o.seeds,
      o,
    );

  const race = async (field: Candidate[], round: number) => {
    let alive = field;
    let prev = 0;
    for (let j = 0; j < rungs.length; j++) {
      const s = rungs[j];
      const best = finished()[0];
      const jobs: Job[] = [];
      for (const c of alive) {
        c.rung = Math.max(c.rung, j);
        for (let i = prev; i < s; i++)
          if (c.scores[i] === undefined) jobs.push({ candidate: c, seedIndex: i });
      }
      for (const c of alive)
        for (let i = 0; i < prev; i++)
          if (c.scores[i] === undefined) jobs.push({ candidate: c, seedIndex: i });
      const stage: Stage = {
        round,
        rung: j,
        seeds: s,
        candidates: alive.length,
        spent,
        budget: o.budget,
        best,
      };
      if (jobs.length > 0) {
        const ys = await evaluate(jobs, stage);
        jobs.forEach((job, i) => {
          job.candidate.scores[job.seedIndex] = ys[i];
        });
        spent += jobs.length;
      }
      if (j === rungs.length - 1) break;
      alive = rank(alive, s, o).slice(0, Math.max(1, Math.ceil(alive.length / 2)));
      prev = s;
    }
  };

  // round 1: a Latin hypercube, or every candidate of a small finite space
  const size = spaceSize(space);
  const n1 = Math.max(2, largestRace(Math.floor(o.budget / 2), 0, o));
  const points = size <= n1 ? enumerateSpace(space) : latinHypercube(n1, k, random);
  const first: Candidate[] = [];
  for (const u of points) {
    const { candidate, fresh } = make(u, 1);
    if (fresh) first.push(candidate);
  }
  await race(first, 1);
  let round = 1;
  // later rounds: new candidates around the elites, raced with them
  for (;;) {
    const remaining = o.budget - spent;
    const elites = finished().slice(0, eliteCount);
    if (remaining < minimumBudget(o)) break;
    const roundBudget =
      remaining < 2 * raceCost(elites.length + 2, o) ? remaining : Math.floor(remaining / 2);
    const n = largestRace(roundBudget, elites.length, o);
    if (n < 1) break;
    const next = round + 1;
    const sigma = 0.25 * 0.5 ** (next - 2);
    const keep = 1 - 0.5 ** (next - 1);
    const weights = elites.map((_, r) => elites.length - r);
    const total = weights.reduce((s, w) => s + w, 0);
    const fresh: Candidate[] = [];
    for (let tries = 0; fresh.length < n && tries < 20 * n; tries++) {
      let pick = random() * total;
      let e = 0;
      while (e < elites.length - 1 && pick >= weights[e]) pick -= weights[e++];
      const parent = elites[e];
      const unit = space.dims.map((d, j) => {
        if (d.kind !== 'categorical') return reflect(parent.unit[j] + sigma * normal(random));
        return random() < keep ? parent.unit[j] : random();
      });
      const made = make(unit, next);
      if (made.fresh) fresh.push(made.candidate);
    }
    if (fresh.length === 0) break;
    round = next;
    await race([...elites, ...fresh], round);
  }
  return { candidates, ranking: finished(), spent, rounds: round };
}
