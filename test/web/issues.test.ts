import { describe, expect, it } from 'vitest';
import { checkScenario, issuePath, localiseIssue, readScenarioText } from '../../web/issues.ts';
import { presetById } from '../../web/presets.ts';

const base = () => presetById('baseline')! as unknown as Record<string, unknown>;

/** Scenarios with one problem each, covering every kind of message the core gives. */
const BROKEN: Array<[string, Record<string, unknown>]> = [
  [
    'missing seed',
    (() => {
      const f = base();
      delete f.seed;
      return f;
    })(),
  ],
  [
    'missing id',
    (() => {
      const f = base();
      delete f.id;
      return f;
    })(),
  ],
  ['id as a number', { ...base(), id: 7 }],
  ['id with spaces', { ...base(), id: 'my community' }],
  ['ticks out of range', { ...base(), ticks: 0 }],
  ['residents not whole', { ...base(), residents: 1000.5 }],
  ['seed as text', { ...base(), seed: 'one' }],
  ['strength above 1', { ...base(), initial: { ...(base().initial as object), community: 7 } }],
  ['unknown strategy', { ...base(), strategy: 'fastest' }],
  ['unknown key', { ...base(), residnets: 5 }],
  ['intervention after the end', { ...base(), interventions: [{ type: 'funding-end', tick: 500 }] }],
  ['unknown intervention', { ...base(), interventions: [{ type: 'party', tick: 1 }] }],
];

describe('validation messages in the web app', () => {
  for (const [what, file] of BROKEN)
    it(`are in Chinese in the Chinese interface: ${what}`, () => {
      const en = checkScenario(file, 'en');
      const zh = checkScenario(file, 'zh');
      expect(en.ok).toBe(false);
      expect(zh.ok).toBe(false);
      if (en.ok || zh.ok) return;
      expect(zh.errors).toHaveLength(en.errors.length);
      zh.errors.forEach((line, k) => {
        // the same field, named as in the file, and the message in Chinese
        expect(issuePath(en.errors[k])).not.toBe('');
        expect(line.startsWith(issuePath(en.errors[k]).replace('(scenario)', '（情景）'))).toBe(true);
        expect(line, en.errors[k]).toMatch(/[\u4e00-\u9fff]/);
        expect(line, en.errors[k]).not.toMatch(/\b(must|required|unknown|between|invalid)\b/);
      });
    });

  it('reads a file with a JSON syntax error with its line and column, in both languages', () => {
    const en = readScenarioText('{ "id": "x",\n  "seed": }', 'bad.json', 'en');
    const zh = readScenarioText('{ "id": "x",\n  "seed": }', 'bad.json', 'zh');
    expect(en.ok || zh.ok).toBe(false);
    if (en.ok || zh.ok) return;
    expect(en.errors[0]).toMatch(/^bad\.json:2:\d+: invalid JSON/);
    expect(zh.errors[0]).toMatch(/^bad\.json:2:\d+：JSON 格式错误/);
  });

  it('leaves English as it is and an unknown wording untouched', () => {
    expect(localiseIssue('seed: is required', 'en')).toBe('seed: is required');
    expect(localiseIssue('seed: is required', 'zh')).toBe('seed：必须填写');
    expect(localiseIssue('something new', 'zh')).toBe('something new');
  });
});
