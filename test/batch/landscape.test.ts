import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/summary.ts';
import {
  aggregateLandscape,
  axisValues,
  type LandscapePoint,
  landscapePoints,
} from '../../src/batch/landscape.ts';
import { landscapeSvg } from '../../src/batch/landscapeSvg.ts';
import { METRIC_KEYS, type RunMetrics, runMetrics } from '../../src/batch/metrics.ts';
import { deriveSeed } from '../../src/batch/seeds.ts';
import { ELEMENTS, MODES } from '../../src/model/elements.ts';
import { numberSpec } from '../../src/model/parameters.ts';
import { smallScenario } from './helpers.ts';

const opts = { x: 'initial.volunteers', y: 'initial.charity', steps: 3, replicates: 2, seed: 5 };

describe('landscapePoints', () => {
  const points = landscapePoints(smallScenario(), opts);

  it('one point per cell and replicate, in index order, x and y evenly spaced over [0, 1]', () => {
    expect(points).toHaveLength(18);
    expect(points.map((p) => p.index)).toEqual(points.map((_, i) => i));
    expect(points.slice(0, 6).map((p) => [p.ix, p.iy, p.replicate])).toEqual([
      [0, 0, 0],
      [0, 0, 1],
      [1, 0, 0],
      [1, 0, 1],
      [2, 0, 0],
      [2, 0, 1],
    ]);
    expect([...new Set(points.map((p) => p.x))]).toEqual([0, 0.5, 1]);
    expect([...new Set(points.map((p) => p.y))]).toEqual([0, 0.5, 1]);
    for (const p of points) {
      expect(p.scenario.initial.volunteers).toBe(p.x);
      expect(p.scenario.initial.charity).toBe(p.y);
      expect(p.scenario.initial.community).toBe(0.4);
      expect(p.seed).toBe(deriveSeed(5, p.iy * 3 + p.ix, p.replicate));
      expect(p.scenario.seed).toBe(p.seed);
    }
  });

  it('is deterministic and accepts a resolved scenario as the base', () => {
    const again = landscapePoints(smallScenario(), opts);
    expect(again).toEqual(points);
    const fromResolved = landscapePoints(points[0].scenario, opts);
    expect(fromResolved.map((p) => p.scenario)).toEqual(points.map((p) => p.scenario));
  });

  it('other fields run over their declared range', () => {
    const spec = numberSpec('parameters.volunteers.lapseHazard')!;
    const v = axisValues('parameters.volunteers.lapseHazard', 5);
    expect(v[0]).toBe(spec.min);
    expect(v[4]).toBe(spec.max);
    const r = axisValues('residents', 3);
    expect(r).toEqual([100, Math.round((100 + 4000000) / 2), 4000000]);
  });

  it('bad options throw an Error naming the problem', () => {
    expect(() => landscapePoints(smallScenario(), { ...opts, x: 'initial.volunters' })).toThrow(
      /--x initial\.volunters: unknown numeric field \(did you mean "initial\.volunteers"\?\)/,
    );
    expect(() => landscapePoints(smallScenario(), { ...opts, y: 'strategy' })).toThrow(/not a numeric field/);
    expect(() => landscapePoints(smallScenario(), { ...opts, y: opts.x })).toThrow(/same field/);
    expect(() => landscapePoints(smallScenario(), { ...opts, steps: 1 })).toThrow(/steps/);
  });
});

function fake(mode: (typeof MODES)[number], tick: number | null): RunMetrics {
  const m: Record<string, unknown> = {};
  for (const k of METRIC_KEYS) m[k] = 0;
  return { ...m, mode, firstMover: null, order: [], allInvolvedTick: tick } as unknown as RunMetrics;
}

describe('aggregateLandscape', () => {
  const points: LandscapePoint[] = landscapePoints(smallScenario(), { ...opts, replicates: 3, steps: 2 });

  it('with no results: every cell empty', () => {
    const cells = aggregateLandscape(points, []);
    expect(cells).toHaveLength(4);
    for (const c of cells) {
      expect(c.n).toBe(0);
      expect(c.dominant).toBeNull();
      expect(c.meanAllInvolvedTick).toBeNull();
      for (const m of MODES) expect(c.share[m]).toBe(0);
    }
  });

  it('fills progressively: shares, dominant mode and mean time over the runs so far', () => {
    const results: (RunMetrics | undefined)[] = new Array(points.length);
    results[0] = fake('volunteer-led', 30);
    results[1] = fake('volunteer-led', null);
    results[2] = fake('mixed', 50);
    results[3] = fake('charity-led', 20); // cell (1, 0)
    const cells = aggregateLandscape(points, results);
    expect(cells.map((c) => [c.ix, c.iy])).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    expect(cells[0].n).toBe(3);
    expect(cells[0].share['volunteer-led']).toBeCloseTo(2 / 3, 12);
    expect(cells[0].share.mixed).toBeCloseTo(1 / 3, 12);
    // 2 of 3 runs: the 95% Wilson interval (0.2077, 0.9385)
    expect(cells[0].interval['volunteer-led'][0]).toBeCloseTo(0.2077, 4);
    expect(cells[0].interval['volunteer-led'][1]).toBeCloseTo(0.9385, 4);
    expect(cells[0].dominant).toBe('volunteer-led');
    expect(cells[0].meanAllInvolvedTick).toBe(40);
    expect(cells[1]).toMatchObject({ n: 1, dominant: 'charity-led', meanAllInvolvedTick: 20, x: 1, y: 0 });
    expect(cells[2].n).toBe(0);
  });

  it('ties go to the first mode in MODES order', () => {
    const results: (RunMetrics | undefined)[] = [fake('mixed', null), fake('organization-led', null)];
    expect(aggregateLandscape(points, results)[0].dominant).toBe('organization-led');
  });
});

describe('runMetrics', () => {
  it('flattens a run summary', () => {
    const points = landscapePoints(smallScenario(), { ...opts, steps: 2, replicates: 1 });
    const { summary } = runScenario(points[3].scenario);
    const m = runMetrics(summary);
    expect(Object.keys(m).sort()).toEqual([...METRIC_KEYS].sort());
    for (const e of ELEMENTS) expect(m[`strength.${e}`]).toBe(summary.final.strength[e]);
    expect(m.mode).toBe(summary.pathway.mode);
    expect(m.order).toEqual(summary.pathway.order);
    expect(m.allInvolvedTick).toBe(summary.pathway.allInvolvedTick);
    expect(m.projectsCompleted).toBe(summary.outcomes.projects.completed);
    expect(m['coverage.volunteers']).toBe(summary.outcomes.coverage.volunteers);
  });
});

describe('landscapeSvg', () => {
  it('draws one cell per grid point, coloured by the dominant mode, with a legend', async () => {
    const { parseHTML } = await import('linkedom');
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const results = [fake('charity-led', 12), undefined, fake('volunteer-led', null)];
    const points = landscapePoints(smallScenario(), { ...opts, steps: 2, replicates: 1 });
    const svg = landscapeSvg(aggregateLandscape(points, results), { x: opts.x, y: opts.y }, document);
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg.match(/class="cell"/g)).toHaveLength(4);
    expect(svg).toContain('fill="#D55E00"'); // charity-led
    expect(svg).toContain('fill="#eeeeee"'); // a cell with no runs yet
    for (const m of MODES) expect(svg).toContain(`>${m}</text>`);
    expect(svg).toContain('>initial.volunteers</text>');
  });
});
