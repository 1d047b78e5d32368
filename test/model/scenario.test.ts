import { describe, expect, it } from 'vitest';
import { INTERVENTION_TYPES } from '../../src/model/interventions.ts';
import { ALL_NUMBERS, defaultParameters, PARAMETERS } from '../../src/model/parameters.ts';
import { applySet, parseScenario, SETTABLE_PATHS } from '../../src/model/parse.ts';
import { closest, validateScenario } from '../../src/model/scenario.ts';

function base(): Record<string, unknown> {
  return {
    id: 'test-1',
    seed: 1,
    ticks: 10,
    residents: 200,
    initial: { community: 0.2, organizations: 0.3, socialWorkers: 0.4, volunteers: 0.5, charity: 0.6 },
    strategy: 'balanced',
  };
}

/** The validation errors of `file` (fails the test if it is valid). */
function errors(file: unknown): string[] {
  const v = validateScenario(file);
  if (v.ok) throw new Error('expected the scenario to be invalid');
  return v.errors;
}

function set(file: Record<string, unknown>, ...assignments: string[]): Record<string, unknown> {
  for (const a of assignments) {
    const problem = applySet(file, a);
    if (problem) throw new Error(problem);
  }
  return file;
}

describe('validateScenario: errors name their path', () => {
  it('out of range', () => {
    expect(errors(set(base(), 'initial.volunteers=1.5'))).toEqual([
      'initial.volunteers: must be between 0 and 1',
    ]);
    expect(errors(set(base(), 'residents=50'))).toEqual(['residents: must be between 100 and 4000000']);
    expect(errors(set(base(), 'ticks=0'))).toEqual(['ticks: must be between 1 and 5200']);
    expect(errors(set(base(), 'parameters.volunteers.lapseHazard=-0.1'))).toEqual([
      'parameters.volunteers.lapseHazard: must be between 0 and 1',
    ]);
    expect(errors(set(base(), 'seed=-1'))).toEqual(['seed: must be between 0 and 4294967295']);
  });

  it.each(ALL_NUMBERS.map((s) => [s.path, s] as const))(
    '%s: its bounds are valid, beyond them is not',
    (path, spec) => {
      expect(validateScenario(set(base(), `${path}=${spec.min}`)).ok).toBe(true);
      expect(validateScenario(set(base(), `${path}=${spec.max}`)).ok).toBe(true);
      const range = `${path}: must be between ${spec.min} and ${spec.max}`;
      const below = spec.integer ? spec.min - 1 : spec.min - Math.max(1e-6, (spec.max - spec.min) / 1000);
      const above = spec.integer ? spec.max + 1 : spec.max + Math.max(1e-6, (spec.max - spec.min) / 1000);
      expect(errors(set(base(), `${path}=${below}`))).toEqual([range]);
      expect(errors(set(base(), `${path}=${above}`))).toEqual([range]);
      expect(errors(set(base(), `${path}="0.5"`))).toEqual([`${path}: must be a number (${spec.unit})`]);
      if (spec.integer) {
        const frac = Math.min(spec.max - 0.5, spec.min + 0.5);
        expect(errors(set(base(), `${path}=${frac}`))).toEqual([`${path}: must be a whole number`]);
      }
    },
  );

  it('non-integers where a whole number is needed', () => {
    expect(errors(set(base(), 'ticks=10.5'))).toEqual(['ticks: must be a whole number']);
    expect(errors(set(base(), 'parameters.network.degree=7.5'))).toEqual([
      'parameters.network.degree: must be a whole number',
    ]);
    expect(errors(set(base(), 'residents=1000.25'))).toEqual(['residents: must be a whole number']);
  });

  it('unknown keys at every level, with a did-you-mean hint for a near miss', () => {
    expect(errors({ ...base(), residnts: 5 })).toEqual(['residnts: unknown key (did you mean "residents"?)']);
    const initial = { ...(base().initial as object), volunter: 0.1 };
    expect(errors({ ...base(), initial })).toEqual([
      'initial.volunter: unknown key (did you mean "volunteers"?)',
    ]);
    expect(errors({ ...base(), parameters: { volunter: {} } })).toEqual([
      'parameters.volunter: unknown key (did you mean "volunteers"?)',
    ]);
    expect(errors({ ...base(), parameters: { volunteers: { lapsHazard: 0.1 } } })).toEqual([
      'parameters.volunteers.lapsHazard: unknown key (did you mean "lapseHazard"?)',
    ]);
    expect(errors({ ...base(), title: { zh: 'a', en: 'b', fr: 'c' } })).toEqual([
      expect.stringMatching(/^title\.fr: unknown key/),
    ]);
    // no hint when nothing is close
    expect(errors({ ...base(), zzzzzzzz: 1 })).toEqual(['zzzzzzzz: unknown key']);
    // every unknown key is reported, each on its own line
    expect(
      errors({ ...base(), strategyy: 'balanced', sed: 2 })
        .join('\n')
        .split('\n'),
    ).toEqual([
      'strategyy: unknown key (did you mean "strategy"?)',
      'sed: unknown key (did you mean "seed"?)',
    ]);
  });

  it('unknown keys inside an intervention are reported at their path', () => {
    const errs = errors({
      ...base(),
      interventions: [{ type: 'hire', tick: 1, socialWorkers: 1, wekes: 2 }],
    });
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^interventions\[0\]\.wekes: unknown key/);
  });

  it('an unknown intervention type', () => {
    expect(errors({ ...base(), interventions: [{ type: 'earthquake', tick: 1 }] })).toEqual([
      'interventions[0].type: unknown intervention type',
    ]);
    const ok = { type: 'incentive', tick: 1, on: true };
    expect(errors({ ...base(), interventions: [ok, ok, { tick: 2 }] })).toEqual([
      'interventions[2].type: unknown intervention type',
    ]);
  });

  it('an intervention at or after the last week', () => {
    expect(errors({ ...base(), interventions: [{ type: 'hire', tick: 10, socialWorkers: 1 }] })).toEqual([
      'interventions[0].tick: week 10 is not before the end of the run (ticks = 10)',
    ]);
    const many = [
      { type: 'funding-end', tick: 9 },
      { type: 'funding-end', tick: 12 },
      { type: 'incentive', tick: 0, on: false },
      { type: 'funding-end', tick: 10 },
    ];
    expect(errors({ ...base(), interventions: many })).toEqual([
      'interventions[1].tick: week 12 is not before the end of the run (ticks = 10)',
      'interventions[3].tick: week 10 is not before the end of the run (ticks = 10)',
    ]);
    expect(validateScenario({ ...base(), interventions: many.slice(0, 1) }).ok).toBe(true);
  });

  it('missing fields', () => {
    const { seed: _s, ...noSeed } = base();
    expect(errors(noSeed)).toEqual(['seed: is required']);
    const { id: _i, ...noId } = base();
    expect(errors(noId)).toEqual(['id: is required (a short name such as "my-community")']);
    const { strategy: _t, ...noStrategy } = base();
    expect(errors(noStrategy)).toEqual(['strategy: must be one of strengths-first, weakest-first, balanced']);
    const { volunteers: _v, ...initial } = base().initial as Record<string, number>;
    expect(errors({ ...base(), initial })).toEqual(['initial.volunteers: is required']);
    const { initial: _n, ...noInitial } = base();
    expect(errors(noInitial)).toHaveLength(1);
    expect(errors(noInitial)[0]).toMatch(/^initial: /);
    // all at once, each on its own line
    const all = errors({});
    for (const path of ['id', 'seed', 'ticks', 'residents', 'initial', 'strategy']) {
      expect(all.some((e) => e.startsWith(`${path}: `))).toBe(true);
    }
    const grant = errors({ ...base(), interventions: [{ type: 'grant', tick: 1 }] });
    expect(grant).toHaveLength(1);
    expect(grant[0]).toMatch(/^interventions\[0\]\.amount: /);
  });

  it('other bad values', () => {
    expect(errors(set(base(), 'strategy=fastest'))).toEqual([
      'strategy: must be one of strengths-first, weakest-first, balanced',
    ]);
    expect(errors(set(base(), 'id="has space"'))).toEqual([
      'id: must be letters, digits, "-", "_" or "." (at most 80)',
    ]);
    expect(errors(set(base(), `id=${'x'.repeat(81)}`))).toHaveLength(1);
    expect(validateScenario(set(base(), `id=${'x'.repeat(80)}`)).ok).toBe(true);
    expect(errors(42)).toEqual([expect.stringMatching(/^\(scenario\): /)]);
    expect(errors(null)).toEqual([expect.stringMatching(/^\(scenario\): /)]);
    expect(errors([])).toEqual([expect.stringMatching(/^\(scenario\): /)]);
    const shock = errors({
      ...base(),
      interventions: [{ type: 'shock', tick: 1, need: 'hunger', size: 0.1 }],
    });
    expect(shock).toEqual([expect.stringMatching(/^interventions\[0\]\.need: /)]);
    const size = errors({ ...base(), interventions: [{ type: 'shock', tick: 1, need: 'all', size: 2 }] });
    expect(size).toEqual([expect.stringMatching(/^interventions\[0\]\.size: /)]);
  });
});

describe('validateScenario: a valid scenario', () => {
  it('has every parameter filled with its default', () => {
    const v = validateScenario(base());
    if (!v.ok) throw new Error(v.errors.join());
    expect(v.scenario.parameters).toEqual(defaultParameters());
    expect(v.scenario.interventions).toEqual([]);
    for (const spec of PARAMETERS) {
      expect(
        (v.scenario.parameters as unknown as Record<string, Record<string, number>>)[spec.group][spec.key],
      ).toBe(spec.default);
    }
  });

  it('keeps the other defaults of a group when one parameter is set, and does not leak between scenarios', () => {
    const v = validateScenario(set(base(), 'parameters.volunteers.lapseHazard=0.5'));
    if (!v.ok) throw new Error(v.errors.join());
    expect(v.scenario.parameters.volunteers.lapseHazard).toBe(0.5);
    expect(v.scenario.parameters.volunteers.peerRate).toBe(defaultParameters().volunteers.peerRate);
    v.scenario.parameters.network.degree = 30;
    const w = validateScenario(base());
    if (!w.ok) throw new Error(w.errors.join());
    expect(w.scenario.parameters.volunteers.lapseHazard).toBe(defaultParameters().volunteers.lapseHazard);
    expect(w.scenario.parameters.network.degree).toBe(defaultParameters().network.degree);
  });

  it('fills intervention defaults and sorts interventions by week, keeping the order within a week', () => {
    const v = validateScenario({
      ...base(),
      interventions: [
        { type: 'grant', tick: 5, amount: 100 },
        { type: 'incentive', tick: 2, on: true },
        { type: 'shock', tick: 2, need: 'all', size: 0.1 },
        { type: 'incentive', tick: 0, on: false },
      ],
    });
    if (!v.ok) throw new Error(v.errors.join());
    expect(v.scenario.interventions).toEqual([
      { type: 'incentive', tick: 0, on: false },
      { type: 'incentive', tick: 2, on: true },
      { type: 'shock', tick: 2, need: 'all', size: 0.1, share: 1, targets: false },
      { type: 'grant', tick: 5, amount: 100, weeks: 1 },
    ]);
  });

  it('accepts every intervention type and a $schema reference', () => {
    const interventions = [
      { type: 'shock', tick: 0, need: 'psychological', size: 0.5, share: 0.3 },
      { type: 'grant', tick: 1, amount: 1000, weeks: 4 },
      { type: 'hire', tick: 2, socialWorkers: 1.5 },
      { type: 'withdraw', tick: 3, socialWorkers: 1 },
      { type: 'incentive', tick: 4, on: true },
      { type: 'funding-end', tick: 5 },
    ];
    expect(interventions.map((i) => i.type)).toEqual([...INTERVENTION_TYPES]);
    const v = validateScenario({ ...base(), $schema: './schema.json', interventions });
    expect(v.ok).toBe(true);
  });

  it('does not change the object it validates', () => {
    const file = { ...base(), interventions: [{ type: 'grant', tick: 5, amount: 100 }] };
    const copy = JSON.parse(JSON.stringify(file));
    validateScenario(file);
    expect(file).toEqual(copy);
  });
});

describe('applySet', () => {
  it('sets numbers by dotted path, creating the groups on the way', () => {
    const f = base();
    expect(applySet(f, 'initial.volunteers=0.9')).toBeUndefined();
    expect(applySet(f, 'parameters.volunteers.lapseHazard=0.1')).toBeUndefined();
    expect(applySet(f, 'parameters.network.degree = 12')).toBeUndefined();
    expect(f.initial).toMatchObject({ volunteers: 0.9, community: 0.2 });
    expect(f.parameters).toEqual({ volunteers: { lapseHazard: 0.1 }, network: { degree: 12 } });
  });

  it('reads a bare word as a string and JSON as JSON', () => {
    const f = base();
    set(
      f,
      'strategy=weakest-first',
      'title.zh=标题',
      'title.en=A title',
      'interventions=[{"type":"incentive","tick":1,"on":true}]',
    );
    expect(f.strategy).toBe('weakest-first');
    expect(f.title).toEqual({ zh: '标题', en: 'A title' });
    expect(f.interventions).toEqual([{ type: 'incentive', tick: 1, on: true }]);
    expect(validateScenario(f).ok).toBe(true);
    // a value that is not a number stays what it is, and validation names the path
    set(f, 'seed=abc');
    expect(errors(f)).toEqual(['seed: must be a number (integer)']);
  });

  it('replaces a non-object on the way', () => {
    const f = { ...base(), parameters: 3 };
    set(f, 'parameters.charity.grantSize=500');
    expect(f.parameters).toEqual({ charity: { grantSize: 500 } });
  });

  it('rejects unknown paths with a hint, and malformed assignments', () => {
    const f = base();
    expect(applySet(f, 'initial.volunter=0.9')).toBe(
      '--set initial.volunter: unknown path (did you mean "initial.volunteers"?); see `wushe schema` for the fields',
    );
    expect(applySet(f, 'parameters.foo.bar=1')).toBe(
      '--set parameters.foo.bar: unknown path; see `wushe schema` for the fields',
    );
    expect(applySet(f, 'noequals')).toMatch(/^--set noequals: expected path=value/);
    expect(applySet(f, '=3')).toMatch(/expected path=value/);
    expect(f).toEqual(base());
  });

  it('accepts every numeric path of the parameter table', () => {
    for (const spec of ALL_NUMBERS) expect(SETTABLE_PATHS).toContain(spec.path);
    for (const spec of PARAMETERS) expect(spec.path).toBe(`parameters.${spec.group}.${spec.key}`);
  });
});

describe('parseScenario and closest', () => {
  it('reports a JSON syntax error with its line and column', () => {
    const r = parseScenario('{\n  "id": 1,,\n}', 'f.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^f\.json:2:\d+: invalid JSON/);
    const end = parseScenario('{"id": ');
    if (!end.ok) expect(end.errors[0]).toMatch(/^scenario:1:\d+: invalid JSON/);
  });

  it('parses and validates in one step', () => {
    const r = parseScenario(JSON.stringify(base()));
    expect(r.ok).toBe(true);
    const bad = parseScenario(JSON.stringify({ ...base(), ticks: 0 }));
    expect(bad.ok ? [] : bad.errors).toEqual(['ticks: must be between 1 and 5200']);
  });

  it('closest finds typos but not unrelated words', () => {
    expect(closest('volunter', ['volunteers', 'organizations'])).toBe('volunteers');
    expect(closest('Residents', ['residents'])).toBe('residents');
    expect(closest('xyz', ['volunteers', 'organizations'])).toBeUndefined();
  });
});
