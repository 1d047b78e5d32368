import { jsonErrorOffset, lineColumn } from './jsonPosition.ts';
import { issueLine, type Lang, message } from './messages.ts';
import { ALL_NUMBERS } from './parameters.ts';
import {
  closest,
  type ScenarioFile,
  type ValidateOptions,
  type ValidationResult,
  validateScenario,
} from './scenario.ts';

/**
 * Parses JSON text, reporting a syntax error with its line and column
 * (`name:line:column: invalid JSON: …`), in `options.lang` (default English).
 */
export function parseJson(
  text: string,
  name = 'scenario',
  options: ValidateOptions = {},
): { ok: true; value: unknown } | { ok: false; error: string } {
  const lang: Lang = options.lang === 'zh' ? 'zh' : 'en';
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(clean) };
  } catch (e) {
    const offset = jsonErrorOffset(clean);
    // V8's own wording is English; in Chinese the scanner's finding is described instead
    const reason =
      lang === 'en'
        ? (e as Error).message
            .replace(/\s*\n\s*/g, ' ')
            .replace(/, ".*" is not valid JSON$/s, '')
            .replace(/ in JSON at position \d+.*$/s, '')
            .replace(/ at position \d+/, '')
            .replace(/^JSON\.parse: /, '')
        : offset === undefined || offset >= clean.length
          ? message('jsonUnexpectedEnd', lang)
          : message('jsonUnexpectedChar', lang, { char: JSON.stringify(clean[offset]) });
    const error = message('invalidJson', lang, { reason });
    if (offset === undefined) return { ok: false, error: issueLine(name, error, lang) };
    const { line, column } = lineColumn(clean, offset);
    return { ok: false, error: issueLine(`${name}:${line}:${column}`, error, lang) };
  }
}

/** Parses and validates scenario text in one step (messages in `options.lang`, default English). */
export function parseScenario(
  text: string,
  name = 'scenario',
  options: ValidateOptions = {},
): ValidationResult {
  const json = parseJson(text, name, options);
  if (!json.ok) return { ok: false, errors: [json.error], issues: [{ path: '', message: json.error }] };
  return validateScenario(json.value, options);
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
const LEAF_PATHS: readonly string[] = [...ALL_NUMBERS.map((s) => s.path), ...OTHER_PATHS];

/** Paths that hold an object (`initial`, `parameters.volunteers`, …): a JSON object value is merged in. */
export const OBJECT_PATHS: readonly string[] = [
  ...new Set(
    LEAF_PATHS.flatMap((p) => {
      const keys = p.split('.');
      return keys.slice(1).map((_, i) => keys.slice(0, i + 1).join('.'));
    }),
  ),
];

export const SETTABLE_PATHS: readonly string[] = [...new Set([...LEAF_PATHS, ...OBJECT_PATHS])];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON merge patch (RFC 7386): the patch's keys replace the target's, `null` removes a key. */
function mergePatch(target: unknown, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = isObject(v) ? mergePatch(out[k], v) : v;
  }
  return out;
}

/**
 * Applies `path=value` to a scenario file (not yet validated). The value is read as JSON when it
 * parses as JSON (numbers, booleans, arrays, objects) and as a plain string otherwise. At a path
 * that holds an object (`initial`, `parameters.volunteers`) the value must be a JSON object, and it
 * is merged into the object there (RFC 7386: its keys replace, `null` removes).
 * Returns an error message (in `options.lang`) for an unknown path or a malformed assignment.
 */
export function applySet(
  file: Record<string, unknown>,
  assignment: string,
  options: ValidateOptions = {},
): string | undefined {
  const lang: Lang = options.lang === 'zh' ? 'zh' : 'en';
  const eq = assignment.indexOf('=');
  if (eq <= 0) return message('setSyntax', lang, { assignment });
  const path = assignment.slice(0, eq).trim();
  const raw = assignment.slice(eq + 1).trim();
  if (!SETTABLE_PATHS.includes(path)) {
    const hint = closest(path, LEAF_PATHS);
    return hint
      ? message('setUnknownPathHint', lang, { path, hint })
      : message('setUnknownPath', lang, { path });
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
    if (!isObject(obj[k])) obj[k] = {};
    obj = obj[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (OBJECT_PATHS.includes(path)) {
    if (isObject(value)) {
      obj[last] = mergePatch(obj[last], value);
      return undefined;
    }
    if (!LEAF_PATHS.includes(path)) {
      const example = LEAF_PATHS.find((p) => p.startsWith(`${path}.`))!
        .slice(path.length + 1)
        .split('.')[0];
      return message('setNotObject', lang, { path, example });
    }
  }
  obj[last] = value;
  return undefined;
}

export type { ScenarioFile };
