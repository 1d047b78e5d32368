/**
 * The sweep-plan message catalogue (src/batch/planMessages.ts): every message in English and
 * Chinese with the same values, and broken plans giving the same problems at the same paths in
 * both languages.
 */
import { describe, expect, it } from 'vitest';
import { loadPlanValue } from '../../src/batch/loadPlan.ts';
import { checkPlanShape, resolvePlan } from '../../src/batch/plan.ts';
import { PLAN_MESSAGES, type PlanMessageId, planMessage } from '../../src/batch/planMessages.ts';
import { LANGS, type Lang } from '../../src/model/messages.ts';
import { validateScenario } from '../../src/model/scenario.ts';
import { smallScenario } from './helpers.ts';

/** A distinctive value for every parameter a plan message can mention. */
const PARAM_VALUES = {
  list: 'LIST',
  min: 31,
  max: 97,
  hint: 'HINT',
  value: 'VALUEX',
  unit: 'UNIT',
  path: 'PATHX',
  design: 'DESIGNX',
  levels: 7,
  points: 'POINTS',
  factors: 'FACTORS',
  values: 'VALUES',
  replicates: 'REPLICATES',
  runs: 'RUNS',
};
const CJK = /[\u4e00-\u9fff]/;

const base = (() => {
  const v = validateScenario(smallScenario());
  if (!v.ok) throw new Error(v.errors.join('\n'));
  return v.scenario;
})();

function problems(plan: Record<string, unknown>, lang: Lang): string[] {
  const shape = checkPlanShape({ scenario: 'x.json', ...plan }, { lang });
  if (!shape.ok) return shape.errors;
  const r = resolvePlan(shape.plan, base, { lang });
  return r.ok ? [] : r.errors;
}

/** The path a problem line names: before `: ` in English, before `：` in Chinese. */
function pathOf(line: string, lang: Lang): string {
  return line.slice(0, line.indexOf(lang === 'zh' ? '：' : ': '));
}

const BROKEN: Record<string, Record<string, unknown>> = {
  'the plan’s own keys': {
    design: 'sobol',
    seed: -1,
    replicate: 2,
    samples: 1.5,
    levels: 1,
    id: '-x',
    description: 'x'.repeat(5000),
    factors: [],
  },
  'missing keys': { scenario: undefined },
  'scenario of the wrong kind': { design: 'grid', seed: 1, factors: {}, scenario: 3 },
  'bad factors (morris)': {
    design: 'morris',
    seed: 1,
    samples: 1,
    levels: 3,
    factors: {
      seed: [1],
      'initial.volunters': [0.1],
      'initial.volunteers': [0.1, 0.1, 2, 'a'],
      'initial.charity': { min: 0.5, max: 0.2 },
      'initial.community': [0.3],
      strategy: { min: 0, max: 1 },
      residents: { min: 'a', mx: 3 },
      'parameters.volunteers.lapseHazard': { max: 5 },
      ticks: 5,
    },
  },
  'design requirements': { design: 'random', seed: 1, factors: {}, levels: 4 },
  'grid with samples': { design: 'grid', seed: 1, samples: 3, factors: { 'initial.charity': [0.1] } },
  'too many runs': {
    design: 'random',
    seed: 1,
    samples: 10_000_000,
    replicates: 2,
    factors: { 'initial.charity': { min: 0, max: 1 } },
  },
};

describe('the plan message catalogue', () => {
  it.each(Object.keys(PLAN_MESSAGES) as PlanMessageId[])(
    '%s: English and Chinese, every value filled in',
    (id) => {
      const texts = LANGS.map((lang) => planMessage(id, lang, PARAM_VALUES));
      for (const t of texts) {
        expect(t.length).toBeGreaterThan(0);
        expect(t).not.toMatch(/undefined|NaN|\$\{/);
      }
      const [en, zh] = texts;
      expect(en).not.toMatch(CJK);
      expect(zh).toMatch(CJK);
      for (const v of Object.values(PARAM_VALUES).map(String)) expect(en.includes(v), v).toBe(zh.includes(v));
    },
  );

  it('English is the default, and a hint is optional', () => {
    expect(planMessage('unknownKey')).toBe('unknown key');
    expect(planMessage('unknownKey', 'en', { hint: 'seed' })).toBe('unknown key (did you mean "seed"?)');
    expect(planMessage('unknownKey', 'zh')).toBe('未知的字段');
  });
});

describe('plan checks in both languages', () => {
  it.each(Object.keys(BROKEN))('%s: the same problems at the same paths', (name) => {
    const en = problems(BROKEN[name]!, 'en');
    const zh = problems(BROKEN[name]!, 'zh');
    expect(en.length).toBeGreaterThan(0);
    expect(zh.length).toBe(en.length);
    for (const line of en) expect(line).not.toMatch(CJK);
    for (const line of zh) expect(line).toMatch(CJK);
    // the size limits name no path
    if (name !== 'too many runs')
      expect(zh.map((l) => pathOf(l, 'zh'))).toEqual(en.map((l) => pathOf(l, 'en')));
    // English stays the default
    const shape = checkPlanShape({ scenario: 'x.json', ...BROKEN[name] });
    const dflt = shape.ok ? resolvePlan(shape.plan, base) : shape;
    expect(dflt.ok ? [] : dflt.errors).toEqual(en);
  });

  it('a plan that is not an object', () => {
    const en = checkPlanShape(3);
    const zh = checkPlanShape([], { lang: 'zh' });
    expect(en.ok ? [] : en.errors).toEqual([
      '(plan): must be an object ({ … }) with the keys scenario, factors, design and seed',
    ]);
    expect(zh.ok ? [] : zh.errors).toEqual([
      '(plan)：必须是对象（{ … }），包含 scenario、factors、design 和 seed 等字段',
    ]);
  });

  it('a factor value the scenario rejects is explained in the language asked for', () => {
    const plan = {
      scenario: { ...smallScenario(), interventions: [{ type: 'hire', tick: 5, socialWorkers: 1 }] },
      design: 'grid',
      seed: 1,
      factors: { ticks: [3, 8] },
    };
    const en = loadPlanValue(plan, { name: 'p.json' });
    const zh = loadPlanValue(plan, { name: 'p.json', lang: 'zh' });
    if (en.ok || zh.ok) throw new Error('expected the plan to be invalid');
    expect(zh.errors.length).toBe(en.errors.length);
    for (const line of zh.errors) expect(line).toMatch(CJK);
  });

  it('loadPlanValue: a scenario given as a plan, and a path without a reader', () => {
    const scenario = loadPlanValue(smallScenario(), { lang: 'zh' });
    expect(scenario.ok ? [] : scenario.errors).toEqual([
      expect.stringMatching(/^plan: 这看起来是一个情景，而不是扫描计划/),
    ]);
    const path = loadPlanValue({ scenario: 'x.json', design: 'grid', seed: 1, factors: {} }, { lang: 'zh' });
    expect(path.ok ? [] : path.errors).toEqual([
      'plan: scenario：x.json：是文件路径，但没有提供读取文件的方法',
    ]);
  });
});
