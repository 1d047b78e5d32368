import { INDICATORS, type Indicator } from './survey.ts';

/**
 * The survey's measurement model (docs/validation.md, "Measurement model"). The model has three
 * needs, the questionnaire eleven items. Each respondent's latent improvement on a need is the help
 * received on it (how much services lowered it over the year); an item is reported as improved when
 * that help reaches the item's difficulty. Difficulties are not free per item: within a need they
 * lie on a line in the item's rank,
 *
 *   difficulty(item) = level[need] + step[need] · rank(item),
 *
 * where rank is the item's position within its need in the published order (0 the most often
 * improved): anxiety, sleep, appetite, hope, depression; integration, social relations, family
 * relations. The three material items have no published figure ("received least"), so they have no
 * free parameter either: each has rank 0 on the psychological line (as easy as the easiest
 * psychological item), so any gap between material and psychological improvement comes from the
 * help the model gave. Four parameters give all eleven thresholds.
 */
export const MEASUREMENT_PATHS = [
  'measurement.level.psychological',
  'measurement.level.social',
  'measurement.step.psychological',
  'measurement.step.social',
] as const;
export type MeasurementPath = (typeof MEASUREMENT_PATHS)[number];

/** The largest value each measurement parameter may take (help is in need units; needs lie in 0–1.5). */
export const MEASUREMENT_MAX: Record<MeasurementPath, number> = {
  'measurement.level.psychological': 3,
  'measurement.level.social': 3,
  'measurement.step.psychological': 1,
  'measurement.step.social': 1,
};

export const isMeasurement = (path: string): path is MeasurementPath =>
  (MEASUREMENT_PATHS as readonly string[]).includes(path);

const LINE: Record<number, 'psychological' | 'social'> = {
  0: 'psychological',
  1: 'psychological',
  2: 'social',
};

/** Each item's line (the need whose level and step it uses) and rank on it. */
export const ITEM_PLACES: Record<Indicator, { line: 'psychological' | 'social'; rank: number }> = (() => {
  const seen: Record<number, number> = { 0: 0, 2: 0 };
  const out = {} as Record<Indicator, { line: 'psychological' | 'social'; rank: number }>;
  for (const [name, need] of INDICATORS) {
    // material items (need 1) all sit at rank 0 of the psychological line
    out[name] = { line: LINE[need], rank: need === 1 ? 0 : seen[need]++ };
  }
  return out;
})();

/** The eleven thresholds (`parameters.survey.*`) given the four measurement parameters. */
export function thresholdsFrom(m: Record<MeasurementPath, number>): Record<Indicator, number> {
  const out = {} as Record<Indicator, number>;
  for (const [name] of INDICATORS) {
    const { line, rank } = ITEM_PLACES[name];
    out[name] = m[`measurement.level.${line}`] + m[`measurement.step.${line}`] * rank;
  }
  return out;
}

/** Starting values read back from a scenario's thresholds: the first item's level and the mean step. */
export function measurementFrom(thresholds: Record<Indicator, number>): Record<MeasurementPath, number> {
  const line = (l: 'psychological' | 'social') => {
    const need = l === 'psychological' ? 0 : 2;
    const items = INDICATORS.filter(([, n]) => n === need).map(([name]) => name);
    const first = thresholds[items[0]];
    const last = thresholds[items[items.length - 1]];
    return { level: first, step: items.length > 1 ? (last - first) / (items.length - 1) : 0 };
  };
  const p = line('psychological');
  const s = line('social');
  return {
    'measurement.level.psychological': p.level,
    'measurement.level.social': s.level,
    'measurement.step.psychological': p.step,
    'measurement.step.social': s.step,
  };
}
