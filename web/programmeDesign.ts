import hubeiProgramme from '../programmes/hubei-2020.json';
import hubeiByNeed from '../programmes/hubei-2020-by-need.json';
import baselineScenario from '../scenarios/baseline.json';
import charityLedScenario from '../scenarios/charity-led.json';
import dongtingScenario from '../scenarios/dongting.json';
import hubeiScenario from '../scenarios/hubei-2020.json';
import organizationLedScenario from '../scenarios/organization-led.json';
import volunteerLedScenario from '../scenarios/volunteer-led.json';
import type { NumberSpec } from '../src/model/parameters.ts';
import { parseJson } from '../src/model/parse.ts';
import { type ProgrammeFile, type ProgrammeSpec, parseProgramme } from '../src/model/programme.ts';
import { type Programme, resolveProgramme } from '../src/model/programmeCommunities.ts';
import {
  ALLOCATION_RULES,
  INSTRUMENTS,
  PROGRAMME_NUMBERS,
  programmeNumber,
} from '../src/model/programmeParameters.ts';
import type { Scenario } from '../src/model/scenario.ts';
import { DICTIONARIES, type Key, type Lang } from './i18n/index.ts';
import { checkScenario, localiseIssue } from './issues.ts';

/**
 * The web Programme view's designs: a programme file (the shipped programmes/hubei-2020.json,
 * bundled, or one the user imports) with the user's values on top, checked by the core's own
 * validator, and cut down to a size a browser runs in seconds. Every control derives from the core's
 * declarations (PROGRAMME_NUMBERS, INSTRUMENTS, ALLOCATION_RULES); nothing is listed here by hand
 * but the choice of which numbers get a slider.
 */

const { $schema: _schema, ...base } = hubeiProgramme as ProgrammeFile;
/** The programme the view starts from, as written in its file. */
export const BASE_PROGRAMME: ProgrammeFile = base;

/** The ids of the programmes shipped with the app (an exported design does not take one of them). */
const SHIPPED_IDS: ReadonlySet<string> = new Set([hubeiProgramme.id, hubeiByNeed.id]);

/**
 * The scenario files bundled with the web app, by file name: a programme's `scenario` or
 * `communities` entry naming one of them (by any folder, e.g. `../scenarios/hubei-2020.json`)
 * resolves in the browser without the file.
 */
export const BUNDLED_SCENARIOS: Readonly<Record<string, unknown>> = {
  'baseline.json': baselineScenario,
  'charity-led.json': charityLedScenario,
  'dongting.json': dongtingScenario,
  'hubei-2020.json': hubeiScenario,
  'organization-led.json': organizationLedScenario,
  'volunteer-led.json': volunteerLedScenario,
};

/** A file path's last part: `../scenarios/a.json` → `a.json` (either slash). */
export function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/**
 * What a design starts from: a programme file as written and the scenarios it names, resolved (by
 * path as written in the file). `source` is the name of the imported file (none for the shipped one).
 */
export interface DesignBase {
  file: ProgrammeFile;
  source?: string;
  scenarios: Readonly<Record<string, Scenario>>;
  /** Tells apart two bases with the same file but different scenario files (for the run cache). */
  key: string;
}

let imports = 0;

/** The shipped programme, the start of both designs. */
export const SHIPPED_BASE: DesignBase = (() => {
  const r = resolveScenarios(BASE_PROGRAMME, {}, 'en');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return { file: BASE_PROGRAMME, scenarios: r.scenarios, key: 'shipped' };
})();

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

/** Allocation rules a design can use: all of the core's (`table` with the view's weight editor). */
export const VIEW_RULES = ALLOCATION_RULES;

/** The browser's modest default: fewer communities than the file, a few replicate seeds. */
export const BROWSER_DEFAULTS = { communities: 12, replicates: 3 } as const;
export const MAX_REPLICATES = 20;

/** A design: the values the user set, by path (numbers, `allocation.rule`, and `allocation.table`'s weights). */
export type DesignValues = Record<string, number | string | number[]>;

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

/** The value a design starts with at `path`: its file's, else the declared default. */
export function baseValue(path: string, from: ProgrammeFile = BASE_PROGRAMME): number | string {
  const v = valueAt(from, path);
  if (typeof v === 'number' || typeof v === 'string') return v;
  return path === 'allocation.rule' ? 'equal' : programmeNumber(path).default;
}

/** How many communities a programme file has (its count, or its list's length). */
export function communityCount(file: ProgrammeFile): number {
  return Array.isArray(file.communities) ? file.communities.length : Number(file.communities);
}

/**
 * The weights a design's table starts from: its file's table when it has one per community, else 1
 * for every community (equal shares).
 */
export function baseTable(from: ProgrammeFile): number[] {
  const table = from.allocation?.table;
  const n = communityCount(from);
  return Array.isArray(table) && table.length === n ? [...table] : Array.from({ length: n }, () => 1);
}

/**
 * The programme file of a design: its base file with the values on top. The table's weights are
 * written only while the rule is `table` (a table left from an earlier choice is not saved).
 */
export function designFile(values: DesignValues, from: ProgrammeFile = BASE_PROGRAMME): ProgrammeFile {
  const file = structuredClone(from) as unknown as Record<string, unknown>;
  const rule = values['allocation.rule'] ?? baseValue('allocation.rule', from);
  for (const [path, v] of Object.entries(values)) {
    if (path === 'allocation.table' && rule !== 'table') continue;
    setAt(file, path, Array.isArray(v) ? [...v] : v);
  }
  return file as unknown as ProgrammeFile;
}

/**
 * The file a design is saved as: what re-imports as the same design. The run's seed is written
 * (what was run is what the command line runs); a design of a shipped programme takes a name of its
 * own, `<id>-design-a`, so it is not mistaken for the shipped file.
 */
export function exportFile(
  values: DesignValues,
  from: ProgrammeFile,
  design: 'a' | 'b',
  seed?: number,
): Record<string, unknown> {
  const file = designFile(values, from);
  return {
    $schema: './schema.json',
    ...file,
    id: SHIPPED_IDS.has(file.id) ? `${file.id}-design-${design}` : file.id,
    ...(seed === undefined ? {} : { seed }),
  };
}

/** Checks a design with the core's validator; problems as `path: message` in `lang`. */
export function checkDesign(
  values: DesignValues,
  lang: Lang,
  from: ProgrammeFile = BASE_PROGRAMME,
): { ok: true; spec: ProgrammeSpec } | { ok: false; errors: string[] } {
  const file = designFile(values, from);
  const v = parseProgramme(file, { lang });
  if (!v.ok) return { ok: false, errors: v.errors.map((e) => localiseIssue(e, lang)) };
  return { ok: true, spec: v.programme };
}

function say(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
  let s = DICTIONARIES[lang][key];
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

/**
 * The scenarios a programme names (its `scenario` for a count of communities, each entry of its
 * list otherwise), each found by file name among `supplied` (files the user chose with the
 * programme) and then the bundled ones, and checked by the core's scenario validator.
 */
export function resolveScenarios(
  file: ProgrammeFile,
  supplied: Readonly<Record<string, unknown>>,
  lang: Lang,
): { ok: true; scenarios: Record<string, Scenario> } | { ok: false; errors: string[] } {
  const wanted: [field: string, path: string][] = Array.isArray(file.communities)
    ? file.communities.map((p, i) => [`communities[${i}]`, p])
    : file.scenario
      ? [['scenario', file.scenario]]
      : [];
  const scenarios: Record<string, Scenario> = {};
  const errors: string[] = [];
  const colon = lang === 'zh' ? '：' : ': ';
  for (const [field, path] of wanted) {
    if (scenarios[path]) continue;
    const name = fileName(path);
    const value = supplied[name] ?? BUNDLED_SCENARIOS[name];
    if (value === undefined) {
      errors.push(
        field +
          colon +
          say(lang, 'pmUnknownScenario', {
            file: path,
            name,
            bundled: Object.keys(BUNDLED_SCENARIOS).join(lang === 'zh' ? '、' : ', '),
            cmd: 'wushe programme run',
          }),
      );
      continue;
    }
    const v = checkScenario(value, lang);
    if (!v.ok) {
      errors.push(...v.errors.map((e) => `${name}${colon}${e}`));
      continue;
    }
    scenarios[path] = v.scenario;
  }
  return errors.length ? { ok: false, errors } : { ok: true, scenarios };
}

/** A file the user chose or dropped, read as text. */
export interface ChosenFile {
  name: string;
  text: string;
}

/** A programme file has a budget; a scenario file has none. */
function isProgramme(value: unknown): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value) && 'budget' in value;
}

/** A scenario file has initial strengths or a length in ticks, and no budget. */
function looksLikeScenario(value: unknown): boolean {
  return !!value && typeof value === 'object' && ('initial' in value || 'ticks' in value);
}

/**
 * Reads a programme file the user chose (with, optionally, the scenario files it names): parsed and
 * checked by the core (parseJson, parseProgramme, validateScenario), its scenarios resolved. Every
 * problem is a line in `lang`, naming the file or field it is about.
 */
export function importProgramme(
  files: readonly ChosenFile[],
  lang: Lang,
): { ok: true; base: DesignBase } | { ok: false; errors: string[]; name: string } {
  const parsed: { name: string; value: unknown }[] = [];
  for (const f of files) {
    const json = parseJson(f.text, f.name, { lang });
    if (!json.ok) return { ok: false, errors: [json.error], name: f.name };
    parsed.push({ name: f.name, value: json.value });
  }
  if (parsed.length === 1 && !isProgramme(parsed[0].value) && looksLikeScenario(parsed[0].value))
    return {
      ok: false,
      name: parsed[0].name,
      errors: [say(lang, 'pmImportScenarioFile', { name: parsed[0].name })],
    };
  const programmes = parsed.length === 1 ? parsed : parsed.filter((p) => isProgramme(p.value));
  const names = parsed.map((p) => p.name).join(lang === 'zh' ? '、' : ', ');
  if (programmes.length !== 1)
    return {
      ok: false,
      name: names,
      errors: [
        say(lang, programmes.length ? 'pmImportSeveral' : 'pmImportNone', { names, field: '"budget"' }),
      ],
    };
  const [programme] = programmes;
  const v = parseProgramme(programme.value, { lang });
  if (!v.ok) return { ok: false, name: programme.name, errors: v.errors.map((e) => localiseIssue(e, lang)) };
  const { $schema: _s, ...file } = programme.value as ProgrammeFile;
  const supplied = Object.fromEntries(
    parsed.filter((p) => p !== programme).map((p) => [fileName(p.name), p.value]),
  );
  const r = resolveScenarios(file, supplied, lang);
  if (!r.ok) return { ok: false, name: programme.name, errors: r.errors };
  imports++;
  return {
    ok: true,
    base: { file, source: programme.name, scenarios: r.scenarios, key: `import-${imports}` },
  };
}

/** What the browser runs of a design: the first `communities` of the file's, with their share of the budget and agencies. */
export interface BrowserScale {
  communities: number;
  of: number;
  budget: number;
  agencies: number;
}

/**
 * The browser's part of a programme: the first `communities` communities, the agencies in
 * proportion, and the budget these communities get in the whole programme — in proportion to their
 * number, or, for the rule `table`, to their weights.
 */
export function browserScale(spec: ProgrammeSpec, communities: number): BrowserScale {
  const of = typeof spec.communities === 'number' ? spec.communities : spec.communities.length;
  const n = Math.max(1, Math.min(of, Math.round(communities)));
  const f = n / of;
  const table = spec.allocation.rule === 'table' ? spec.allocation.table : undefined;
  const total = table?.reduce((s, w) => s + w, 0) ?? 0;
  const money = table && total > 0 ? table.slice(0, n).reduce((s, w) => s + w, 0) / total : f;
  return {
    communities: n,
    of,
    budget: Math.round(spec.budget * money),
    agencies: Math.max(1, Math.round(spec.agencies * f)),
  };
}

/**
 * The programme the browser runs: the design's first `communities` communities (drawn from the same
 * ranges, or the first listed scenario files), the budget and the agencies as browserScale says (so
 * every community gets what it gets in the whole programme).
 */
export function browserProgramme(
  spec: ProgrammeSpec,
  communities: number,
  from: DesignBase = SHIPPED_BASE,
): Programme {
  const scale = browserScale(spec, communities);
  const n = scale.communities;
  const scaled: ProgrammeSpec = {
    ...spec,
    communities: Array.isArray(spec.communities) ? spec.communities.slice(0, n) : n,
    budget: scale.budget,
    agencies: scale.agencies,
    allocation: {
      ...spec.allocation,
      ...(spec.allocation.table ? { table: spec.allocation.table.slice(0, n) } : {}),
    },
  };
  const scenario = (path: string) => {
    const s = from.scenarios[path];
    if (!s) throw new Error(`scenario: ${path} is not resolved`);
    return s;
  };
  return Array.isArray(scaled.communities)
    ? resolveProgramme(scaled, { files: scaled.communities.map(scenario) })
    : resolveProgramme(scaled, { template: scenario(spec.scenario ?? '') });
}
