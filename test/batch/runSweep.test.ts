import { describe, expect, it } from 'vitest';
import { loadPlanText, loadPlanValue, looksLikeScenario } from '../../src/batch/loadPlan.ts';
import type { PlanFile } from '../../src/batch/plan.ts';
import { recordLine } from '../../src/batch/records.ts';
import { runSweep, type SweepRunner } from '../../src/batch/runSweep.ts';
import { isSweepInfo, parseRunsText, runsText, sweepInfo } from '../../src/batch/sweepFolder.ts';
import { runTask } from '../../src/batch/task.ts';
import { smallScenario } from './helpers.ts';

const scenario = smallScenario({ ticks: 8 });

function morrisPlan(): PlanFile {
  return {
    scenario,
    design: 'morris',
    samples: 2,
    seed: 3,
    factors: { 'initial.volunteers': { min: 0.1, max: 0.9 }, 'initial.charity': { min: 0.1, max: 0.9 } },
  };
}

/** A runner that finishes tasks in reverse order, as a pool of workers may. */
const reversed: SweepRunner = {
  async run(tasks, onOutcome) {
    const all = [...tasks];
    for (const t of all.reverse()) onOutcome(runTask(t));
  },
};

describe('runSweep', () => {
  it('runs a plan in this thread: records sorted by run, summary and Morris screening', async () => {
    const r = await runSweep(morrisPlan());
    expect(r.sweep.runs).toBe(6);
    expect(r.records.map((x) => x.run)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(r.records.every((x) => x.metrics && !x.error)).toBe(true);
    expect(r.summaryCsv?.split('\n')[0]).toMatch(/^point,initial\.volunteers,initial\.charity,/);
    expect(r.sensitivity?.map((s) => s.factor)).toEqual(
      expect.arrayContaining(['initial.volunteers', 'initial.charity']),
    );
    expect(r.sensitivityCsv).toMatch(/^output,factor,n,mu_star,mu,sigma\n/);
  });

  it('does not depend on the runner or the order runs finish in; shards add up to the whole', async () => {
    const a = await runSweep(morrisPlan());
    const seen: number[] = [];
    const b = await runSweep(morrisPlan(), { runner: reversed, onRecord: (x) => seen.push(x.run) });
    expect(seen).toEqual([5, 4, 3, 2, 1, 0]);
    expect(b.records.map(recordLine)).toEqual(a.records.map(recordLine));
    expect(b.summaryCsv).toBe(a.summaryCsv);
    const s0 = await runSweep(morrisPlan(), { shard: { index: 0, count: 2 } });
    const s1 = await runSweep(a.plan, { shard: { index: 1, count: 2 } });
    expect(s0.sensitivity).toBeUndefined();
    expect(runsText([...s0.records, ...s1.records])).toBe(runsText(a.records));
    const rest = await runSweep(a.plan, { skip: new Set([0, 1, 2]), keepRecords: false });
    expect(rest.records).toEqual([]);
  });

  it('an invalid plan throws, naming every problem', async () => {
    await expect(runSweep({ ...morrisPlan(), factors: { 'initial.volunter': [0.1] } })).rejects.toThrow(
      /factors\["initial\.volunter"\]: unknown scenario field \(did you mean "initial\.volunteers"\?\)/,
    );
  });
});

describe('loadPlan', () => {
  it('a scenario given as a plan is named as such', () => {
    expect(looksLikeScenario(scenario)).toBe(true);
    expect(looksLikeScenario(morrisPlan())).toBe(false);
    const r = loadPlanValue(scenario, { name: 'my.json' });
    expect(r.ok ? [] : r.errors).toEqual([
      expect.stringMatching(/^my\.json: this looks like a scenario, not a sweep plan\. A plan names/),
    ]);
  });

  it('reads a scenario named by path through the reader, and names its problems by that file', () => {
    const plan = { ...morrisPlan(), scenario: 'base.json' };
    const ok = loadPlanValue(plan, {
      readScenario: () => ({ text: JSON.stringify(scenario), name: 'dir/base.json' }),
    });
    expect(ok.ok).toBe(true);
    const bad = loadPlanValue(plan, {
      name: 'plan.json',
      readScenario: () => ({ text: JSON.stringify({ ...scenario, ticks: 0 }), name: 'dir/base.json' }),
    });
    expect(bad.ok ? [] : bad.errors).toEqual(['dir/base.json: ticks: must be between 1 and 5200']);
    const missing = loadPlanValue(plan, {
      name: 'plan.json',
      readScenario: () => {
        throw new Error('no such file base.json');
      },
    });
    expect(missing.ok ? [] : missing.errors).toEqual(['plan.json: scenario: no such file base.json']);
    const syntax = loadPlanText('{"scenario": ', { name: 'plan.json' });
    expect(syntax.ok ? [] : syntax.errors).toEqual([expect.stringMatching(/^plan\.json:1:14: invalid JSON/)]);
  });
});

describe('the sweep folder format', () => {
  it('runs.jsonl: sorted text, torn last line, repeated and bad lines', async () => {
    const { records, sweep } = await runSweep(morrisPlan());
    const text = runsText([...records].reverse());
    expect(parseRunsText(text).records).toEqual(records);
    const torn = `${text}${recordLine(records[0]).slice(0, 20)}`;
    const t = parseRunsText(torn);
    expect(t).toMatchObject({ torn: true, complete: text.length, duplicates: 0 });
    const doubled = parseRunsText(`${text}${recordLine(records[2])}\n`);
    expect(doubled.duplicates).toBe(1);
    expect(parseRunsText(`${text}{"run": "x"}\n`).badLine).toBe(7);
    const info = sweepInfo(sweep, { index: 1, count: 4 });
    expect(info).toEqual({ format: 1, points: 6, runs: 6, shard: { index: 1, count: 4 }, shardRuns: 2 });
    expect(isSweepInfo(info)).toBe(true);
    expect(isSweepInfo({ ...info, format: 2 })).toBe(false);
  });
});
