/**
 * The folder of `wushe programme optimise --out DIR`: the settings (optimise.json), every
 * evaluation as it finishes (evaluations.jsonl, or evaluations-shard-I-of-N.jsonl for a shard of a
 * Slurm array; together the cache a resumed or sharded search reads back), and at the end
 * trace.csv (every candidate) and best.json (the programme with the best values written in).
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { csvText } from '../batch/csv.ts';
import { type Candidate, robust, type SearchOptions } from '../batch/optimiseSearch.ts';
import { applyValues, type FreeValue, type Space } from '../batch/optimiseSpace.ts';
import { tidy } from '../batch/stats.ts';
import { UsageError } from './errors.ts';

export const OPTIMISE_OUT_FILES = ['optimise.json', 'evaluations.jsonl', 'trace.csv', 'best.json'];

/** What a search is: the same in every shard and every resumption of it. */
export interface OptimiseSettings {
  programme: Record<string, unknown>;
  objective: string;
  options: Omit<SearchOptions, 'seed'> & { seed: number };
  replicateSeeds: number[];
}

/** Writes `file` through a temporary file and a rename (never half-written). */
function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Writes optimise.json, or checks that the folder's is this search's (exit 2 if not). */
export function settleSettings(dir: string, settings: OptimiseSettings): void {
  const file = join(dir, 'optimise.json');
  const text = `${JSON.stringify(settings, null, 2)}\n`;
  if (!existsSync(file)) {
    writeAtomic(file, text);
    return;
  }
  let old: unknown;
  try {
    old = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new UsageError(`${file}: not a JSON file written by wushe programme optimise`);
  }
  if (JSON.stringify(old) !== JSON.stringify(settings))
    throw new UsageError(
      `${file}: the folder holds another search (programme, objective or options differ); use a new --out folder`,
    );
}

/** The evaluations recorded in the folder (every evaluations*.jsonl): "key|seed index" → objective. */
export function readCache(dir: string): Map<string, number> {
  const cache = new Map<string, number>();
  if (!existsSync(dir)) return cache;
  for (const name of readdirSync(dir).sort()) {
    if (!/^evaluations.*\.jsonl$/.test(name)) continue;
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        const e = JSON.parse(line) as { key: string; seedIndex: number; value: number | null };
        cache.set(`${e.key}|${e.seedIndex}`, e.value === null ? Number.NaN : e.value);
      } catch {
        // a line cut off by a kill: that evaluation runs again
      }
    }
  }
  return cache;
}

/** Appends one evaluation to the folder's log (one write per line). */
export function logEvaluation(
  file: string,
  c: Candidate,
  seedIndex: number,
  seed: number,
  value: number,
): void {
  const line = {
    key: c.key,
    seedIndex,
    seed,
    values: c.values,
    value: Number.isFinite(value) ? value : null,
  };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}

/** trace.csv: every candidate, its values, its objective per seed, robust score and mean, rank. */
export function traceCsv(
  space: Space,
  candidates: readonly Candidate[],
  ranking: readonly Candidate[],
  options: SearchOptions,
  seeds: readonly number[],
): string {
  const header = [
    'candidate',
    'round',
    'rung',
    ...space.dims.map((d) => d.path),
    ...seeds.map((s) => `seed.${s}`),
    'n',
    `quantile`,
    'mean',
    'rank',
  ];
  const rankOf = new Map(ranking.map((c, i) => [c, i + 1]));
  const rows = candidates.map((c) => {
    const n = c.scores.filter((y) => y !== undefined).length;
    const r = robust(c, n, options.quantile, options.sense);
    return [
      c.id,
      c.round,
      c.rung,
      ...space.dims.map((d) => c.values[d.path]),
      ...seeds.map((_, i) => (c.scores[i] === undefined ? null : tidy(c.scores[i] as number, 8))),
      n,
      tidy(r.score, 8),
      tidy(r.mean, 8),
      rankOf.get(c) ?? null,
    ];
  });
  return csvText(header, rows);
}

/**
 * The programme file with the best values written in, its relative paths (scenario, community
 * files, $schema) rewritten for the folder it is written to, so that `wushe programme run` takes it.
 */
export function bestProgramme(
  file: Record<string, unknown>,
  values: Readonly<Record<string, FreeValue>>,
  from: string,
  to: string,
): Record<string, unknown> {
  const out = applyValues(file, values);
  const move = (p: unknown) =>
    typeof p === 'string' && !isAbsolute(p) ? relative(to, resolve(from, p)) || '.' : p;
  if (typeof out.scenario === 'string') out.scenario = move(out.scenario);
  if (Array.isArray(out.communities)) out.communities = out.communities.map(move);
  if (typeof out.$schema === 'string' && !/^[a-z]+:/i.test(out.$schema)) out.$schema = move(out.$schema);
  return out;
}

export function writeResults(
  dir: string,
  programmeFile: string,
  file: Record<string, unknown>,
  trace: string,
  best: Candidate | undefined,
): void {
  writeAtomic(join(dir, 'trace.csv'), trace);
  if (best)
    writeAtomic(
      join(dir, 'best.json'),
      `${JSON.stringify(bestProgramme(file, best.values, dirname(resolve(programmeFile)), resolve(dir)), null, 2)}\n`,
    );
}

/** The top candidates as a text table. */
export function formatTop(
  space: Space,
  ranking: readonly Candidate[],
  options: SearchOptions,
  objective: string,
  top = 10,
): string {
  const q = `q${tidy(options.quantile * 100, 4)}`;
  const label = options.sense === 'max' ? q : `q${tidy((1 - options.quantile) * 100, 4)}`;
  const header = ['rank', 'candidate', ...space.dims.map((d) => d.path), `${objective} ${label}`, 'mean'];
  const rows = ranking.slice(0, top).map((c, i) => {
    const r = robust(c, options.seeds, options.quantile, options.sense);
    const num = (x: number) => (Number.isFinite(x) ? String(tidy(x, 5)) : '–');
    return [
      String(i + 1),
      String(c.id),
      ...space.dims.map((d) => JSON.stringify(c.values[d.path])),
      num(r.score),
      num(r.mean),
    ];
  });
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) =>
    cells
      .map((x, j) => x.padEnd(widths[j]))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
