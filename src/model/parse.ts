import { jsonErrorOffset, lineColumn } from './jsonPosition.ts';
import { ALL_NUMBERS } from './parameters.ts';
import { closest, type ScenarioFile, type ValidationResult, validateScenario } from './scenario.ts';

/** Parses JSON text, reporting a syntax error with its line and column (`name:line:column: invalid JSON: …`). */
export function parseJson(
  text: string,
  name = 'scenario',
): { ok: true; value: unknown } | { ok: false; error: string } {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(clean) };
  } catch (e) {
    const reason = (e as Error).message
      .replace(/\s*\n\s*/g, ' ')
      .replace(/, ".*" is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/ at position \d+/, '')
      .replace(/^JSON\.parse: /, '');
    const offset = jsonErrorOffset(clean);
    if (offset === undefined) return { ok: false, error: `${name}: invalid JSON: ${reason}` };
    const { line, column } = lineColumn(clean, offset);
    return { ok: false, error: `${name}:${line}:${column}: invalid JSON: ${reason}` };
  }
}

/** Parses and validates scenario text in one step. */
export function parseScenario(text: string, name = 'scenario'): ValidationResult {
  const json = parseJson(text, name);
  if (!json.ok) return { ok: false, errors: [json.error] };
  return validateScenario(json.value);
}

/** Paths that `--set` accepts besides the numeric ones. */
const OTHER_PATHS = [
  'id',
  'strategy',
  'title.zh',
  'title.en',
  'description.zh',
  'description.en',
  'interventions',
  'knockouts',
  'ensemble',
  'ensemble.communities',
  'ensemble.residents.min',
  'ensemble.residents.max',
  ...['community', 'organizations', 'socialWorkers', 'volunteers', 'charity'].flatMap((e) => [
    `ensemble.initial.${e}.min`,
    `ensemble.initial.${e}.max`,
  ]),
];
export const SETTABLE_PATHS: readonly string[] = [...ALL_NUMBERS.map((s) => s.path), ...OTHER_PATHS];

/**
 * Applies `path=value` to a scenario file (not yet validated). The value is read as JSON when it
 * parses as JSON (numbers, booleans, arrays) and as a plain string otherwise.
 * Returns an error message for an unknown path or a malformed assignment.
 */
export function applySet(file: Record<string, unknown>, assignment: string): string | undefined {
  const eq = assignment.indexOf('=');
  if (eq <= 0) return `--set ${assignment}: expected path=value, e.g. initial.volunteers=0.9`;
  const path = assignment.slice(0, eq).trim();
  const raw = assignment.slice(eq + 1).trim();
  if (!SETTABLE_PATHS.includes(path)) {
    const hint = closest(path, SETTABLE_PATHS);
    return `--set ${path}: unknown path${hint ? ` (did you mean "${hint}"?)` : ''}; see \`wushe schema\` for the fields`;
  }
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // a bare word such as `balanced` is a string
  }
  // knock-outs may be given as a comma-separated list: --set knockouts=peer-asks-volunteer,donor-lapse
  if (path === 'knockouts' && typeof value === 'string')
    value = value
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id.length > 0);
  const keys = path.split('.');
  let obj = file;
  for (const k of keys.slice(0, -1)) {
    if (typeof obj[k] !== 'object' || obj[k] === null || Array.isArray(obj[k])) obj[k] = {};
    obj = obj[k] as Record<string, unknown>;
  }
  obj[keys[keys.length - 1]] = value;
  return undefined;
}

export type { ScenarioFile };
