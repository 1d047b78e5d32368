import { ELEMENT_NAMES, ELEMENTS, type ElementId } from '../model/elements.ts';
import type { World } from './state.ts';

/**
 * The outputs of a run, declared once (as Mesa's model reporters are): every reporter is measured
 * from the world at the end of every week. The table feeds `series` (series.csv, the web charts),
 * the run summary's `final` block, sweep metrics and docs/outputs.md. Adding an output is one entry.
 */
export interface Reporter {
  /** Column name in series.csv and key in the summary (a fixed interface once published). */
  id: string;
  zh: string;
  en: string;
  unit: string;
  /** How the value is computed from the world, for docs/outputs.md. */
  how: string;
  /**
   * Where the value at the end of the run also appears: `strength` in `final.strength` (keyed by
   * element), `count` in `final.counts`; both are also sweep metrics when `metric` is set.
   */
  final?: 'strength' | 'count';
  /** A per-run metric in sweeps (runs.jsonl, summary.csv), named by the id. */
  metric?: boolean;
  /** Kept in the weekly series (default true). */
  series?: boolean;
  /**
   * The value now. `strength` is the five strengths measured at the end of the week (see
   * strength.ts), passed in so that they are measured once per week.
   */
  measure(world: World, strength: Float64Array): number;
}

const strengthReporters: Reporter[] = ELEMENTS.map((e, i) => ({
  id: `strength.${e}`,
  zh: `${ELEMENT_NAMES[e].zh}强度`,
  en: `${ELEMENT_NAMES[e].en}: strength`,
  unit: '0–1',
  how: 'the strength index of the element (docs/ODD.md, "Strength")',
  final: 'strength' as const,
  metric: true,
  measure: (_w: World, s: Float64Array) => s[i],
}));

/**
 * Share of the target group (residents registered by a shock with `targets`; every resident when
 * none is registered, as the virtual survey samples) that element `e` has ever served.
 */
function targetCoverage(w: World, e: number): number {
  const bit = 1 << e;
  const served = w.residents.served;
  const targets = w.targets;
  let n = 0;
  if (targets.length === 0) {
    const count = w.residents.count;
    for (let i = 0; i < count; i++) if (served[i] & bit) n++;
    return count > 0 ? n / count : 0;
  }
  for (let k = 0; k < targets.length; k++) if (served[targets[k]] & bit) n++;
  return n / targets.length;
}

const targetCoverageReporters: Reporter[] = ELEMENTS.map((e, i) => ({
  id: `targetCoverage.${e}`,
  zh: `${ELEMENT_NAMES[e].zh}目标人群覆盖率`,
  en: `${ELEMENT_NAMES[e].en}: target-group coverage`,
  unit: 'share of the target group',
  how: 'members of the target group (residents a shock registered with `targets`; every resident when none is) this element ever served, over the target group: the population of the survey\u2019s coverage figures',
  final: 'count' as const,
  metric: true,
  series: false,
  measure: (w: World) => targetCoverage(w, i),
}));

/** Every reporter, in output order (series.csv columns after `tick`). */
export const REPORTERS: readonly Reporter[] = [
  ...strengthReporters,
  {
    id: 'volunteers',
    zh: '志愿者',
    en: 'Volunteers',
    unit: 'residents',
    how: 'residents who volunteer (volunteers, core volunteers and organisers)',
    final: 'count',
    measure: (w) => w.counters.volunteers,
  },
  {
    id: 'coreVolunteers',
    zh: '骨干志愿者',
    en: 'Core volunteers',
    unit: 'residents',
    how: 'core volunteers, organisers included',
    final: 'count',
    measure: (w) => w.counters.cores,
  },
  {
    id: 'organisers',
    zh: '组织带头人',
    en: 'Organisers',
    unit: 'residents',
    how: 'residents leading an organisation',
    final: 'count',
    series: false,
    measure: (w) => w.counters.organisers,
  },
  {
    id: 'organizations',
    zh: '社会组织',
    en: 'Organisations',
    unit: 'organisations',
    how: 'organisations open in the community',
    final: 'count',
    measure: (w) => w.counters.organizations,
  },
  {
    id: 'organizationsFounded',
    zh: '新建社会组织',
    en: 'Organisations founded',
    unit: 'organisations',
    how: 'organisations founded since the run began (week 1 on), by any element, whether still open or closed since',
    final: 'count',
    metric: true,
    series: false,
    measure: (w) => w.counters.organizationsFounded,
  },
  {
    id: 'members',
    zh: '组织成员',
    en: 'Members',
    unit: 'residents',
    how: 'residents who belong to an organisation',
    final: 'count',
    measure: (w) => w.counters.members,
  },
  {
    id: 'donors',
    zh: '捐赠者',
    en: 'Donors',
    unit: 'donors',
    how: 'active donors (residents and local enterprises)',
    final: 'count',
    measure: (w) => w.counters.donors,
  },
  {
    id: 'fund',
    zh: '慈善资金',
    en: 'Charity fund',
    unit: 'yuan',
    how: 'money in the community charity fund',
    final: 'count',
    measure: (w) => w.charity.fund,
  },
  {
    id: 'socialWorkers',
    zh: '社工',
    en: 'Social workers',
    unit: 'FTE',
    how: 'social workers working in the community, full-time equivalents',
    final: 'count',
    measure: (w) => w.socialWorkers.fte,
  },
  {
    id: 'committeeStaff',
    zh: '社区工作人员',
    en: 'Committee staff',
    unit: 'FTE',
    how: 'residents\u2019 committee staff, full-time equivalents',
    final: 'count',
    measure: (w) => w.committee.staff,
  },
  {
    id: 'partnerLinks',
    zh: '共建单位',
    en: 'Partner links',
    unit: 'partners',
    how: 'partner units and council members linked with the committee',
    final: 'count',
    measure: (w) => w.committee.links,
  },
  {
    id: 'projectsRecruiting',
    zh: '筹备中项目',
    en: 'Projects recruiting',
    unit: 'projects',
    how: 'projects looking for money, an organisation or volunteers',
    measure: (w) => w.counters.projectsRecruiting,
  },
  {
    id: 'projectsRunning',
    zh: '运行中项目',
    en: 'Projects running',
    unit: 'projects',
    how: 'projects delivering services',
    measure: (w) => w.counters.projectsRunning,
  },
  {
    id: 'servedShare',
    zh: '受益居民比例',
    en: 'Residents served',
    unit: 'share of residents',
    how: 'residents served at least once by any element, over all residents',
    measure: (w) => w.counters.served / w.residents.count,
  },
  {
    id: 'needPsychological',
    zh: '心理需求',
    en: 'Psychological need',
    unit: '0–1',
    how: 'mean psychological need over residents',
    measure: (w) => w.meanNeed[0],
  },
  {
    id: 'needMaterial',
    zh: '物质需求',
    en: 'Material need',
    unit: '0–1',
    how: 'mean material need over residents',
    measure: (w) => w.meanNeed[1],
  },
  {
    id: 'needSocial',
    zh: '社会需求',
    en: 'Social need',
    unit: '0–1',
    how: 'mean social need over residents',
    measure: (w) => w.meanNeed[2],
  },
  ...targetCoverageReporters,
];

/** The reporters kept week by week, in column order. */
export const SERIES_REPORTERS: readonly Reporter[] = REPORTERS.filter((r) => r.series !== false);
/** Column names of the weekly series (after `tick`). */
export const SERIES_COLUMNS: readonly string[] = SERIES_REPORTERS.map((r) => r.id);

/** Index of a series column by its id, or −1 (web views look columns up by id, never by position). */
export function seriesIndex(id: string): number {
  return SERIES_COLUMNS.indexOf(id);
}

/** Series column indices of the five strengths, in element order. */
export const STRENGTH_SERIES: readonly number[] = ELEMENTS.map((e) => seriesIndex(`strength.${e}`));

export type StrengthSeriesId = `strength.${ElementId}`;
