import { describe, expect, it } from 'vitest';
import { LANGS, langOfLocale, MESSAGES, type MessageId, message } from '../../src/model/messages.ts';
import { applySet, parseJson, parseScenario } from '../../src/model/parse.ts';
import { validateScenario } from '../../src/model/scenario.ts';

/** A distinctive value for every parameter a message can mention. */
const PARAM_VALUES = {
  min: 31,
  max: 97,
  unit: 'UNIT',
  list: 'LIST',
  week: 123,
  ticks: 456,
  hint: 'HINT',
  reason: 'REASON',
  char: 'CHAR',
  assignment: 'ASSIGNMENT',
  path: 'PATHX',
  example: 'EXAMPLE',
  id: 'IDENT',
  option: 'OPTION',
};
const CJK = /[\u4e00-\u9fff]/;

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

/** A scenario breaking as many rules as one file can. */
function broken(): Record<string, unknown> {
  return {
    id: '-bad id',
    seed: 'one',
    ticks: 0,
    residents: 100.5,
    initial: { community: 2, organizations: 0.3, socialWorkers: 0.4, volunteers: 0.5, volunter: 1 },
    strategy: 'random',
    title: { zh: 1, en: 'x'.repeat(3000) },
    parameters: { volunteers: { lapseHazard: -1 }, zzz: {} },
    interventions: [
      { type: 'hire', tick: 20, socialWorkers: -1 },
      { type: 'earthquake', tick: 1 },
      { type: 'incentive', tick: 1, on: 'yes' },
      { type: 'shock', tick: 1, need: 'fun', size: 2 },
      'not an object',
    ],
    ensemble: {
      communities: 0,
      residents: { min: 500, max: 200 },
      initial: { volunteers: { min: 0.1 } },
    },
  };
}

describe('the message catalogue', () => {
  it.each(Object.keys(MESSAGES) as MessageId[])('%s: English and Chinese, every value filled in', (id) => {
    const texts = LANGS.map((lang) => message(id, lang, PARAM_VALUES));
    for (const t of texts) {
      expect(t.length).toBeGreaterThan(0);
      expect(t).not.toMatch(/undefined|NaN|\$\{/);
    }
    const [en, zh] = texts;
    expect(en).not.toMatch(CJK);
    expect(zh).toMatch(CJK);
    // the same values appear in both languages
    for (const v of Object.values(PARAM_VALUES).map(String)) expect(en.includes(v)).toBe(zh.includes(v));
  });

  it('English is the default language', () => {
    expect(message('between', undefined, { min: 0, max: 1 })).toBe('must be between 0 and 1');
  });

  it('a Chinese locale means Chinese, anything else English', () => {
    expect(langOfLocale('zh_CN.UTF-8')).toBe('zh');
    expect(langOfLocale('zh-Hans')).toBe('zh');
    expect(langOfLocale('en_GB.UTF-8')).toBe('en');
    expect(langOfLocale('C')).toBe('en');
    expect(langOfLocale(undefined)).toBe('en');
  });
});

describe('validateScenario in both languages', () => {
  it('reports the same problems at the same paths, each in the language asked for', () => {
    const en = validateScenario(broken());
    const zh = validateScenario(broken(), { lang: 'zh' });
    if (en.ok || zh.ok) throw new Error('expected the scenario to be invalid');
    expect(en.issues!.length).toBeGreaterThan(15);
    expect(zh.issues!.map((i) => i.path)).toEqual(en.issues!.map((i) => i.path));
    for (const i of en.issues!) expect(i.message, i.path).not.toMatch(CJK);
    for (const i of zh.issues!) expect(i.message, i.path).toMatch(CJK);
    expect(zh.errors).toEqual(zh.issues!.map((i) => `${i.path}：${i.message}`));
  });

  it('keeps the English wording and translates it', () => {
    const file = { ...base(), initial: { ...(base().initial as object), volunteers: 1.5 } };
    const en = validateScenario(file);
    const zh = validateScenario(file, { lang: 'zh' });
    expect(en.ok ? [] : en.errors).toEqual(['initial.volunteers: must be between 0 and 1']);
    expect(zh.ok ? [] : zh.errors).toEqual(['initial.volunteers：必须在 0 到 1 之间']);
    const { seed: _s, ...noSeed } = base();
    const v = validateScenario(noSeed, { lang: 'zh' });
    expect(v.ok ? [] : v.errors).toEqual(['seed：必须填写']);
  });

  it('a problem with the whole scenario', () => {
    const v = validateScenario([], { lang: 'zh' });
    expect(v.ok ? [] : v.errors).toEqual(['（情景）：必须是对象（{ … }）']);
    const e = validateScenario(7);
    expect(e.ok ? [] : e.errors).toEqual(['(scenario): must be an object ({ … })']);
  });

  it('parseScenario passes the language on, for syntax errors too', () => {
    const zh = parseScenario('{"id": }', 'f.json', { lang: 'zh' });
    expect(zh.ok ? [] : zh.errors).toEqual(['f.json:1:8：JSON 格式错误：意外的字符 "}"']);
    const end = parseJson('{"id": ', 'f.json', { lang: 'zh' });
    expect(end.ok ? '' : end.error).toMatch(/^f\.json:1:8：JSON 格式错误：文本意外结束$/);
    const en = parseScenario('{"id": }', 'f.json');
    expect(en.ok ? [] : en.errors[0]).toMatch(/^f\.json:1:8: invalid JSON: /);
    const invalid = parseScenario(JSON.stringify({ ...base(), ticks: 0 }), 'f.json', { lang: 'zh' });
    expect(invalid.ok ? [] : invalid.errors).toEqual(['ticks：必须在 1 到 5200 之间']);
  });
});

describe('--set with a JSON object', () => {
  it('merges the object into the object at that path', () => {
    const file = base();
    expect(applySet(file, 'initial={"volunteers":0.9}')).toBeUndefined();
    expect(file.initial).toEqual({
      community: 0.2,
      organizations: 0.3,
      socialWorkers: 0.4,
      volunteers: 0.9,
      charity: 0.6,
    });
    expect(applySet(file, 'parameters.volunteers={"lapseHazard":0.1}')).toBeUndefined();
    expect(applySet(file, 'parameters={"network":{"degree":6}}')).toBeUndefined();
    expect(file.parameters).toEqual({ volunteers: { lapseHazard: 0.1 }, network: { degree: 6 } });
    // null removes a key (RFC 7386)
    expect(applySet(file, 'parameters={"volunteers":null}')).toBeUndefined();
    expect(file.parameters).toEqual({ network: { degree: 6 } });
    expect(validateScenario(file).ok).toBe(true);
  });

  it('unknown keys in the object are validation errors at their path', () => {
    const file = base();
    applySet(file, 'initial={"volunter":0.9}');
    const v = validateScenario(file);
    expect(v.ok ? [] : v.errors).toEqual(['initial.volunter: unknown key (did you mean "volunteers"?)']);
  });

  it('an object path needs an object', () => {
    expect(applySet(base(), 'initial=0.5')).toBe(
      `--set initial: expects a JSON object, e.g. initial='{"community": …}'`,
    );
    expect(applySet(base(), 'initial=0.5', { lang: 'zh' })).toMatch(/^--set initial：需要一个 JSON 对象/);
  });

  it('messages in Chinese', () => {
    expect(applySet(base(), 'residnts=5', { lang: 'zh' })).toBe(
      '--set residnts：未知的路径（是不是 "residents"？）；字段见 `wushe schema`',
    );
    expect(applySet(base(), 'nothing', { lang: 'zh' })).toMatch(/^--set nothing：应写成 路径=值/);
  });
});

describe('no English leaks into Chinese messages', () => {
  it('whatever is wrong with a scenario, every Chinese message is in Chinese', async () => {
    const { default: fc } = await import('fast-check');
    const { SETTABLE_PATHS } = await import('../../src/model/parse.ts');
    const value = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -10, max: 1e7 }),
      fc.string({ maxLength: 5 }),
      fc.array(fc.integer(), { maxLength: 2 }),
      fc.dictionary(fc.constantFrom('min', 'max', 'zh', 'en', 'type', 'tick', 'x'), fc.integer(), {
        maxKeys: 3,
      }),
      fc.constant([
        { type: 'shock', tick: 1, need: 'all', size: 2, extra: 1 },
        { type: 'grant', tick: 'a' },
      ]),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...SETTABLE_PATHS), value), { minLength: 1, maxLength: 4 }),
        (sets) => {
          const file = base();
          for (const [path, v] of sets) applySet(file, `${path}=${JSON.stringify(v)}`);
          const zh = validateScenario(file, { lang: 'zh' });
          const en = validateScenario(file);
          expect(zh.ok).toBe(en.ok);
          if (zh.ok || en.ok) return;
          expect(zh.issues!.map((i) => i.path)).toEqual(en.issues!.map((i) => i.path));
          for (const i of zh.issues!) {
            expect(i.message, `${i.path}: ${i.message}`).toMatch(CJK);
            expect(i.message).not.toMatch(/Invalid|expected|Too (big|small)|must|required/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
