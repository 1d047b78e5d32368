/**
 * Loading a sweep plan: its JSON text or parsed value checked, its base scenario read and
 * validated, the plan resolved and its design laid out. Pure: no Node or DOM API; a plan that
 * names its scenario by path is given a `readScenario` that returns the file's text (the command
 * line reads it relative to the plan file).
 */
import type { Lang } from '../model/messages.ts';
import { parseJson, parseScenario } from '../model/parse.ts';
import { type Scenario, validateScenario } from '../model/scenario.ts';
import { checkPlanShape, type ResolvedPlan, resolvePlan } from './plan.ts';
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
  /** Language of the scenario's validation messages (default English). */
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
  const fail = (errors: string[]): LoadPlanResult => ({
    ok: false,
    errors: errors.map((e) => `${name}: ${e}`),
  });
  if (looksLikeScenario(value))
    return fail([
      'this looks like a scenario, not a sweep plan. A plan names its base scenario and the factors to vary, e.g. ' +
        '{"scenario": "scenarios/baseline.json", "design": "grid", "seed": 1, "factors": {"initial.volunteers": [0.2, 0.8]}}; ' +
        'see `wushe sweep --help` and `wushe sweep --schema`',
    ]);
  const shape = checkPlanShape(value);
  if (!shape.ok) return fail(shape.errors);
  const p = shape.plan;
  let base: Scenario;
  if (typeof p.scenario === 'string') {
    if (!options.readScenario)
      return fail([`scenario: ${p.scenario}: a file path, but no file reader was given`]);
    let file: { text: string; name: string };
    try {
      file = options.readScenario(p.scenario);
    } catch (e) {
      return fail([`scenario: ${(e as Error).message}`]);
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
  const resolved = resolvePlan(p, base);
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
