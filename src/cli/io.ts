import { existsSync, readFileSync, statSync, truncateSync } from 'node:fs';
import type { JsonLinesText } from '../batch/jsonLines.ts';
import { type Lang, message } from '../model/messages.ts';
import { applySet, parseJson } from '../model/parse.ts';
import { type Scenario, validateScenario } from '../model/scenario.ts';
import { fsReason, UsageError } from './errors.ts';
import { cliLang } from './lang.ts';

/** Reads a text file, turning file-system failures into one-line `UsageError`s. */
export function readText(file: string): string {
  try {
    if (statSync(file).isDirectory()) throw new UsageError(`cannot read ${file}: is a folder`);
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${file}: ${fsReason(e)}`);
  }
}

/** Overrides applied to a scenario file before it is validated. */
export interface Overrides {
  /** `path=value` assignments, in the order given (`--set`). */
  set?: string[];
  seed?: number;
  ticks?: number;
  /** Mechanism ids to switch off, added to the scenario's own `knockouts` (`--knockout`). */
  knockouts?: string[];
}

export interface LoadedScenario {
  /** The validated scenario, every parameter filled in. */
  scenario: Scenario;
}

/**
 * Reads, parses, overrides and validates a scenario file. Every problem becomes a line of a
 * `UsageError`: `FILE:LINE:COLUMN: invalid JSON: …`, `--set …: unknown path …`, or
 * `FILE: path: message` for each validation problem.
 */
export function loadScenario(file: string, overrides: Overrides = {}): LoadedScenario {
  const lang = cliLang();
  const text = readText(file);
  const json = parseJson(text, file, { lang });
  if (!json.ok) throw new UsageError(json.error);
  const value = json.value;

  // Each override as a `path=value` assignment; the origin is named in validation messages.
  const assignments: { assignment: string; origin: string }[] = (overrides.set ?? []).map((a) => ({
    assignment: a,
    origin: `--set ${a}`,
  }));
  if (overrides.seed !== undefined)
    assignments.push({ assignment: `seed=${overrides.seed}`, origin: '--seed' });
  if (overrides.ticks !== undefined)
    assignments.push({ assignment: `ticks=${overrides.ticks}`, origin: '--ticks' });

  const origins = new Map<string, string>();
  if (assignments.length > 0 && isPlainObject(value)) {
    const problems: string[] = [];
    for (const { assignment, origin } of assignments) {
      const error = applySet(value, assignment, { lang });
      if (error) problems.push(error);
      else origins.set(assignment.slice(0, assignment.indexOf('=')).trim(), origin);
    }
    if (problems.length > 0) throw new UsageError(problems);
  }
  if (overrides.knockouts?.length && isPlainObject(value)) {
    const own = Array.isArray(value.knockouts) ? value.knockouts : [];
    value.knockouts = [...own, ...overrides.knockouts];
    origins.set('knockouts', '--knockout');
  }

  const result = validateScenario(value, { lang });
  if (!result.ok) {
    const issues = result.issues ?? result.errors.map((e) => ({ path: '', message: e }));
    const lines = result.errors.map(
      (line, k) => `${file}: ${line}${origin(issues[k]?.path ?? '', origins, lang)}`,
    );
    throw new UsageError(lines);
  }
  return { scenario: result.scenario };
}

/** ` (from --set …)` when a validation message is about a path an override set. */
function origin(path: string, origins: Map<string, string>, lang: Lang): string {
  for (const [p, o] of origins) {
    if (path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`))
      return message('fromOption', lang, { option: o });
  }
  return '';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A JSON-lines file of records as read: each key once, and whether a torn last line was dropped. */
export interface JsonLinesFile<T> {
  /** Records in file order, each key once (first line kept). */
  records: T[];
  /** Whether a torn last line (cut off by a kill) was dropped. */
  torn: boolean;
  /** Lines repeating a key. */
  duplicates: number;
}

/**
 * Reads a JSON-lines file of records (runs.jsonl, replicates.jsonl) with `parse`. A last line
 * without its newline is torn: it is not a record; with `repair`, the file is cut back to its last
 * complete line. A complete line that is not a record is an error naming the line and `what` it
 * should be.
 */
export function readJsonLinesFile<T>(
  file: string,
  parse: (text: string) => JsonLinesText<T>,
  what: string,
  repair = false,
): JsonLinesFile<T> {
  if (!existsSync(file)) return { records: [], torn: false, duplicates: 0 };
  const text = readFileSync(file, 'utf8');
  const parsed = parse(text);
  if (parsed.badLine !== undefined)
    throw new UsageError(`${file}:${parsed.badLine}: not a ${what}; fix or remove the line`);
  if (parsed.torn && repair) truncateSync(file, Buffer.byteLength(text.slice(0, parsed.complete)));
  return { records: parsed.records, torn: parsed.torn, duplicates: parsed.duplicates };
}
