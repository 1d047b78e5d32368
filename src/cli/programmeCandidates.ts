/**
 * The candidates of `wushe programme optimise` as programmes: the file as written (with `--set`
 * applied), and each candidate's values written into it, validated and resolved, the scenario
 * files read once each. Every problem is a `UsageError` (exit 2).
 */
import { dirname, resolve } from 'node:path';
import { applyValues, type Space } from '../batch/optimiseSpace.ts';
import { parseJson } from '../model/parse.ts';
import { applyProgrammeSet, parseProgramme } from '../model/programme.ts';
import { type Programme, resolveProgramme } from '../model/programmeCommunities.ts';
import type { Scenario } from '../model/scenario.ts';
import { UsageError } from './errors.ts';
import { loadScenario, readText } from './io.ts';

/** The file as written with `--set` applied (after `loadProgramme` has validated it). */
export function rawFile(file: string, set: readonly string[]): Record<string, unknown> {
  const json = parseJson(readText(file), file);
  if (!json.ok) throw new UsageError(json.error);
  const value = json.value as Record<string, unknown>;
  const problems: string[] = [];
  for (const a of set) {
    const error = applyProgrammeSet(value, a);
    if (error) problems.push(error);
  }
  if (problems.length > 0) throw new UsageError(problems);
  return value;
}

/** Builds (and keeps) the resolved programme of a candidate's values; the scenario files are read once each. */
export function programmeMaker(file: string, raw: Record<string, unknown>, space: Space) {
  const base = dirname(resolve(file));
  const scenarios = new Map<string, Scenario>();
  const load = (p: string) => {
    const at = resolve(base, p);
    let s = scenarios.get(at);
    if (!s) {
      s = loadScenario(at).scenario;
      scenarios.set(at, s);
    }
    return s;
  };
  const made = new Map<string, Programme>();
  const make = (values: Record<string, unknown>): Programme => {
    const key = JSON.stringify(values);
    const known = made.get(key);
    if (known) return known;
    const parsed = parseProgramme(applyValues(raw, values as never));
    if (!parsed.ok) throw new UsageError(parsed.errors.map((e) => `${file}: candidate ${key}: ${e}`));
    const spec = parsed.programme;
    const programme =
      typeof spec.communities === 'number'
        ? resolveProgramme(spec, { template: load(spec.scenario as string) })
        : resolveProgramme(spec, { files: spec.communities.map(load) });
    if (made.size > 256) made.clear();
    made.set(key, programme);
    return programme;
  };
  // every listed value that names files is read now, so a missing file is bad input before any run
  for (const d of space.dims)
    if (d.kind === 'categorical' && (d.path === 'scenario' || d.path === 'communities'))
      for (const v of d.values) make({ [d.path]: v });
  return make;
}
