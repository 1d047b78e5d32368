/**
 * Reading a programme file from disk: JSON with line and column on a syntax error, `--set`
 * overrides on any field, strict validation (`FILE: path: message`), then its communities' scenario
 * files, named relative to the programme file. Every problem is a `UsageError` (exit 2).
 */
import { dirname, resolve } from 'node:path';
import { parseJson } from '../model/parse.ts';
import { applyProgrammeSet, type ProgrammeSpec, parseProgramme } from '../model/programme.ts';
import { type Programme, resolveProgramme } from '../model/programmeCommunities.ts';
import { UsageError } from './errors.ts';
import { loadScenario, readText } from './io.ts';

export interface LoadedProgramme {
  spec: ProgrammeSpec;
  programme: Programme;
}

/** Reads, overrides (`--set path=value`, in order), validates and resolves a programme file. */
export function loadProgramme(file: string, set: readonly string[] = []): LoadedProgramme {
  const json = parseJson(readText(file), file);
  if (!json.ok) throw new UsageError(json.error);
  const value = json.value;
  const origins = new Map<string, string>();
  if (set.length > 0 && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const problems: string[] = [];
    for (const a of set) {
      const error = applyProgrammeSet(value as Record<string, unknown>, a);
      if (error) problems.push(error);
      else origins.set(a.slice(0, a.indexOf('=')).trim(), `--set ${a}`);
    }
    if (problems.length > 0) throw new UsageError(problems);
  }
  const result = parseProgramme(value);
  if (!result.ok)
    throw new UsageError(
      result.errors.map((line) => {
        const path = line.slice(0, line.indexOf(':'));
        for (const [p, o] of origins)
          if (path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`))
            return `${file}: ${line} (from ${o})`;
        return `${file}: ${line}`;
      }),
    );
  const spec = result.programme;
  const base = dirname(file);
  const load = (path: string) => loadScenario(resolve(base, path)).scenario;
  const programme =
    typeof spec.communities === 'number'
      ? resolveProgramme(spec, { template: load(spec.scenario as string) })
      : resolveProgramme(spec, { files: spec.communities.map(load) });
  return { spec, programme };
}
