import hubeiProgramme from '../programmes/hubei-2020.json';
import hubeiScenario from '../scenarios/hubei-2020.json';
import type { NumberSpec } from '../src/model/parameters.ts';
import { type ProgrammeFile, type ProgrammeSpec, parseProgramme } from '../src/model/programme.ts';
import { type Programme, resolveProgramme } from '../src/model/programmeCommunities.ts';
import {
  ALLOCATION_RULES,
  INSTRUMENTS,
  PROGRAMME_NUMBERS,
  programmeNumber,
} from '../src/model/programmeParameters.ts';
import { type Scenario, validateScenario } from '../src/model/scenario.ts';
import type { Lang } from './i18n/index.ts';
import { localiseIssue } from './issues.ts';

/**
 * The web Programme view's designs: the shipped programme (programmes/hubei-2020.json, bundled) with
 * the user's values on top, checked by the core's own validator, and cut down to a size a browser
 * runs in seconds. Every control derives from the core's declarations (PROGRAMME_NUMBERS,
 * INSTRUMENTS, ALLOCATION_RULES); nothing is listed here by hand but the choice of which numbers
 * get a slider.
 */

const { $schema: _schema, ...base } = hubeiProgramme as ProgrammeFile;
/** The programme the view starts from, as written in its file. */
export const BASE_PROGRAMME: ProgrammeFile = base;

/** The scenario files a bundled programme may name (path as written in the programme file). */
const SCENARIOS: Record<string, unknown> = { '../scenarios/hubei-2020.json': hubeiScenario };

/** The numbers with a slider in each design: the budget, the weeks of funding and each instrument's share. */
export const SLIDER_PATHS: readonly string[] = [
  'budget',
  'fundingWeeks',
  ...INSTRUMENTS.map((id) => `instruments.${id}.share`),
];

/** The other numbers of a design (unit costs, the district's coupling, …), under "more numbers". The seed is the run's, common to both designs. */
export const DETAIL_SPECS: readonly NumberSpec[] = PROGRAMME_NUMBERS.filter(
  (s) => s.path !== 'seed' && !SLIDER_PATHS.includes(s.path),
);

/** Allocation rules a slider design can use: `table` needs a weight per community, which the view has no editor for. */
export const VIEW_RULES = ALLOCATION_RULES.filter((r) => r !== 'table');

/** The browser's modest default: fewer communities than the file, a few replicate seeds. */
export const BROWSER_DEFAULTS = { communities: 12, replicates: 3 } as const;
export const MAX_REPLICATES = 20;

/** A design: the values the user set, by path (numbers, and `allocation.rule`). */
export type DesignValues = Record<string, number | string>;

export function valueAt(file: unknown, path: string): unknown {
  let v: unknown = file;
  for (const k of path.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

function setAt(file: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = file;
  for (const k of keys.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]] = value;
}

/** The value a design starts with at `path`: the shipped file's, else the declared default. */
export function baseValue(path: string): number | string {
  const v = valueAt(BASE_PROGRAMME, path);
  if (typeof v === 'number' || typeof v === 'string') return v;
  return path === 'allocation.rule' ? 'equal' : programmeNumber(path).default;
}

/** The programme file of a design. */
export function designFile(values: DesignValues): ProgrammeFile {
  const file = structuredClone(BASE_PROGRAMME) as unknown as Record<string, unknown>;
  for (const [path, v] of Object.entries(values)) setAt(file, path, v);
  return file as unknown as ProgrammeFile;
}

/** Checks a design with the core's validator; problems as `path: message` in `lang`. */
export function checkDesign(
  values: DesignValues,
  lang: Lang,
): { ok: true; spec: ProgrammeSpec } | { ok: false; errors: string[] } {
  const file = designFile(values);
  const v = parseProgramme(file, { lang });
  if (!v.ok) return { ok: false, errors: v.errors.map((e) => localiseIssue(e, lang)) };
  if (typeof v.programme.communities !== 'number')
    return { ok: false, errors: ['communities: the web view runs a count of communities'] };
  return { ok: true, spec: v.programme };
}

let template: Scenario | undefined;
function templateScenario(path: string): Scenario {
  const value = SCENARIOS[path];
  if (!value) throw new Error(`scenario: ${path} is not bundled with the web app`);
  if (!template) {
    const v = validateScenario(value);
    if (!v.ok) throw new Error(v.errors.join('\n'));
    template = v.scenario;
  }
  return template;
}

/** What the browser runs of a design: the first `communities` of the file's draw, with their share of the budget and agencies. */
export interface BrowserScale {
  communities: number;
  of: number;
  budget: number;
  agencies: number;
}

export function browserScale(spec: ProgrammeSpec, communities: number): BrowserScale {
  const of = typeof spec.communities === 'number' ? spec.communities : spec.communities.length;
  const n = Math.max(1, Math.min(of, Math.round(communities)));
  const f = n / of;
  return {
    communities: n,
    of,
    budget: Math.round(spec.budget * f),
    agencies: Math.max(1, Math.round(spec.agencies * f)),
  };
}

/**
 * The programme the browser runs: the design with `communities` communities drawn from the same
 * ranges, the budget and the agencies in proportion (so every community gets what it gets in the
 * whole programme).
 */
export function browserProgramme(spec: ProgrammeSpec, communities: number): Programme {
  const scale = browserScale(spec, communities);
  const scaled: ProgrammeSpec = {
    ...spec,
    communities: scale.communities,
    budget: scale.budget,
    agencies: scale.agencies,
  };
  return resolveProgramme(scaled, { template: templateScenario(spec.scenario ?? '') });
}
