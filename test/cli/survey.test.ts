import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELEMENTS } from '../../src/model/elements.ts';
import { expectNoStack, ROOT, tempDir, writeScenario, wushe, wusheHere } from './helpers.ts';

const hubei = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'hubei-2020.json'), 'utf8'));
const small = {
  ...hubei,
  ticks: 6,
  ensemble: { ...hubei.ensemble, communities: 3, residents: { min: 500, max: 900 } },
};

describe('wushe survey', () => {
  const dir = tempDir();
  const file = writeScenario(dir, 'small.json', small);

  it('writes respondents.csv and report.json and prints the table', () => {
    const out = join(dir, 'one');
    const r = wushe(['survey', file, '--respondents', '40', '--out', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('published');
    expect(r.stdout).toContain('served by socialWorkers');
    const csv = readFileSync(join(out, 'respondents.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(41);
    const header = csv[0].split(',');
    for (const e of ELEMENTS) expect(header).toContain(`served_${e}`);
    for (const k of [
      'community',
      'resident',
      'improved_anxiety',
      'improved_employmentHelp',
      'belonging',
      'trust',
    ])
      expect(header).toContain(k);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.n).toBe(40);
    expect(report.communities).toBe(3);
    for (const e of ELEMENTS) expect(report.coverage[e]).toBeGreaterThanOrEqual(0);
    for (const k of ['belonging', 'trust']) {
      expect(Object.keys(report.regression[k])).toEqual(expect.arrayContaining(['coef', 'se', 'p']));
    }
    expect(report.published.coverage.socialWorkers).toBe(0.9887);
    expect(typeof report.gap.coverage.socialWorkers).toBe('number');
    expect(report.standardErrors).toContain('fixed effects');
  });

  it('--seeds K gives intervals over K seeds', async () => {
    const out = join(dir, 'many');
    const r = await wusheHere([
      'survey',
      file,
      '--respondents',
      '30',
      '--seeds',
      '3',
      '--out',
      out,
      '--quiet',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.seeds).toHaveLength(3);
    expect(report.intervals.coverage.socialWorkers.low).toBeLessThanOrEqual(
      report.intervals.coverage.socialWorkers.high,
    );
    expect(r.stdout).toContain('95% interval');
  });

  it('bad input: exit 2 with a message naming the problem', async () => {
    for (const [args, text] of [
      [['survey', file, '--seeds', '0', '--out', join(dir, 'x')], "'--seeds <k>' argument '0' is invalid"],
      [
        ['survey', file, '--respondents', 'many', '--out', join(dir, 'x')],
        "'--respondents <n>' argument 'many' is invalid",
      ],
      [['survey', join(dir, 'missing.json'), '--out', join(dir, 'x')], 'no such file'],
      [['survey', file], "required option '--out <dir>'"],
    ] as const) {
      const r = await wusheHere([...args]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(text);
      expectNoStack(r.stderr);
    }
  });
});

describe('wushe calibrate', () => {
  const dir = tempDir();
  const file = writeScenario(dir, 'small.json', small);

  it('fits, and writes the fitted scenario, the fit and the trace', () => {
    const targets = writeScenario(dir, 'targets.json', {
      respondents: 30,
      replicates: 1,
      evaluations: 6,
      indicators: [{ name: 'coverage.socialWorkers', observed: 0.8, tolerance: 0.05 }],
      parameters: [{ path: 'parameters.socialWorkers.targetFocus', min: 0.2, max: 1 }],
    });
    const out = join(dir, 'fit');
    const r = wushe(['calibrate', file, '--targets', targets, '--out', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Fit to targets');
    const fitted = JSON.parse(readFileSync(join(out, 'scenario.json'), 'utf8'));
    expect(typeof fitted.parameters.socialWorkers.targetFocus).toBe('number');
    const fit = JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8'));
    expect(fit.fit[0].name).toBe('coverage.socialWorkers');
    const trace = readFileSync(join(out, 'trace.jsonl'), 'utf8').trim().split('\n');
    expect(trace.length).toBe(fit.evaluations);
    expect(JSON.parse(trace[0]).values['parameters.socialWorkers.targetFocus']).toBeGreaterThanOrEqual(0.2);
    // the fitted scenario is a valid scenario
    const v = wushe(['validate', join(out, 'scenario.json')]);
    expect(v.status, v.stderr).toBe(0);
  });

  it('fits the measurement model on worker threads within a whole-fit budget and reports the held-out figures', async () => {
    const targets = writeScenario(dir, 'measurement.json', {
      respondents: 40,
      replicates: 2,
      evaluations: 4,
      indicators: [
        { name: 'coverage.socialWorkers', observed: 0.8, tolerance: 0.05 },
        { name: 'improved.anxiety', observed: 0.3 },
        { name: 'improved.appetite', observed: 0.2, holdout: true },
        { name: 'improved.integration', observed: 0.15 },
      ],
      parameters: [
        { path: 'parameters.socialWorkers.targetFocus', min: 0.2, max: 1 },
        { path: 'measurement.level.psychological', min: 0, max: 2 },
        { path: 'measurement.step.psychological', min: 0, max: 0.3 },
        { path: 'measurement.level.social', min: 0, max: 2 },
        { path: 'measurement.step.social', min: 0, max: 0.3 },
      ],
      stages: [
        [
          'measurement.level.psychological',
          'measurement.step.psychological',
          'measurement.level.social',
          'measurement.step.social',
        ],
        ['parameters.socialWorkers.targetFocus'],
      ],
    });
    const out = join(dir, 'measurement-fit');
    const r = await wusheHere([
      'calibrate',
      file,
      '--targets',
      targets,
      '--workers',
      '2',
      '--out',
      out,
      '--quiet',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '5 free parameters (4 of them the measurement model) fitted to 3 published figures',
    );
    expect(r.stdout).toContain('Held out of the fit');
    const fit = JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8'));
    expect(fit.simulatedEvaluations).toBeLessThanOrEqual(4);
    expect(fit.workers).toBe(2);
    expect(fit.heldOut.rows.map((x: { name: string }) => x.name)).toEqual(['improved.appetite']);
    const fitted = JSON.parse(readFileSync(join(out, 'scenario.json'), 'utf8'));
    const t = fitted.parameters.survey;
    // eleven thresholds on two lines; the material items at the easiest psychological level
    expect(t.economicAid).toBe(t.anxiety);
    expect(t.depression - t.hope).toBeCloseTo(t.sleep - t.anxiety, 4);
    const bad = await wusheHere([
      'calibrate',
      file,
      '--targets',
      targets,
      '--workers',
      '0',
      '--out',
      join(dir, 'w0'),
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--workers 0');
  });

  it('an invalid targets file: exit 2 naming each problem', async () => {
    const targets = writeScenario(dir, 'bad-targets.json', {
      indicators: [{ name: 'coverage.volunters', observed: 0.3 }],
      parameters: [{ path: 'parameters.volunteers.lapseHazard', min: 0, max: 3 }],
    });
    const r = await wusheHere(['calibrate', file, '--targets', targets, '--out', join(dir, 'bad')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean "coverage.volunteers"');
    expect(r.stderr).toContain('outside parameters.volunteers.lapseHazard');
    expectNoStack(r.stderr);
  });
});
