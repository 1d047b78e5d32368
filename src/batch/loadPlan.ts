/**
 * Loading a sweep plan: its JSON text or parsed value checked, its base scenario read and
 * validated, the plan resolved and its design laid out. Pure: no Node or DOM API; a plan that
 * names its scenario by path is given a `readScenario` that returns the file's text (the command
 * line reads it relative to the plan file).
 */
import { issueLine, type Lang } from '../model/messages.ts';
import { parseJson, parseScenario } from '../model/parse.ts';
import { type Scenario, validateScenario } from '../model/scenario.ts';
import { checkPlanShape, type ResolvedPlan, resolvePlan } from './plan.ts';
import { planMessage } from './planMessages.ts';
import { checkPoints, createSweep, type Sweep } from './sweep.ts';

/** A loaded plan: its resolved form and design. */
export interface LoadedPlan {
  plan: ResolvedPlan;
  sweep: Sweep;
}

export type LoadPlanResult = ({ ok: true } & LoadedPlan) | { ok: false; errors: string[] };

export interface LoadPlanOptions {
  /** Names the plan in messages (`plan.json: factors…`); default `plan`. */
  name?: string;
  /**
   * The text of the scenario file a plan names (`"scenario": "path"`), and the name to give it in
   * messages. Throws (an Error whose message says why) when it cannot be read. Without it, only
   * plans with an inline scenario load.
   */
  readScenario?: (path: string) => { text: string; name: string };
  /** Language of the plan's and the scenario's validation messages (default English). */
  lang?: Lang;
}

/** Keys only a scenario has: a plan holding these (and no `scenario`) is a scenario given by mistake. */
const SCENARIO_KEYS = ['ticks', 'residents', 'initial', 'strategy', 'interventions', 'ensemble'];

/** Whether a parsed value looks like a scenario rather than a plan. */
export function looksLikeScenario(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    !keys.includes('scenario') && !keys.includes('factors') && SCENARIO_KEYS.some((k) => keys.includes(k))
  );
}

/** Checks and resolves a parsed plan; every problem is a line prefixed by the plan's name. */
export function loadPlanValue(value: unknown, options: LoadPlanOptions = {}): LoadPlanResult {
  const name = options.name ?? 'plan';
  const lang = options.lang ?? 'en';
  const fail = (errors: string[]): LoadPlanResult => ({
    ok: false,
    // the file name keeps an ASCII colon, as for scenario files
    errors: errors.map((e) => `${name}: ${e}`),
  });
  if (looksLikeScenario(value)) return fail([planMessage('looksLikeScenario', lang)]);
  const shape = checkPlanShape(value, { lang });
  if (!shape.ok) return fail(shape.errors);
  const p = shape.plan;
  let base: Scenario;
  if (typeof p.scenario === 'string') {
    if (!options.readScenario)
      return fail([issueLine('scenario', planMessage('noReader', lang, { path: p.scenario }), lang)]);
    let file: { text: string; name: string };
    try {
      file = options.readScenario(p.scenario);
    } catch (e) {
      return fail([issueLine('scenario', (e as Error).message, lang)]);
    }
    const checked = parseScenario(file.text, file.name, { lang: options.lang });
    // a scenario file's problems are named by that file
    if (!checked.ok)
      return {
        ok: false,
        errors: checked.errors.map((e) => (e.startsWith(`${file.name}:`) ? e : `${file.name}: ${e}`)),
      };
    base = checked.scenario;
  } else {
    const checked = validateScenario(p.scenario, { lang: options.lang });
    if (!checked.ok) return fail(checked.errors.map((e) => `scenario.${e}`));
    base = checked.scenario;
  }
  const resolved = resolvePlan(p, base, { lang });
  if (!resolved.ok) return fail(resolved.errors);
  const sweep = createSweep(resolved.plan);
  const problems = checkPoints(sweep);
  if (problems.length > 0) return fail(problems);
  return { ok: true, plan: resolved.plan, sweep };
}

/** Parses and loads a plan's JSON text (a syntax error names its line and column). */
export function loadPlanText(text: string, options: LoadPlanOptions = {}): LoadPlanResult {
  const json = parseJson(text, options.name ?? 'plan', { lang: options.lang });
  if (!json.ok) return { ok: false, errors: [json.error] };
  return loadPlanValue(json.value, options);
}
