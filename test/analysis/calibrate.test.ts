import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  calibrate,
  indicatorValue,
  type Targets,
  validateTargets,
  withValues,
} from '../../src/analysis/calibrate.ts';
import { nelderMead } from '../../src/analysis/nelderMead.ts';
import { summarise, surveyOnce } from '../../src/analysis/survey.ts';

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
  it('finds the minimum of a quadratic bowl inside the unit box', () => {
    const r = nelderMead((x) => (x[0] - 0.3) ** 2 + 2 * (x[1] - 0.7) ** 2, [0.9, 0.1], {
      maxEvaluations: 400,
    });
    expect(r.x[0]).toBeCloseTo(0.3, 3);
    expect(r.x[1]).toBeCloseTo(0.7, 3);
  });

  it('stays inside the box when the minimum is outside it', () => {
    const r = nelderMead((x) => (x[0] + 1) ** 2, [0.5]);
    expect(r.x[0]).toBe(0);
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
});

describe('calibrate', () => {
  it('recovers known parameters from a target the model itself produced', () => {
    const file = small();
    const truth = { 'parameters.socialWorkers.targetFocus': 0.45, 'parameters.survey.anxiety': 0.35 };
    const scenario = withValues(file, truth);
    const seeds = [1, 2, 3];
    const summary = summarise(seeds.map((seed) => surveyOnce(scenario, seed, 240).report));
    const observed = {
      sw: indicatorValue(summary, 'coverage.socialWorkers'),
      anxiety: indicatorValue(summary, 'improved.anxiety'),
    };
    const checked = validateTargets({
      respondents: 240,
      replicates: 3,
      seed: 1,
      evaluations: 60,
      indicators: [
        { name: 'coverage.socialWorkers', observed: observed.sw, tolerance: 0.005 },
        { name: 'improved.anxiety', observed: observed.anxiety, tolerance: 0.005 },
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
    const fitted = calibrate(
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
    expect(fitted.trace.every((t) => Number.isFinite(t.objective))).toBe(true);
  }, 120_000);
});
