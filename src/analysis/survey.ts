import seedrandom from 'seedrandom';
import { Simulation } from '../engine/run.ts';
import type { World } from '../engine/state.ts';
import { ELEMENTS, type ElementId } from '../model/elements.ts';
import { ensembleMembers } from '../model/ensemble.ts';
import type { Scenario } from '../model/scenario.ts';
import { HUBEI_2020 } from './published.ts';
import { type FixedEffectsFit, fixedEffectsOls } from './regression.ts';
import { describe } from './stats.ts';

/** The survey's indicators and the need each one reports on (0 psychological, 1 material, 2 social). */
export const INDICATORS = [
  ['anxiety', 0],
  ['sleep', 0],
  ['appetite', 0],
  ['hope', 0],
  ['depression', 0],
  ['integration', 2],
  ['socialRelations', 2],
  ['familyRelations', 2],
  ['economicAid', 1],
  ['medicalAid', 1],
  ['employmentHelp', 1],
] as const;
export type Indicator = (typeof INDICATORS)[number][0];

export interface Respondent {
  community: number;
  resident: number;
  /** Help received on each need (psychological, material, social): how much services lowered it. */
  help: [number, number, number];
  served: Record<ElementId, 0 | 1>;
  improved: Record<Indicator, 0 | 1>;
  belonging: number;
  trust: number;
}

export interface SurveyReport {
  seed: number;
  n: number;
  communities: number;
  coverage: Record<ElementId, number>;
  improved: Record<Indicator, number>;
  regression: { belonging: FixedEffectsFit; trust: FixedEffectsFit };
}

/**
 * Samples respondents from one community at the end of its run, as the study did: residents of the
 * programme's target group (all residents when the scenario registers none), without replacement.
 * A respondent reports an improvement on an indicator when the help received on its need reaches the
 * indicator's threshold (`parameters.survey.*`). Reads the world without changing it: the help
 * received is a running total kept by the services, so no resident's needs are settled here.
 */
export function sampleRespondents(
  world: World,
  community: number,
  count: number,
  seed: number,
): Respondent[] {
  const random = seedrandom.xor4096(`wushe:${seed}:survey:${community}`);
  const res = world.residents;
  const pool =
    world.targets.length > 0 ? Array.from(world.targets) : Array.from({ length: res.count }, (_, i) => i);
  const take = Math.min(count, pool.length);
  const thresholds = world.params.survey as Record<Indicator, number>;
  const out: Respondent[] = [];
  for (let k = 0; k < take; k++) {
    const j = k + Math.floor(random() * (pool.length - k));
    [pool[k], pool[j]] = [pool[j], pool[k]];
    const i = pool[k];
    const served = {} as Record<ElementId, 0 | 1>;
    ELEMENTS.forEach((e, b) => {
      served[e] = res.served[i] & (1 << b) ? 1 : 0;
    });
    const help: [number, number, number] = [res.helped[3 * i], res.helped[3 * i + 1], res.helped[3 * i + 2]];
    out.push({
      community,
      resident: i,
      help,
      served,
      improved: improvements(help, thresholds),
      belonging: res.belonging[i],
      trust: res.trust[i],
    });
  }
  return out;
}

/** Which indicators a respondent reports as improved, given the help received and the thresholds. */
export function improvements(
  help: readonly number[],
  thresholds: Record<Indicator, number>,
): Record<Indicator, 0 | 1> {
  const improved = {} as Record<Indicator, 0 | 1>;
  for (const [name, need] of INDICATORS) improved[name] = help[need] >= thresholds[name] ? 1 : 0;
  return improved;
}

/** Respondents per community: as equal as the total allows (the study's 618 over 32 communities). */
export function allocate(total: number, communities: number): number[] {
  return Array.from(
    { length: communities },
    (_, k) => Math.floor(total / communities) + (k < total % communities ? 1 : 0),
  );
}

/** Runs every community of the ensemble with master seed `seed` and surveys it. */
export function surveyOnce(
  scenario: Scenario,
  seed: number,
  respondents: number,
  onCommunity?: (done: number, total: number) => void,
): { respondents: Respondent[]; report: SurveyReport } {
  const members = ensembleMembers({ ...scenario, seed });
  const quota = allocate(respondents, members.length);
  const all: Respondent[] = [];
  members.forEach((member, k) => {
    const sim = new Simulation(member);
    while (!sim.done) sim.step();
    all.push(...sampleRespondents(sim.world, k + 1, quota[k], seed));
    onCommunity?.(k + 1, members.length);
  });
  return { respondents: all, report: report(all, seed, members.length) };
}

function share(rows: Respondent[], pick: (r: Respondent) => number): number {
  let s = 0;
  for (const r of rows) s += pick(r);
  return rows.length ? s / rows.length : Number.NaN;
}

export function report(rows: Respondent[], seed: number, communities: number): SurveyReport {
  const coverage = Object.fromEntries(ELEMENTS.map((e) => [e, share(rows, (r) => r.served[e])])) as Record<
    ElementId,
    number
  >;
  const improved = Object.fromEntries(
    INDICATORS.map(([name]) => [name, share(rows, (r) => r.improved[name])]),
  ) as Record<Indicator, number>;
  const group = rows.map((r) => r.community);
  const sw = rows.map((r) => r.served.socialWorkers);
  return {
    seed,
    n: rows.length,
    communities,
    coverage,
    improved,
    regression: {
      belonging: fixedEffectsOls(
        rows.map((r) => r.belonging),
        sw,
        group,
      ),
      trust: fixedEffectsOls(
        rows.map((r) => r.trust),
        sw,
        group,
      ),
    },
  };
}

export interface Interval {
  mean: number;
  low: number;
  high: number;
}

export interface SurveySummary {
  n: number;
  communities: number;
  seeds: number[];
  coverage: Record<ElementId, Interval>;
  improved: Record<Indicator, Interval>;
  regression: Record<
    'belonging' | 'trust',
    { coef: Interval; se: Interval; p: Interval; significantShare: number }
  >;
  standardErrors: string;
  published: typeof HUBEI_2020;
  gap: {
    coverage: Partial<Record<ElementId, number>>;
    improved: Partial<Record<Indicator, number>>;
    regression: Record<'belonging' | 'trust', number>;
  };
}

function interval(values: number[]): Interval {
  const d = describe(values);
  const mean = d.mean ?? Number.NaN;
  return { mean, low: d.ciLow ?? mean, high: d.ciHigh ?? mean };
}

/** Combines the reports of several seeds: means with 95% intervals, and the gap to the published figures. */
export function summarise(reports: SurveyReport[]): SurveySummary {
  const coverage = Object.fromEntries(
    ELEMENTS.map((e) => [e, interval(reports.map((r) => r.coverage[e]))]),
  ) as Record<ElementId, Interval>;
  const improved = Object.fromEntries(
    INDICATORS.map(([name]) => [name, interval(reports.map((r) => r.improved[name]))]),
  ) as Record<Indicator, Interval>;
  const reg = (k: 'belonging' | 'trust') => ({
    coef: interval(reports.map((r) => r.regression[k].coef)),
    se: interval(reports.map((r) => r.regression[k].se)),
    p: interval(reports.map((r) => r.regression[k].p)),
    significantShare:
      reports.filter((r) => r.regression[k].coef > 0 && r.regression[k].p < 0.05).length / reports.length,
  });
  const regression = { belonging: reg('belonging'), trust: reg('trust') };
  const gap = {
    coverage: Object.fromEntries(
      Object.entries(HUBEI_2020.coverage).map(([e, v]) => [e, coverage[e as ElementId].mean - (v as number)]),
    ),
    improved: Object.fromEntries(
      Object.entries(HUBEI_2020.improved).map(([k, v]) => [k, improved[k as Indicator].mean - v]),
    ),
    regression: {
      belonging: regression.belonging.coef.mean - HUBEI_2020.regression.belonging,
      trust: regression.trust.coef.mean - HUBEI_2020.regression.trust,
    },
  };
  return {
    n: reports[0]?.n ?? 0,
    communities: reports[0]?.communities ?? 0,
    seeds: reports.map((r) => r.seed),
    coverage,
    improved,
    regression,
    standardErrors:
      'OLS with community fixed effects (within estimator), no other covariates; conventional standard errors with n − G − 1 degrees of freedom; cluster-robust (CR1, by community) errors are also in each seed\u2019s report',
    published: HUBEI_2020,
    gap,
  };
}

/** The summary over seeds of surveyed respondents scored with the given thresholds (re-scoring, no run). */
export function summaryOf(
  rows: readonly Respondent[][],
  seeds: readonly number[],
  thresholds: Record<Indicator, number>,
): SurveySummary {
  const communities = new Set(rows[0].map((r) => r.community)).size;
  return summarise(
    rows.map((seedRows, k) =>
      report(
        seedRows.map((r) => ({ ...r, improved: improvements(r.help, thresholds) })),
        seeds[k],
        communities,
      ),
    ),
  );
}
