/**
 * The `run` command's wiring, in-process, with a stand-in engine: overrides reach the engine, the
 * output formats are right. test/cli/run.test.ts runs the real engine through `dist/cli.js`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunOutput } from '../../src/analysis/summary.ts';
import type { RunSummary } from '../../src/engine/result.ts';
import { ELEMENTS } from '../../src/model/elements.ts';
import type { Scenario } from '../../src/model/scenario.ts';
import { validateScenario } from '../../src/model/scenario.ts';
import { minimalScenario, tempDir, writeScenario } from './helpers.ts';

const engine = vi.hoisted(() => ({ runScenario: vi.fn() }));
vi.mock('../../src/analysis/summary.ts', () => engine);
// Test files share their worker's loaded modules (vitest.config: isolate false), so the command line
// may already be loaded with the real engine: load it afresh to get the stand-in, and after this
// file drop the stand-in and the modules that saw it, so the next files load the real ones.
vi.resetModules();
afterAll(() => {
  vi.doUnmock('../../src/analysis/summary.ts');
  vi.resetModules();
});

const { main } = await import('../../src/cli/main.ts');
const { formatSummary } = await import('../../src/cli/output.ts');
const { csvField } = await import('../../src/batch/csv.ts');

function fakeRun(s: Scenario): RunOutput {
  const per = (v: number) =>
    Object.fromEntries(ELEMENTS.map((e, i) => [e, v + i / 10])) as Record<string, number>;
  const weeks = Array.from({ length: s.ticks + 1 }, (_, t) => t);
  const summary: RunSummary = {
    scenario: s.id,
    seed: s.seed,
    ticks: s.ticks,
    residents: s.residents,
    strategy: s.strategy,
    pathway: {
      firstMover: 'organizations',
      order: ['organizations', 'volunteers', 'charity'],
      mode: 'organization-led',
      rollIn: { community: 0, socialWorkers: 0, organizations: 3, volunteers: 7, charity: null },
      allInvolvedTick: null,
      reason: { en: 'organisations rolled in first and carried the others', zh: '社会组织率先' },
    },
    initial: { strength: per(0.1) as RunSummary['initial']['strength'] },
    final: { strength: per(0.3) as RunSummary['final']['strength'], counts: { volunteers: 12 } },
    series: { 'strength.community': weeks.map((t) => t / 100), 'count.volunteers': weeks.map((t) => t * 2) },
    flows: [
      { from: 'socialWorkers', to: 'organizations', mechanism: 'incubation', count: 4, strength: 0.2 },
      { from: 'organizations', to: 'volunteers', mechanism: 'recruit, "core"', count: 9, strength: 0.1 },
    ],
    outcomes: {
      coverage: per(0.05) as RunSummary['outcomes']['coverage'],
      servedAny: 0.4,
      meanNeed: { psychological: 0.3, material: 0.4, social: 0.2 },
      improved: { psychological: 0.5, material: 0.2, social: 0.6 },
      meanBelonging: 0.55,
      meanTrust: 0.45,
      projects: { started: 3, completed: 2, failed: 1 },
      serviceContacts: per(10) as RunSummary['outcomes']['serviceContacts'],
    },
  };
  const events = [
    {
      tick: 3,
      mechanism: 'incubation',
      source: 'socialWorkers' as const,
      target: 'organizations' as const,
      value: 0.01,
      amount: 0,
      actor: -1,
      subject: 2,
      subjectKind: 'organization' as const,
      project: false,
    },
    {
      tick: 7,
      mechanism: 'recruit',
      source: 'organizations' as const,
      target: 'volunteers' as const,
      value: 0.02,
      amount: 2500,
      actor: 17,
      subject: 42,
      subjectKind: 'resident' as const,
      project: true,
    },
  ];
  return { summary, events, eventsDropped: 0 };
}

const dir = tempDir();
const file = writeScenario(dir, 'wiring.json', minimalScenario());
let stdout = '';
let stderr = '';

beforeEach(() => {
  stdout = '';
  stderr = '';
  engine.runScenario.mockReset();
  engine.runScenario.mockImplementation((s: Scenario) => fakeRun(s));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('wushe run (stand-in engine)', () => {
  it('--json prints exactly the summary as one JSON document', async () => {
    expect(await main(['run', file, '--json'])).toBe(0);
    expect(stdout.endsWith('}\n')).toBe(true);
    expect(stdout.split('\n')).toHaveLength(2);
    const scenario = engine.runScenario.mock.calls[0][0] as Scenario;
    expect(stdout).toBe(`${JSON.stringify(fakeRun(scenario).summary)}\n`);
    expect(stderr).toBe('');
  });

  it('overrides reach the engine: --set, then --seed and --ticks', async () => {
    const code = await main([
      'run',
      file,
      '--set',
      'initial.volunteers=0.9',
      '--set',
      'strategy=balanced',
      '--set',
      'seed=5',
      '--seed',
      '77',
      '--ticks',
      '12',
      '--set',
      'parameters.network.degree=6',
      '--json',
    ]);
    expect(code, stderr).toBe(0);
    const [scenario, options] = engine.runScenario.mock.calls[0] as [Scenario, { events?: boolean }];
    expect(scenario.initial.volunteers).toBe(0.9);
    expect(scenario.strategy).toBe('balanced');
    expect(scenario.seed).toBe(77);
    expect(scenario.ticks).toBe(12);
    expect(scenario.parameters.network.degree).toBe(6);
    expect(options.events).toBeFalsy();
  });

  it('prints a readable summary without --json', async () => {
    expect(await main(['run', file])).toBe(0);
    for (const s of [
      'cli-test',
      'seed 1',
      '20 weeks',
      'strengths-first',
      'organization-led',
      'Pathway',
      'Outcomes',
    ]) {
      expect(stdout).toContain(s);
    }
    for (const e of ELEMENTS) expect(stdout).toContain(e);
    expect(stdout).toContain('organizations → volunteers → charity');
    expect(stdout).toContain('incubation');
  });

  it('--out writes the five data files', async () => {
    const out = join(dir, 'out', 'nested');
    expect(await main(['run', file, '--out', out, '--seed', '3'])).toBe(0);
    const [, options] = engine.runScenario.mock.calls[0] as [Scenario, { events?: boolean }];
    expect(options.events).toBe(true);
    for (const f of ['summary.json', 'series.csv', 'flows.csv', 'events.jsonl', 'scenario.json']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.seed).toBe(3);

    const series = readFileSync(join(out, 'series.csv'), 'utf8').trimEnd().split('\n');
    expect(series[0]).toBe('tick,strength.community,count.volunteers');
    expect(series).toHaveLength(21 + 1);
    expect(series[21]).toBe('20,0.2,40');

    const flows = readFileSync(join(out, 'flows.csv'), 'utf8').trimEnd().split('\n');
    expect(flows[0]).toBe('from,to,mechanism,count,strength');
    expect(flows[2]).toBe(`organizations,volunteers,${csvField('recruit, "core"')},9,0.1`);

    const events = readFileSync(join(out, 'events.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events).toHaveLength(2);
    expect(Object.keys(events[0])).toEqual([
      'tick',
      'mechanism',
      'source',
      'target',
      'value',
      'amount',
      'actor',
      'subject',
      'subjectKind',
      'project',
    ]);
    expect(events[1].amount).toBe(2500);

    const scenario = JSON.parse(readFileSync(join(out, 'scenario.json'), 'utf8'));
    expect(scenario.seed).toBe(3);
    const check = validateScenario(scenario);
    expect(check.ok, JSON.stringify(check)).toBe(true);
    expect(stderr).toContain('wrote');
  });

  it('series.csv: a `tick` series is the first column, not a second one', async () => {
    engine.runScenario.mockImplementation((s: Scenario) => {
      const run = fakeRun(s);
      run.summary.series = { tick: [0, 1, 2], a: [0.5, 0.25, 0] };
      return run;
    });
    const out = join(dir, 'out-tick');
    expect(await main(['run', file, '--out', out])).toBe(0);
    expect(readFileSync(join(out, 'series.csv'), 'utf8')).toBe('tick,a\n0,0.5\n1,0.25\n2,0\n');
  });

  it('--quiet: nothing on stderr', async () => {
    expect(await main(['run', file, '--out', join(dir, 'quiet'), '--quiet'])).toBe(0);
    expect(stderr).toBe('');
  });

  it('an engine failure is unexpected: exit 1, one line, no stack', async () => {
    engine.runScenario.mockImplementation(() => {
      throw new Error('boom\nsecond line');
    });
    expect(await main(['run', file])).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('unexpected error: boom');
    expect(stderr).not.toContain('    at ');
  });

  it('bad input never reaches the engine', async () => {
    expect(await main(['run', file, '--set', 'initial.volunteers=2'])).toBe(2);
    expect(engine.runScenario).not.toHaveBeenCalled();
  });
});

describe('formatSummary', () => {
  it('copes with a run in which nothing rolled in', () => {
    const s = fakeRun(validateScenarioOrThrow(minimalScenario())).summary;
    s.pathway = { ...s.pathway, firstMover: null, order: [], mode: 'mixed' };
    s.flows = [];
    const text = formatSummary(s);
    expect(text).toContain('none rolled in');
    expect(text).toContain('mixed');
  });
});

function validateScenarioOrThrow(v: unknown): Scenario {
  const r = validateScenario(v);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}
