import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  calibrate,
  indicatorValue,
  objective,
  type Targets,
  validateTargets,
  withValues,
} from '../../src/analysis/calibrate.ts';
import { nelderMead } from '../../src/analysis/nelderMead.ts';
import { summarise, surveyOnce } from '../../src/analysis/survey.ts';
import { targetTerm } from '../../src/analysis/targets.ts';

const small = () => {
  const file = JSON.parse(readFileSync(new URL('../../scenarios/hubei-2020.json', import.meta.url), 'utf8'));
  // the Hubei set-up with the model's default parameters, so the test does not move when hubei-2020 is refitted
  return {
    ...file,
    ticks: 4,
    parameters: {},
    ensemble: { communities: 4, residents: { min: 600, max: 1000 } },
  };
};

describe('Nelder–Mead', () => {
  it('finds the minimum of a quadratic bowl inside the unit box', async () => {
    const r = await nelderMead((x) => (x[0] - 0.3) ** 2 + 2 * (x[1] - 0.7) ** 2, [0.9, 0.1], {
      maxEvaluations: 400,
    });
    expect(r.x[0]).toBeCloseTo(0.3, 3);
    expect(r.x[1]).toBeCloseTo(0.7, 3);
  });

  it('stays inside the box when the minimum is outside it', async () => {
    const r = await nelderMead((x) => (x[0] + 1) ** 2, [0.5]);
    expect(r.x[0]).toBe(0);
  });

  it('never evaluates more than its budget', async () => {
    for (const budget of [1, 2, 5, 17]) {
      let calls = 0;
      const r = await nelderMead(
        (x) => {
          calls++;
          return (x[0] - 0.2) ** 2 + (x[1] - 0.9) ** 2 + x[2];
        },
        [0.5, 0.5, 0.5],
        { maxEvaluations: budget },
      );
      expect(calls, `budget ${budget}`).toBeLessThanOrEqual(budget);
      expect(r.evaluations).toBe(calls);
    }
  });
});

describe('targets files', () => {
  it('the shipped Hubei targets validate', () => {
    const t = JSON.parse(
      readFileSync(new URL('../../scenarios/targets/hubei-2020.targets.json', import.meta.url), 'utf8'),
    );
    expect(validateTargets(t).ok).toBe(true);
  });

  it('name every problem: unknown indicator, parameter outside its range, unknown parameter, missing fields', () => {
    const r = validateTargets({
      indicators: [{ name: 'coverage.volunters', observed: 0.3 }, { name: 'improved.anxiety' }],
      parameters: [
        { path: 'parameters.volunteers.lapseHazard', min: 0, max: 2 },
        { path: 'parameters.survey.anxity', min: 0, max: 1 },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.join('\n');
    expect(text).toContain('indicators[1]: needs "observed" or a "min"/"max" range');
    expect(r.ok).toBe(false);
    const again = validateTargets({
      indicators: [{ name: 'coverage.volunters', observed: 0.3 }],
      parameters: [
        { path: 'parameters.volunteers.lapseHazard', min: 0, max: 2 },
        { path: 'parameters.survey.anxity', min: 0, max: 1 },
      ],
    });
    expect(again.ok).toBe(false);
    if (again.ok) return;
    const all = again.errors.join('\n');
    expect(all).toContain('unknown indicator "coverage.volunters" (did you mean "coverage.volunteers"?)');
    expect(all).toContain("outside parameters.volunteers.lapseHazard's own range 0–1");
    expect(all).toContain('did you mean "parameters.survey.anxiety"');
  });

  it('refuse freeing both the measurement model and a threshold it sets, or holding every figure out', () => {
    const r = validateTargets({
      indicators: [{ name: 'improved.anxiety', observed: 0.3, holdout: true }],
      parameters: [
        { path: 'measurement.level.psychological', min: 0, max: 2 },
        { path: 'parameters.survey.anxiety', min: 0, max: 1 },
        { path: 'measurement.step.social', min: 0, max: 9 },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const all = r.errors.join('\n');
    expect(all).toContain('every indicator is held out');
    expect(all).toContain('do not free both');
    expect(all).toContain("outside measurement.step.social's own range 0–1");
  });
});

describe('calibrate', () => {
  it('recovers known parameters from a target the model itself produced', async () => {
    // eight weeks rather than four: over four weeks social workers' coverage moves with targetFocus
    // in steps of 1–3 points with flat and non-monotone stretches, and recovery within 3 points is
    // then luck
    const file = { ...small(), ticks: 8 };
    const truth = { 'parameters.socialWorkers.targetFocus': 0.45, 'parameters.survey.anxiety': 0.35 };
    const scenario = withValues(file, truth);
    const seeds = [1, 2, 3];
    const summary = summarise(seeds.map((seed) => surveyOnce(scenario, seed, 240).report));
    const observed = {
      sw: indicatorValue(summary, 'coverage.socialWorkers'),
      anxiety: indicatorValue(summary, 'improved.anxiety'),
      sleep: indicatorValue(summary, 'improved.sleep'),
    };
    const checked = validateTargets({
      respondents: 240,
      replicates: 3,
      seed: 1,
      evaluations: 60,
      indicators: [
        { name: 'coverage.socialWorkers', observed: observed.sw, tolerance: 0.005 },
        { name: 'improved.anxiety', observed: observed.anxiety, tolerance: 0.005 },
        // a figure whose threshold is not free: it must be scored at the scenario's threshold
        { name: 'improved.sleep', observed: observed.sleep, tolerance: 0.05 },
      ],
      parameters: [
        { path: 'parameters.socialWorkers.targetFocus', min: 0.1, max: 1 },
        { path: 'parameters.survey.anxiety', min: 0, max: 1.5 },
      ],
      stages: [
        ['parameters.survey.anxiety'],
        ['parameters.socialWorkers.targetFocus'],
        ['parameters.survey.anxiety'],
      ],
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const targets: Targets = checked.targets;
    const start = withValues(file, {
      'parameters.socialWorkers.targetFocus': 0.95,
      'parameters.survey.anxiety': 1.2,
    });
    expect(start.parameters.socialWorkers.targetFocus).toBe(0.95);
    const fitted = await calibrate(
      {
        ...file,
        parameters: {
          ...file.parameters,
          socialWorkers: { targetFocus: 0.95 },
          survey: { ...file.parameters.survey, anxiety: 1.2 },
        },
      },
      targets,
    );
    expect(Math.abs(fitted.values['parameters.socialWorkers.targetFocus'] - 0.45)).toBeLessThan(0.15);
    // survey shares move in steps of 1/720 and wobble by a few points with the parameters (each value
    // draws differently), so recovery is to within that noise
    for (const row of fitted.fit) expect(Math.abs(row.gap ?? 0), row.name).toBeLessThanOrEqual(0.03);
    expect(fitted.trace.length).toBeGreaterThan(10);
    // profiling the free threshold (anxiety) keeps the others at the scenario's values: sleep is
    // scored, not read as "no one improved", in the stage that re-runs the communities
    expect(observed.sleep).toBeGreaterThan(0.05);
    for (const t of fitted.trace.filter((r) => r.stage === 2))
      expect(t.indicators['improved.sleep']).toBeGreaterThan(0.05);
    // the budget is for the whole fit, over all three stages, counted in evaluations that run the
    // communities; the threshold stages only re-score
    expect(fitted.trace.filter((t) => t.simulated).length).toBeLessThanOrEqual(60);
    expect(fitted.trace.filter((t) => t.stage !== 2 && t.simulated).length).toBe(1);
    expect(new Set(fitted.trace.map((t) => t.stage))).toEqual(new Set([1, 2, 3]));
    expect(fitted.trace.every((t) => Number.isFinite(t.objective))).toBe(true);
  }, 120_000);
});

describe('calibrate with the measurement model', () => {
  it('recovers the four measurement parameters from eight figures, predicts the held-out ones, and re-runs no community to do it', async () => {
    const file = small();
    const truth = {
      'measurement.level.psychological': 0.25,
      'measurement.step.psychological': 0.04,
      'measurement.level.social': 0.14,
      'measurement.step.social': 0.05,
    };
    const seeds = [1, 2];
    const summary = summarise(seeds.map((seed) => surveyOnce(withValues(file, truth), seed, 240).report));
    const items = [
      'anxiety',
      'sleep',
      'appetite',
      'hope',
      'depression',
      'integration',
      'socialRelations',
      'familyRelations',
    ];
    const checked = validateTargets({
      respondents: 240,
      replicates: 2,
      seed: 1,
      evaluations: 200,
      indicators: items.map((name) => ({
        name: `improved.${name}`,
        observed: indicatorValue(summary, `improved.${name}`),
        tolerance: 0.01,
        holdout: name === 'sleep' || name === 'socialRelations',
      })),
      parameters: Object.keys(truth).map((path) => ({ path, min: 0, max: path.includes('step') ? 0.3 : 1 })),
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    for (const name of items) {
      const v = indicatorValue(summary, `improved.${name}`);
      expect(v, name).toBeGreaterThan(0.02);
      expect(v, name).toBeLessThan(0.98);
    }
    let surveys = 0;
    const fitted = await calibrate(file, checked.targets, {
      run: async (scenario, s, n) => {
        surveys += s.length;
        return s.map((seed) => surveyOnce(scenario, seed, n).respondents);
      },
      crossValidation: 40,
    });
    // only the measurement model moves: the communities are run once
    expect(surveys).toBe(2);
    expect(fitted.trace.filter((t) => t.simulated)).toHaveLength(1);
    expect(fitted.identification).toMatchObject({
      parameters: 4,
      measurementParameters: 4,
      fittedFigures: 6,
      heldOut: 2,
    });
    for (const row of fitted.fit) expect(Math.abs(row.gap ?? 0), row.name).toBeLessThanOrEqual(0.02);
    expect(fitted.heldOut.rows.map((r) => r.name)).toEqual(['improved.sleep', 'improved.socialRelations']);
    expect(fitted.heldOut.maxAbsoluteError).toBeLessThanOrEqual(0.02);
    // the scenario gets the eleven thresholds the measurement model gives
    expect(fitted.scenarioValues['parameters.survey.depression']).toBeCloseTo(
      fitted.values['measurement.level.psychological'] + 4 * fitted.values['measurement.step.psychological'],
      12,
    );
    expect(fitted.crossValidation).toHaveLength(8);
    // leave-one-out refits the left-out item's line from the others: within the five psychological
    // items that interpolates well; an end item of the three social ones is an extrapolation, and help
    // comes in quanta (one contact lowers a need by a fixed amount), so it may miss by more
    for (const r of fitted.crossValidation) {
      expect(Number.isFinite(r.error), r.name).toBe(true);
      const psychological = ['anxiety', 'sleep', 'appetite', 'hope', 'depression'].some((k) =>
        r.name.endsWith(k),
      );
      if (psychological) expect(Math.abs(r.error), r.name).toBeLessThanOrEqual(0.02);
    }
  }, 120_000);
});

describe('calibrate, profiling', () => {
  it('refits the measurement model on every evaluation of a stage that re-runs the communities', async () => {
    const file = small();
    const truth = {
      'measurement.level.psychological': 0.25,
      'measurement.step.psychological': 0.04,
      'measurement.level.social': 0.14,
      'measurement.step.social': 0.05,
    };
    const summary = summarise([1].map((seed) => surveyOnce(withValues(file, truth), seed, 200).report));
    const names = ['anxiety', 'appetite', 'depression', 'integration', 'familyRelations'];
    const checked = validateTargets({
      respondents: 200,
      replicates: 1,
      seed: 1,
      evaluations: 6,
      indicators: names.map((n) => ({
        name: `improved.${n}`,
        observed: indicatorValue(summary, `improved.${n}`),
        tolerance: 0.01,
      })),
      parameters: [
        { path: 'parameters.socialWorkers.targetFocus', min: 0.7, max: 0.9 },
        ...Object.keys(truth).map((path) => ({ path, min: 0, max: path.includes('step') ? 0.3 : 1 })),
      ],
      // the measurement parameters are in no stage: only profiling moves them
      stages: [['parameters.socialWorkers.targetFocus']],
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const fitted = await calibrate(file, checked.targets, { crossValidation: 0 });
    expect(fitted.trace.filter((t) => t.simulated).length).toBeLessThanOrEqual(6);
    // the shipped default thresholds fit these figures far worse than the profiled ones
    const before = objective(summarise([surveyOnce(withValues(file, {}), 1, 200).report]), checked.targets);
    expect(before).toBeGreaterThan(5 * fitted.objective);
    for (const t of fitted.trace) expect(Object.keys(t.values)).toContain('measurement.level.social');
    // from the thresholds of the shipped defaults, far from the truth, profiling alone gets close
    for (const row of fitted.fit) expect(Math.abs(row.gap ?? 0), row.name).toBeLessThanOrEqual(0.05);
  }, 120_000);
});

describe('objective', () => {
  it('a range with a figure inside: a gentle pull inside, and leaving the range never costs less than its edge', () => {
    const t = {
      name: 'coverage.volunteers',
      observed: 0.35,
      min: 0.3,
      max: 0.5,
      tolerance: 0.02,
      weight: 1,
      holdout: false,
    };
    expect(targetTerm(t, 0.35)).toBe(0);
    expect(targetTerm(t, 0.45)).toBeCloseTo((0.1 / 4 / 0.02) ** 2, 12);
    expect(targetTerm(t, 0.51)).toBeGreaterThan(targetTerm(t, 0.5));
    expect(targetTerm(t, 0.5)).toBeGreaterThan(targetTerm(t, 0.49));
    expect(targetTerm(t, 0.29)).toBeGreaterThan(targetTerm(t, 0.3));
    expect(targetTerm({ ...t, observed: undefined }, 0.4)).toBe(0);
    expect(targetTerm({ ...t, min: undefined, max: undefined }, 0.4)).toBeCloseTo((0.05 / 0.02) ** 2, 12);
  });
});
