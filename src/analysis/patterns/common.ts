import type { RunSummary } from '../../engine/result.ts';
import type { ElementId } from '../../model/elements.ts';

/** The report the practice models and the survey come from (docs/ODD.md, References). */
export const REPORT = '湖北省民政厅课题组 (2021), 《中国民政》';

type File = Record<string, unknown>;

/** The preset scenarios the battery starts from (files in scenarios/, read by the caller). */
export const PRESET_IDS = ['organization-led', 'volunteer-led', 'charity-led', 'hubei-2020'] as const;
export type PresetId = (typeof PRESET_IDS)[number];
export type Presets = Record<PresetId, File>;

/** A preset as one community: without `$schema` and without an ensemble. */
export function asCommunity(file: File): File {
  const { $schema: _s, ensemble: _e, ...rest } = file;
  return rest;
}

/** A preset with some starting strengths (and other fields) changed. */
export function withInitial(file: File, initial: Partial<Record<ElementId, number>>, extra: File = {}): File {
  return { ...file, initial: { ...(file.initial as object), ...initial }, ...extra };
}

/** A middling community: every element at 0.4, two years, 3,000 residents, strengths-first. */
export function community(initial: Partial<Record<ElementId, number>> = {}, extra: File = {}): File {
  return {
    id: 'pattern',
    ticks: 104,
    residents: 3000,
    strategy: 'strengths-first',
    initial: {
      community: 0.4,
      organizations: 0.4,
      socialWorkers: 0.4,
      volunteers: 0.4,
      charity: 0.4,
      ...initial,
    },
    ...extra,
  };
}

/** Growth of the three carriers' strength over the run (final − initial, summed). */
export function carrierGrowth(s: RunSummary): number {
  let g = 0;
  for (const e of ['organizations', 'volunteers', 'charity'] as const)
    g += s.final.strength[e] - s.initial.strength[e];
  return g;
}

/** Mean of a series over weeks [from, to] (clipped to the run). */
export function meanOver(s: RunSummary, column: string, from: number, to: number): number {
  const c = s.series[column];
  if (!c) throw new Error(`no series column ${column}`);
  let sum = 0;
  let n = 0;
  for (let t = Math.max(0, from); t <= Math.min(to, c.length - 1); t++) {
    sum += c[t];
    n++;
  }
  return n ? sum / n : Number.NaN;
}

/** The week all five were involved, or one past the end of the run if they never were. */
export function allInvolved(s: RunSummary): number {
  return s.pathway.allInvolvedTick ?? s.ticks + 1;
}

/**
 * Coverage of the target group by one element at the end of the run (the reporter
 * `targetCoverage.<element>`, src/engine/reporters.ts): the population of the survey's figures.
 */
export function targetCoverage(s: RunSummary, e: ElementId): number {
  const v = s.final.counts[`targetCoverage.${e}`];
  if (v === undefined) throw new Error(`no reporter targetCoverage.${e}`);
  return v;
}
