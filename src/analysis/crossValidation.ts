import { ITEM_PLACES, isMeasurement, type MeasurementPath, thresholdsFrom } from './measurement.ts';
import { nelderMead } from './nelderMead.ts';
import { type Indicator, type Respondent, type SurveySummary, summaryOf } from './survey.ts';
import { indicatorValue, type Targets, targetTerm } from './targets.ts';

export interface CrossValidationRow {
  name: string;
  observed: number;
  /** Simulated with the measurement model refitted without this figure. */
  predicted: number;
  error: number;
}

/**
 * Leave-one-out over the published improvement figures: the measurement parameters are refitted to
 * every other improvement figure (held-out ones included) on the fitted simulations, and the
 * left-out figure is predicted. Only the measurement model moves, so no community is re-run.
 */
export async function crossValidate(
  rows: Respondent[][],
  seeds: number[],
  fitted: Record<string, number>,
  targets: Targets,
  evaluations: number,
): Promise<CrossValidationRow[]> {
  const measurement = targets.parameters.filter((p) => isMeasurement(p.path));
  const items = targets.indicators.filter(
    (t) =>
      t.name.startsWith('improved.') &&
      t.observed !== undefined &&
      t.min === undefined &&
      t.max === undefined,
  );
  if (measurement.length === 0 || items.length < 2) return [];
  const out: CrossValidationRow[] = [];
  for (const t of items) {
    // only the left-out item's line (its need's level and step) is refitted; the other line's
    // figures do not depend on it
    const line = ITEM_PLACES[t.name.slice('improved.'.length) as Indicator].line;
    const free = measurement.filter((p) => p.path.endsWith(`.${line}`));
    if (free.length === 0) continue;
    const scoreAt = (x: number[]) => {
      const v = { ...fitted };
      free.forEach((p, i) => {
        v[p.path] = p.min + x[i] * (p.max - p.min);
      });
      return summaryOf(rows, seeds, thresholdsFrom(v as Record<MeasurementPath, number>));
    };
    const terms = (s: SurveySummary) =>
      items.reduce((sum, u) => (u === t ? sum : sum + targetTerm(u, indicatorValue(s, u.name))), 0);
    const start = free.map((p) => (p.max > p.min ? (fitted[p.path] - p.min) / (p.max - p.min) : 0));
    // a small first simplex: the fitted values are already close to the refit's optimum
    const result = await nelderMead((x) => terms(scoreAt(x)), start, {
      maxEvaluations: evaluations,
      step: 0.03,
    });
    const predicted = indicatorValue(scoreAt(result.x), t.name);
    out.push({
      name: t.name,
      observed: t.observed as number,
      predicted,
      error: predicted - (t.observed as number),
    });
  }
  return out;
}
