/**
 * The decision space of `wushe programme optimise` (docs/programme.md, "Optimising a programme"):
 * the programme file's `free` variables checked against the file, and the map from a point of the
 * unit hypercube to the values of a candidate. Ranges are real or whole numbers, `values` lists are
 * categorical; the instruments' budget shares that are free are kept inside the budget (projected
 * onto the part of the simplex the fixed shares leave). Pure: no Node or DOM API.
 */
import { type FreeVariable, PROGRAMME_SETTABLE_PATHS, parseProgramme } from '../model/programme.ts';
import { INSTRUMENTS, PROGRAMME_NUMBERS } from '../model/programmeParameters.ts';
import { tidy } from './stats.ts';

export type FreeValue = number | string | unknown[];

/** One decision variable. */
export type Dimension =
  | { path: string; kind: 'real' | 'integer'; min: number; max: number }
  | { path: string; kind: 'categorical'; values: FreeValue[] };

/** The decision space: its dimensions, and the share paths kept inside the budget. */
export interface Space {
  dims: Dimension[];
  /** Free share paths (instruments.*.share) and the budget share the fixed instruments leave them. */
  shares?: { paths: string[]; available: number };
}

/** Fields that are not decisions (the seed would break common random numbers). */
const NOT_FREE = new Set(['id', 'seed', 'free', 'title.zh', 'title.en', 'description.zh', 'description.en']);
const SHARE_PATHS = INSTRUMENTS.map((id) => `instruments.${id}.share`);

/** A deep copy of a JSON object with `path` (dotted) set to `value`. */
export function withValue(
  file: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(file);
  const keys = path.split('.');
  let obj = copy;
  for (const k of keys.slice(0, -1)) {
    if (typeof obj[k] !== 'object' || obj[k] === null || Array.isArray(obj[k])) obj[k] = {};
    obj = obj[k] as Record<string, unknown>;
  }
  obj[keys[keys.length - 1]] = value;
  return copy;
}

/** The programme file with a candidate's values written in. */
export function applyValues(
  file: Record<string, unknown>,
  values: Readonly<Record<string, FreeValue>>,
): Record<string, unknown> {
  let out = file;
  for (const [path, value] of Object.entries(values)) out = withValue(out, path, value);
  return out;
}

function show(v: unknown): string {
  return JSON.stringify(v);
}

/**
 * Checks the file's free variables and builds the space; every problem is a `free[i]…: message`
 * line. `file` is the programme file as written (with `--set` applied); it must itself be valid.
 */
export function buildSpace(
  file: Record<string, unknown>,
  free: readonly FreeVariable[],
): { ok: true; space: Space } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const base = parseProgramme(file);
  if (!base.ok) return { ok: false, errors: base.errors };
  if (free.length === 0)
    return {
      ok: false,
      errors: [
        'free: no decision variables to optimise; add e.g. "free": [{ "path": "instruments.socialWork.share", "min": 0.2, "max": 0.9 }]',
      ],
    };
  const dims: Dimension[] = [];
  const seen = new Map<string, number>();
  const check = (where: string, path: string, value: unknown) => {
    const r = parseProgramme(withValue(file, path, value));
    if (!r.ok) for (const e of r.errors) errors.push(`${where}: ${show(value)} for ${path} gives ${e}`);
  };
  for (const [i, f] of free.entries()) {
    const at = `free[${i}]`;
    if (!PROGRAMME_SETTABLE_PATHS.includes(f.path)) {
      errors.push(`${at}.path: unknown path "${f.path}"`);
      continue;
    }
    if (NOT_FREE.has(f.path)) {
      errors.push(
        `${at}.path: "${f.path}" cannot be free${f.path === 'seed' ? ' (every candidate runs on the same replicate seeds, derived from it)' : ' (not a decision)'}`,
      );
      continue;
    }
    const before = seen.get(f.path);
    if (before !== undefined) {
      errors.push(`${at}.path: "${f.path}" is already free (free[${before}])`);
      continue;
    }
    seen.set(f.path, i);
    const hasRange = f.min !== undefined || f.max !== undefined;
    if (hasRange === (f.values !== undefined)) {
      errors.push(
        `${at}: give either "min" and "max" (a range) or "values" (a list), not ${hasRange ? 'both' : 'neither'}`,
      );
      continue;
    }
    if (f.values !== undefined) {
      const keys = f.values.map((v) => show(v));
      const dup = keys.findIndex((k, j) => keys.indexOf(k) !== j);
      if (dup >= 0) errors.push(`${at}.values[${dup}]: ${keys[dup]} is listed twice`);
      const n = errors.length;
      if (!SHARE_PATHS.includes(f.path))
        f.values.forEach((v, j) => {
          check(`${at}.values[${j}]`, f.path, v);
        });
      if (errors.length === n) dims.push({ path: f.path, kind: 'categorical', values: [...f.values] });
      continue;
    }
    const spec = PROGRAMME_NUMBERS.find((s) => s.path === f.path);
    if (!spec) {
      errors.push(`${at}: "${f.path}" is not a number; give its choices as "values"`);
      continue;
    }
    if (f.min === undefined || f.max === undefined) {
      errors.push(`${at}: a range needs both "min" and "max"`);
      continue;
    }
    const n = errors.length;
    for (const k of ['min', 'max'] as const) {
      const v = f[k] as number;
      if (v < spec.min || v > spec.max)
        errors.push(`${at}.${k}: ${v} is outside ${spec.min} – ${spec.max}, the declared range of ${f.path}`);
      else if (spec.integer && !Number.isInteger(v)) errors.push(`${at}.${k}: ${f.path} is a whole number`);
    }
    if (f.min >= f.max) errors.push(`${at}: min (${f.min}) must be less than max (${f.max})`);
    if (errors.length > n) continue;
    // a share is projected into the budget with the other shares (below), not checked alone
    if (!SHARE_PATHS.includes(f.path)) {
      check(`${at}.min`, f.path, f.min);
      check(`${at}.max`, f.path, f.max);
    }
    if (errors.length === n)
      dims.push({ path: f.path, kind: spec.integer ? 'integer' : 'real', min: f.min, max: f.max });
  }
  if (errors.length > 0) return { ok: false, errors };
  const freeShares = SHARE_PATHS.filter((p) => dims.some((d) => d.path === p));
  if (freeShares.length === 0) return { ok: true, space: { dims } };
  const instruments = base.programme.instruments;
  const fixed = INSTRUMENTS.filter((id) => !freeShares.includes(`instruments.${id}.share`)).reduce(
    (s, id) => s + instruments[id].share,
    0,
  );
  const lowest = dims.reduce((s, d) => s + (freeShares.includes(d.path) ? lowestShare(d) : 0), 0);
  if (fixed + lowest > 1 + 1e-9)
    return {
      ok: false,
      errors: [
        `free: the free shares' lowest values (${tidy(lowest, 6)}) and the fixed instruments' shares (${tidy(fixed, 6)}) add up to more than the whole budget (1)`,
      ],
    };
  return { ok: true, space: { dims, shares: { paths: freeShares, available: Math.max(0, 1 - fixed) } } };
}

function lowestShare(d: Dimension): number {
  return d.kind === 'categorical' ? Math.min(...d.values.map(Number)) : d.min;
}

/** The number of distinct candidates when every dimension is finite (whole numbers or a list); else Infinity. */
export function spaceSize(space: Space): number {
  let n = 1;
  for (const d of space.dims)
    n *= d.kind === 'categorical' ? d.values.length : d.kind === 'integer' ? d.max - d.min + 1 : Infinity;
  return n;
}

/** Every candidate of a finite space, as unit points at the centre of each cell (first dimension slowest). */
export function enumerateSpace(space: Space): number[][] {
  const sizes = space.dims.map((d) =>
    d.kind === 'categorical' ? d.values.length : d.kind === 'integer' ? d.max - d.min + 1 : 1,
  );
  const out: number[][] = [[]];
  for (const size of sizes) {
    const next: number[][] = [];
    for (const p of out) for (let i = 0; i < size; i++) next.push([...p, (i + 0.5) / size]);
    out.splice(0, out.length, ...next);
  }
  return out;
}

/**
 * The values of the candidate at unit point `u`: a range maps linearly (whole numbers: equal
 * cells), a list by equal cells. Free shares adding up to more than the budget the fixed
 * instruments leave are lowered towards their lowest values in proportion to how far above those
 * they are, so that they add up to exactly what is left (each stays within its range); shares are
 * kept to 6 decimals, rounded down.
 */
export function decode(space: Space, u: readonly number[]): Record<string, FreeValue> {
  const values: Record<string, FreeValue> = {};
  space.dims.forEach((d, j) => {
    const x = Math.min(Math.max(u[j], 0), 1);
    if (d.kind === 'categorical')
      values[d.path] = d.values[Math.min(d.values.length - 1, Math.floor(x * d.values.length))];
    else if (d.kind === 'integer')
      values[d.path] = Math.min(d.max, d.min + Math.floor(x * (d.max - d.min + 1)));
    else values[d.path] = tidy(d.min + x * (d.max - d.min), 6);
  });
  if (space.shares) {
    const { paths, available } = space.shares;
    const dims = space.dims.filter((d) => paths.includes(d.path));
    const v = dims.map((d) => Number(values[d.path]));
    const lo = dims.map(lowestShare);
    const total = v.reduce((s, x) => s + x, 0);
    if (total > available) {
      const above = v.reduce((s, x, i) => s + (x - lo[i]), 0);
      const room = available - lo.reduce((s, x) => s + x, 0);
      const t = above > 0 ? Math.max(0, room) / above : 0;
      dims.forEach((d, i) => {
        values[d.path] = Math.floor((lo[i] + (v[i] - lo[i]) * t) * 1e6) / 1e6;
      });
    }
  }
  return values;
}

/** A candidate's identity: its values in the space's order (the same values are the same candidate). */
export function candidateKey(space: Space, values: Readonly<Record<string, FreeValue>>): string {
  return JSON.stringify(space.dims.map((d) => values[d.path]));
}
