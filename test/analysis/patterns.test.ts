import { describe, expect, it } from 'vitest';
import {
  battery,
  evaluate,
  type Pattern,
  PRESET_IDS,
  type Presets,
  planRuns,
  runInProcess,
} from '../../src/analysis/patterns/index.ts';
import type { RunSummary } from '../../src/engine/result.ts';
import { presetFile } from '../engine/helpers.ts';

const BATTERY = battery(Object.fromEntries(PRESET_IDS.map((id) => [id, presetFile(id)])) as Presets);

const tiny = { id: 'tiny', ticks: 4, residents: 300, strategy: 'strengths-first' };
const initial = { community: 0.4, organizations: 0.4, socialWorkers: 0.4, volunteers: 0.4, charity: 0.4 };

/** A pattern whose measure is given, over a tiny community. */
function pattern(judge: Pattern['judge'], measure: Pattern['measure'], arms?: Pattern['arms']): Pattern {
  return {
    id: 'test',
    title: { zh: '测试', en: 'test' },
    source: 'test',
    expected: 'test',
    unit: 'test',
    arms: arms ?? { a: { ...tiny, initial } },
    judge,
    measure,
  };
}

function judge(p: Pattern, seeds: number) {
  const plan = planRuns([p], seeds);
  return evaluate([p], plan, runInProcess(plan))[0];
}

describe('judging a pattern', () => {
  it('a share: pooled trials over seeds with a Wilson interval, pass at the threshold', () => {
    let seed = 0;
    // three of four seeds true
    const p = pattern({ kind: 'share', atLeast: 0.75 }, () => [seed++ % 4 !== 0]);
    const r = judge(p, 4);
    expect(r.measured).toBe(0.75);
    expect(r.n).toBe(4);
    expect(r.low).toBeLessThan(0.75);
    expect(r.high).toBeGreaterThan(0.75);
    expect(r.pass).toBe(true);
    seed = 0;
    expect(judge({ ...p, judge: { kind: 'share', atLeast: 0.8 } }, 4).pass).toBe(false);
  });

  it('a mean: within the bounds passes, outside fails; null values are left out', () => {
    const values = [1, 2, 3, null];
    let k = 0;
    const p = pattern({ kind: 'mean', above: 1.5, below: 2.5 }, () => values[k++ % 4]);
    const r = judge(p, 4);
    expect(r.measured).toBe(2);
    expect(r.n).toBe(3);
    expect(r.pass).toBe(true);
    k = 0;
    expect(judge({ ...p, judge: { kind: 'mean', below: 1.9 } }, 4).pass).toBe(false);
    // with wholeInterval the 95% t interval (2 ± 4.30 × 1/√3) must lie inside the bounds
    k = 0;
    expect(judge({ ...p, judge: { kind: 'mean', below: 4, wholeInterval: true } }, 4).pass).toBe(false);
    k = 0;
    const wide = judge({ ...p, judge: { kind: 'mean', above: -1, below: 5, wholeInterval: true } }, 4);
    expect(wide.low).toBeCloseTo(2 - 4.302653 / Math.sqrt(3), 3);
    expect(wide.pass).toBe(true);
  });

  it('arms are paired by seed and identical runs are shared between patterns', () => {
    const seen: number[][] = [];
    const p = pattern(
      { kind: 'share', atLeast: 0 },
      (runs: Record<string, RunSummary>) => {
        seen.push([runs.a.seed, runs.b.seed]);
        return [true];
      },
      { a: { ...tiny, initial }, b: { ...tiny, initial: { ...initial, charity: 0.9 } } },
    );
    const plan = planRuns([p, { ...p, id: 'again' }], 3);
    expect(plan.runs).toHaveLength(6);
    evaluate([p], plan, runInProcess(plan));
    expect(seen).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('an arm that does not validate fails the pattern with the reason, without running', () => {
    const p = pattern({ kind: 'share', atLeast: 0 }, () => [true], {
      a: { ...tiny, initial, residents: -1 },
    });
    const plan = planRuns([p], 2);
    expect(plan.runs).toHaveLength(0);
    const r = evaluate([p], plan, new Map())[0];
    expect(r.pass).toBe(false);
    expect(r.error).toMatch(/arm a: residents/);
  });

  it('a failed run fails its pattern with the message', () => {
    const p = pattern({ kind: 'share', atLeast: 0 }, () => [true]);
    const plan = planRuns([p], 1);
    const r = evaluate([p], plan, new Map([[plan.runs[0].key, new Error('boom')]]))[0];
    expect(r.error).toBe('arm a failed: boom');
  });
});

describe('the battery', () => {
  it('has unique ids, a source, an expectation and arms for every pattern', () => {
    const ids = BATTERY.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of BATTERY) {
      expect(p.source.length, p.id).toBeGreaterThan(5);
      expect(p.expected.length, p.id).toBeGreaterThan(20);
      expect(Object.keys(p.arms).length, p.id).toBeGreaterThan(0);
    }
    for (const id of [
      'practice-organization-led',
      'social-workers-key',
      'strengths-first',
      'funding-cliff',
    ]) {
      expect(ids).toContain(id);
    }
    expect(ids).toContain('knockout-volunteer-network-donor');
    expect(ids).toContain('knockout-all-linkage');
  });

  it('two seeds of every pattern give a measurement inside its interval, or say why not', {
    timeout: 60_000,
  }, () => {
    // smaller communities than the battery declares, to keep the test short
    const plan = planRuns(BATTERY, 2, 0.4);
    const results = evaluate(BATTERY, plan, runInProcess(plan));
    for (const r of results) {
      if (r.error) {
        // the only acceptable reason on a build without knock-outs
        expect(r.error, r.id).toMatch(/knockouts/);
        continue;
      }
      expect(r.measured, r.id).not.toBeNull();
      expect(r.n, r.id).toBeGreaterThan(0);
      if (r.low !== null && r.high !== null) {
        expect(r.low, r.id).toBeLessThanOrEqual(r.measured!);
        expect(r.high, r.id).toBeGreaterThanOrEqual(r.measured!);
      }
    }
    const knockouts = results.filter((r) => r.id.startsWith('knockout-'));
    // knock-out patterns either all ran or all reported the missing field
    expect(new Set(knockouts.map((r) => r.error === undefined)).size).toBe(1);
  });
});
