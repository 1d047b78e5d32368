/**
 * The web Programme view's designs (web/programmeDesign.ts), without a browser: controls derived
 * from the core's declarations, the core's validator in both languages, the browser's smaller
 * run giving every community what it gets in the whole programme, programme files imported (with
 * the scenarios they name, bundled or chosen with them) and saved so they re-import as the same design.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runProgrammeReplicate } from '../../src/analysis/programmeReplicate.ts';
import { parseProgramme } from '../../src/model/programme.ts';
import { ALLOCATION_RULES, PROGRAMME_NUMBERS } from '../../src/model/programmeParameters.ts';
import { en } from '../../web/i18n/en.ts';
import { UNITS_ZH } from '../../web/i18n/units.ts';
import { zh } from '../../web/i18n/zh.ts';
import {
  BASE_PROGRAMME,
  BUNDLED_SCENARIOS,
  browserProgramme,
  browserScale,
  checkDesign,
  DETAIL_SPECS,
  designFile,
  exportFile,
  importProgramme,
  SHIPPED_BASE,
  SLIDER_PATHS,
  VIEW_RULES,
} from '../../web/programmeDesign.ts';

const shipped = readFileSync('programmes/hubei-2020.json', 'utf8');
const text = (value: unknown) => JSON.stringify(value, null, 2);

describe('programme designs in the web app', () => {
  it('offer every declared number but the seed exactly once, and every rule', () => {
    const offered = [...SLIDER_PATHS, ...DETAIL_SPECS.map((s) => s.path)].sort();
    expect(offered).toEqual(
      PROGRAMME_NUMBERS.map((s) => s.path)
        .filter((p) => p !== 'seed')
        .sort(),
    );
    expect(VIEW_RULES).toEqual(ALLOCATION_RULES);
    for (const r of VIEW_RULES) {
      expect(Object.keys(en)).toContain(`pmRule.${r}`);
      expect(Object.keys(zh)).toContain(`pmRule.${r}`);
    }
    for (const s of PROGRAMME_NUMBERS) expect(UNITS_ZH[s.unit], s.unit).toMatch(/[\u4e00-\u9fff]/);
  });

  it('check a design with the core validator, problems by field path, in either language', () => {
    const base = checkDesign({}, 'en');
    const file = parseProgramme(BASE_PROGRAMME);
    expect(base.ok && file.ok && base.spec).toEqual(file.ok && file.programme);
    const share = checkDesign({ 'instruments.socialWork.share': 1.5 }, 'en');
    expect(share.ok).toBe(false);
    expect(!share.ok && share.errors).toContain('instruments.socialWork.share: must be between 0 and 1');
    // the core's own Chinese (parseProgramme(json, { lang })) for its generated messages
    const shareZh = checkDesign({ 'instruments.socialWork.share': 1.5 }, 'zh');
    expect(!shareZh.ok && shareZh.errors).toContain('instruments.socialWork.share：应在 0 与 1 之间');
    const sum = checkDesign({ 'instruments.projectGrants.share': 0.9 }, 'zh');
    expect(!sum.ok && sum.errors.join('\n')).toMatch(
      /^instruments：各项工具的预算占比合计 1\.46，超过了全部预算/,
    );
    const weeks = checkDesign({ fundingWeeks: 200 }, 'zh');
    expect(!weeks.ok && weeks.errors.join('\n')).toContain('200 周的资助超出了规划期');
  });

  it('run fewer communities in the browser, each with the money it gets in the whole programme', () => {
    const v = checkDesign({}, 'en');
    if (!v.ok) throw new Error(v.errors.join('\n'));
    expect(browserScale(v.spec, 12)).toEqual({
      communities: 12,
      of: 35,
      budget: Math.round((10_000_000 * 12) / 35),
      agencies: 9,
    });
    expect(browserScale(v.spec, 99).communities).toBe(35);
    const p = browserProgramme(v.spec, 3);
    expect(p.members).toHaveLength(3);
    const r = runProgrammeReplicate({ ...p, weeks: 8, fundingWeeks: 4 }, 1);
    for (const row of r.rows) {
      const yuan = Object.values(row.budget).reduce((s, x) => s + x, 0);
      expect(yuan).toBeCloseTo(10_000_000 / 35, 0);
    }
  });

  it('bundle every scenario file of the project, so a programme naming one runs in the browser', () => {
    expect(Object.keys(BUNDLED_SCENARIOS).sort()).toEqual(
      ['baseline', 'charity-led', 'dongting', 'hubei-2020', 'organization-led', 'volunteer-led'].map(
        (id) => `${id}.json`,
      ),
    );
    for (const [name, value] of Object.entries(BUNDLED_SCENARIOS))
      expect(`${(value as { id: string }).id}.json`).toBe(name);
  });

  it('import a programme file: the shipped one gives the shipped design, its scenario found by name', () => {
    const r = importProgramme([{ name: 'hubei-2020.json', text: shipped }], 'en');
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.base.file).toEqual(BASE_PROGRAMME);
    expect(r.base.source).toBe('hubei-2020.json');
    expect(r.base.scenarios).toEqual(SHIPPED_BASE.scenarios);
    const a = checkDesign({}, 'en', r.base.file);
    const b = checkDesign({}, 'en');
    expect(a).toEqual(b);
  });

  it('report a bad file with the core’s messages in the interface language, naming the file or field', () => {
    const bad = { ...JSON.parse(shipped), budget: -5, bogus: 1 };
    const zh = importProgramme([{ name: 'mine.json', text: text(bad) }], 'zh');
    expect(zh.ok).toBe(false);
    if (zh.ok) return;
    expect(zh.name).toBe('mine.json');
    expect(zh.errors).toContain('budget：应在 0 与 100000000000 之间');
    expect(zh.errors).toContain('bogus：未知字段');
    const en = importProgramme([{ name: 'mine.json', text: text(bad) }], 'en');
    expect(!en.ok && en.errors).toContain('budget: must be between 0 and 100000000000');
    const json = importProgramme([{ name: 'mine.json', text: '{"id": "x",' }], 'zh');
    expect(!json.ok && json.errors).toEqual(['mine.json:1:12：JSON 格式错误：文本意外结束']);
    const scenario = importProgramme(
      [{ name: 'baseline.json', text: text(BUNDLED_SCENARIOS['baseline.json']) }],
      'en',
    );
    expect(!scenario.ok && scenario.errors[0]).toMatch(
      /^“baseline\.json” is a scenario file, not a programme/,
    );
    const two = importProgramme(
      [
        { name: 'a.json', text: shipped },
        { name: 'b.json', text: shipped },
      ],
      'en',
    );
    expect(!two.ok && two.errors[0]).toMatch(
      /^More than one of the chosen files is a programme \(a\.json, b\.json\)/,
    );
  });

  it('resolve listed scenario files: bundled by name, others chosen with the programme, or say which is missing', () => {
    const list = {
      ...JSON.parse(shipped),
      communities: ['../scenarios/dongting.json', 'surveys/my-street.json', '../scenarios/baseline.json'],
    };
    const missing = importProgramme([{ name: 'district.json', text: text(list) }], 'en');
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.errors).toHaveLength(1);
    expect(!missing.ok && missing.errors[0]).toMatch(
      /^communities\[1\]: the scenario file “surveys\/my-street\.json” is not part of the web app\. Choose my-street\.json together with the programme file/,
    );
    const zh = importProgramme([{ name: 'district.json', text: text(list) }], 'zh');
    expect(!zh.ok && zh.errors[0]).toMatch(/^communities\[1\]：网页版没有情景文件“surveys\/my-street\.json”/);
    // the missing file chosen with the programme; a bad one is reported with its name
    const street = { ...(BUNDLED_SCENARIOS['baseline.json'] as object), id: 'my-street' };
    const r = importProgramme(
      [
        { name: 'district.json', text: text(list) },
        { name: 'my-street.json', text: text(street) },
      ],
      'en',
    );
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const v = checkDesign({}, 'en', r.base.file);
    if (!v.ok) throw new Error(v.errors.join('\n'));
    const p = browserProgramme(v.spec, 2, r.base);
    expect(p.members).toHaveLength(2);
    expect(p.members[0].initial).toEqual(r.base.scenarios['../scenarios/dongting.json'].initial);
    expect(p.members[1].initial).toEqual(r.base.scenarios['surveys/my-street.json'].initial);
    const broken = importProgramme(
      [
        { name: 'district.json', text: text(list) },
        { name: 'my-street.json', text: text({ ...street, ticks: -1 }) },
      ],
      'en',
    );
    expect(!broken.ok && broken.errors[0]).toMatch(/^my-street\.json: ticks: /);
  });

  it('check the table of weights with the core: one per community, none negative, one above 0', () => {
    const ones = Array.from({ length: 35 }, () => 1);
    expect(checkDesign({ 'allocation.rule': 'table', 'allocation.table': ones }, 'en').ok).toBe(true);
    const missing = checkDesign({ 'allocation.rule': 'table' }, 'zh');
    expect(!missing.ok && missing.errors).toEqual(['allocation.table：规则为 "table" 时必须填写']);
    const short = checkDesign({ 'allocation.rule': 'table', 'allocation.table': [1, 2] }, 'zh');
    expect(!short.ok && short.errors).toEqual(['allocation.table：有 2 个权重，但社区有 35 个']);
    const negative = checkDesign(
      { 'allocation.rule': 'table', 'allocation.table': ones.map((w, k) => (k === 3 ? -1 : w)) },
      'en',
    );
    expect(!negative.ok && negative.errors).toEqual(['allocation.table[3]: must not be negative']);
    const zero = checkDesign({ 'allocation.rule': 'table', 'allocation.table': ones.map(() => 0) }, 'zh');
    expect(!zero.ok && zero.errors).toEqual(['allocation.table：至少要有一个大于 0 的权重']);
    // a table left from an earlier choice of rule is not saved
    expect(designFile({ 'allocation.rule': 'need', 'allocation.table': ones }).allocation).toEqual({
      rule: 'need',
    });
  });

  it('give the browser’s communities of a table the money they get in the whole programme', () => {
    const table: number[] = Array.from({ length: 35 }, (_, k) => (k === 1 ? 0 : k < 4 ? 2 : 1));
    const v = checkDesign({ 'allocation.rule': 'table', 'allocation.table': table }, 'en');
    if (!v.ok) throw new Error(v.errors.join('\n'));
    const total = table.reduce((s, w) => s + w, 0);
    expect(browserScale(v.spec, 4).budget).toBe(Math.round((10_000_000 * 6) / total));
    const p = browserProgramme(v.spec, 4);
    expect(p.allocation.table).toEqual([2, 0, 2, 2]);
    const r = runProgrammeReplicate({ ...p, weeks: 8, fundingWeeks: 4 }, 1);
    const yuan = r.rows.map((row) => Object.values(row.budget).reduce((s, x) => s + x, 0));
    expect(yuan[1]).toBe(0);
    for (const k of [0, 2, 3]) expect(yuan[k]).toBeCloseTo((10_000_000 * 2) / total, 0);
  });

  it('save a design as a file that imports as the same design, with the run’s seed', () => {
    const table = Array.from({ length: 35 }, (_, k) => k % 3);
    const values = {
      'allocation.rule': 'table',
      'allocation.table': table,
      'instruments.socialWork.share': 0.5,
      budget: 12_000_000,
    };
    const saved = exportFile(values, BASE_PROGRAMME, 'b', 7);
    expect(saved.id).toBe('hubei-2020-design-b');
    expect(saved.seed).toBe(7);
    expect(saved.$schema).toBe('./schema.json');
    const r = importProgramme([{ name: 'hubei-2020-design-b.json', text: text(saved) }], 'en');
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(text(exportFile({}, r.base.file, 'a', 7))).toBe(text(saved));
    const before = checkDesign(values, 'en');
    const after = checkDesign({}, 'en', r.base.file);
    if (!before.ok || !after.ok) throw new Error('invalid');
    expect(after.spec).toEqual({ ...before.spec, id: 'hubei-2020-design-b', seed: 7 });
  });
});
