import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withoutLinkage } from '../../src/analysis/knockout.ts';
import { measurementFrom, thresholdsFrom } from '../../src/analysis/measurement.ts';
import { HUBEI_2020 } from '../../src/analysis/published.ts';
import { runScenario } from '../../src/analysis/summary.ts';
import {
  type Indicator,
  type Respondent,
  type SurveySummary,
  summarise,
  surveyOnce,
} from '../../src/analysis/survey.ts';
import { parseScenario } from '../../src/model/parse.ts';

const read = (id: string) =>
  JSON.parse(readFileSync(new URL(`../../scenarios/${id}.json`, import.meta.url), 'utf8'));
const targets = JSON.parse(
  readFileSync(new URL('../../scenarios/targets/hubei-2020.targets.json', import.meta.url), 'utf8'),
);
// seeds the fit never saw (it used targets.seed … targets.seed + replicates − 1)
const SEEDS = [101, 102, 103, 104, 105, 106];

/** The shipped, calibrated Hubei scenario against the bounds of issue "Hold the model against the Hubei study". */
describe('scenarios/hubei-2020.json (calibrated)', () => {
  const parsed = parseScenario(JSON.stringify(read('hubei-2020')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  // each seed's survey of the calibrated scenario runs once and serves every test below
  const once = new Map<number, ReturnType<typeof surveyOnce>>();
  const surveyed = (seed: number) => {
    if (!once.has(seed)) once.set(seed, surveyOnce(parsed.scenario, seed, HUBEI_2020.n));
    return once.get(seed)!;
  };
  let s: SurveySummary;
  const survey = () => {
    s ??= summarise(SEEDS.map((seed) => surveyed(seed).report));
    return s;
  };

  it('is fitted on other seeds than these, and its eleven thresholds come from the four-parameter measurement model', () => {
    const fitted = Array.from({ length: targets.replicates }, (_, k) => targets.seed + k);
    for (const seed of SEEDS) expect(fitted).not.toContain(seed);
    const t = parsed.scenario.parameters.survey as Record<Indicator, number>;
    const again = thresholdsFrom(measurementFrom(t));
    for (const [k, v] of Object.entries(t)) expect(again[k as Indicator], k).toBeCloseTo(v, 4);
  });

  it('coverage by social workers and by the community within 3 points of 98.87% and 81.55%', () => {
    expect(Math.abs(survey().coverage.socialWorkers.mean - 0.9887)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(survey().coverage.community.mean - 0.8155)).toBeLessThanOrEqual(0.03);
  });

  it('organisations, volunteers and charity between 30% and 50%, volunteers and charity the weakest providers', () => {
    const c = survey().coverage;
    for (const e of ['organizations', 'volunteers', 'charity'] as const) {
      expect(c[e].mean, e).toBeGreaterThanOrEqual(0.3);
      expect(c[e].mean, e).toBeLessThanOrEqual(0.5);
    }
    for (const weak of ['volunteers', 'charity'] as const) {
      for (const other of ['organizations', 'socialWorkers', 'community'] as const) {
        expect(c[weak].mean, `${weak} < ${other}`).toBeLessThan(c[other].mean);
      }
    }
  });

  // Four measurement parameters for eight figures: a line per need cannot pass within 3 points of
  // all three social figures (the best line through them misses social relations by about 4 points
  // on 20 unseen seeds; docs/validation.md, "Out of sample"), and the mean of these six seeds has a
  // standard error of about 0.75 points (a seed's survey varies by about 1.85), so a fitted figure is
  // held to 5.5 points (the structural miss and two standard errors), a figure held out of the fit
  // (a prediction: sleep is missed by about 4 points) to 6, and all eight to 2.5 on average.
  it('each published improvement within 5.5 points (held-out ones within 6) and within 2.5 on average; economic, medical and employment help below every psychological one', () => {
    const imp = survey().improved;
    const heldOut = new Set(
      targets.indicators.filter((t: { holdout?: boolean }) => t.holdout).map((t: { name: string }) => t.name),
    );
    let total = 0;
    for (const [k, v] of Object.entries(HUBEI_2020.improved)) {
      const gap = Math.abs(imp[k as keyof typeof imp].mean - v);
      expect(gap, k).toBeLessThanOrEqual(heldOut.has(`improved.${k}`) ? 0.06 : 0.055);
      total += gap;
    }
    expect(total / Object.keys(HUBEI_2020.improved).length).toBeLessThanOrEqual(0.025);
    const psychological = Math.min(
      ...(['anxiety', 'sleep', 'appetite', 'hope', 'depression'] as const).map((k) => imp[k].mean),
    );
    for (const k of ['economicAid', 'medicalAid', 'employmentHelp'] as const) {
      expect(imp[k].mean, k).toBeLessThan(psychological);
    }
  });

  it('both regression coefficients positive in the mean and significant at 5% in at least half of the seeds', () => {
    for (const k of ['belonging', 'trust'] as const) {
      expect(survey().regression[k].coef.mean, k).toBeGreaterThan(0);
      expect(survey().regression[k].significantShare, k).toBeGreaterThanOrEqual(0.5);
    }
  });

  // Knocking out all linkage must take away what linkage delivers: organisations and volunteers stop
  // serving, so respondents are served by fewer elements. Whether they then report less improvement
  // depends on where the freed money and hours go (docs/validation.md, "Knock-out"); what must hold
  // is that improvement follows the help actually received, not the thresholds.
  it('with all linkage knocked out, organisations and volunteers stop serving, fewer elements serve a respondent, and improvement moves with the help received', () => {
    const off = withoutLinkage(read('hubei-2020'));
    const seeds = SEEDS.slice(0, 2);
    const on = seeds.flatMap((seed) => surveyed(seed).respondents);
    const ko = seeds.flatMap((seed) => surveyOnce(off.scenario, seed, HUBEI_2020.n).respondents);
    const mean = (r: Respondent[], f: (x: Respondent) => number) =>
      r.reduce((a, x) => a + f(x), 0) / r.length;
    for (const e of ['organizations', 'volunteers'] as const)
      expect(
        mean(ko, (x) => x.served[e]),
        e,
      ).toBeLessThan(mean(on, (x) => x.served[e]) - 0.2);
    const served = (x: Respondent) => Object.values(x.served).reduce((a: number, b) => a + b, 0);
    expect(mean(ko, served)).toBeLessThan(mean(on, served));
    // the eight published items (psychological and social) against the help on those two needs
    const improved = (x: Respondent) =>
      Object.keys(HUBEI_2020.improved).reduce((a, k) => a + x.improved[k as Indicator], 0);
    const help = (x: Respondent) => x.help[0] + x.help[2];
    const dHelp = mean(ko, help) - mean(on, help);
    const dImproved = mean(ko, improved) - mean(on, improved);
    expect(Math.sign(dImproved)).toBe(Math.sign(dHelp));
  });

  it('leaves the rest of the model intact: the practice-model presets still produce their modes with its parameters', () => {
    const calibrated = read('hubei-2020').parameters;
    for (const [id, mode] of [
      ['organization-led', 'organization-led'],
      ['volunteer-led', 'volunteer-led'],
      ['charity-led', 'charity-led'],
    ]) {
      const file = read(id);
      let hits = 0;
      for (let seed = 1; seed <= 20; seed++) {
        const p = parseScenario(
          JSON.stringify({ ...file, seed, parameters: { ...calibrated, ...file.parameters } }),
        );
        if (!p.ok) throw new Error(p.errors.join('\n'));
        if (runScenario(p.scenario).summary.pathway.mode === mode) hits++;
      }
      expect(hits, id).toBeGreaterThanOrEqual(16);
    }
  });
});
