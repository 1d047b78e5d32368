import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyProgrammeSet, parseProgramme, programmeJsonSchema } from '../../src/model/programme.ts';
import { PROGRAMME_NUMBERS } from '../../src/model/programmeParameters.ts';
import { programme, programmeFile } from './helpers.ts';

describe('programme files', () => {
  it('fills every default from the declared numbers', () => {
    const r = parseProgramme(programmeFile());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.programme.instruments.socialWork.costPerFteYear).toBe(80_000);
    expect(r.programme.allocation.rule).toBe('equal');
    expect(r.programme.district.coordinationOverhead).toBe(0.05);
  });

  it('reports unknown keys with the field path and a did-you-mean hint', () => {
    const r = parseProgramme(programmeFile({ fundingWeek: 3, instruments: { socialWork: { shar: 0.5 } } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContain('fundingWeek: unknown key (did you mean "fundingWeeks"?)');
    expect(r.errors).toContain('instruments.socialWork.shar: unknown key (did you mean "share"?)');
  });

  it('rejects shares above the whole budget, funding beyond the horizon and a table of the wrong length', () => {
    const r = parseProgramme(
      programmeFile({
        fundingWeeks: 30,
        instruments: { socialWork: { share: 0.8 }, projectGrants: { share: 0.5 } },
        allocation: { rule: 'table', table: [1, 2] },
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.join('\n')).toMatch(/^instruments: the instruments' shares add up to 1\.4/m);
    expect(r.errors.join('\n')).toMatch(/^fundingWeeks: 30 weeks of funding do not fit in the horizon/m);
    expect(r.errors).toContain('allocation.table: has 2 weights for 4 communities');
  });

  it('names a missing field, a bad range and a wrong type by path; Chinese messages on request', () => {
    const { budget: _b, ...noBudget } = programmeFile();
    const r = parseProgramme({ ...noBudget, agencies: 0, communities: 'four' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContain('budget: is required');
    expect(r.errors).toContain('agencies: must be between 1 and 10000');
    const zh = parseProgramme({ ...noBudget, agencies: 0, bugdet: 1 }, { lang: 'zh' });
    expect(!zh.ok && zh.errors).toContain('budget：为必填项');
    expect(!zh.ok && zh.errors).toContain('agencies：应在 1 与 10000 之间');
    expect(!zh.ok && zh.errors).toContain('bugdet：未知字段 (是否想写 "budget"?)');
  });

  it('needs the template scenario for a count of communities', () => {
    const { scenario: _s, ...rest } = programmeFile();
    const r = parseProgramme(rest);
    expect(!r.ok && r.errors[0]).toMatch(/^scenario: is required when communities is a count/);
  });

  it('--set reaches every declared number and every other field', () => {
    for (const spec of PROGRAMME_NUMBERS) {
      const file = programmeFile();
      const value = spec.integer ? Math.min(spec.max, Math.max(spec.min, 7)) : spec.min;
      expect(applyProgrammeSet(file, `${spec.path}=${value}`)).toBeUndefined();
      if (spec.path === 'weeks') (file as { fundingWeeks: number }).fundingWeeks = 1;
      const r = parseProgramme(file);
      expect(r.ok ? [] : r.errors, spec.path).toEqual([]);
      if (!r.ok) continue;
      const got = spec.path
        .split('.')
        .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], r.programme);
      expect(got, spec.path).toBe(value);
    }
    const file = programmeFile();
    expect(applyProgrammeSet(file, 'allocation.rule=need')).toBeUndefined();
    expect(applyProgrammeSet(file, 'communities=["a.json","b.json"]')).toBeUndefined();
    const r = parseProgramme(file);
    expect(r.ok && r.programme.allocation.rule).toBe('need');
    expect(r.ok && r.programme.communities).toEqual(['a.json', 'b.json']);
    expect(applyProgrammeSet(file, 'instrument.socialWork.share=1')).toMatch(
      /unknown path \(did you mean "instruments.socialWork.share"\?\)/,
    );
  });

  it('the committed programmes/schema.json is up to date (else run `npm run schema`)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../programmes/schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(programmeJsonSchema());
    expect(committed.additionalProperties).toBe(false);
    expect([...committed.required].sort()).toEqual(['budget', 'communities', 'id', 'seed', 'weeks']);
  });

  it('resolves communities from the template: drawn sizes, only the shocks kept, the programme’s horizon', () => {
    const p = programme();
    expect(p.members).toHaveLength(4);
    for (const m of p.members) {
      expect(m.residents).toBeGreaterThanOrEqual(300);
      expect(m.residents).toBeLessThanOrEqual(600);
      expect(m.ticks).toBe(20);
      expect(m.interventions.map((iv) => iv.type)).toEqual(['shock']);
    }
    expect(new Set(p.members.map((m) => m.residents)).size).toBeGreaterThan(1);
  });
});
