/**
 * The web Programme view's designs (web/programmeDesign.ts), without a browser: controls derived
 * from the core's declarations, the core's validator in both languages, and the browser's smaller
 * run giving every community what it gets in the whole programme.
 */
import { describe, expect, it } from 'vitest';
import { runProgrammeReplicate } from '../../src/analysis/programmeReplicate.ts';
import { parseProgramme } from '../../src/model/programme.ts';
import { ALLOCATION_RULES, PROGRAMME_NUMBERS } from '../../src/model/programmeParameters.ts';
import { en } from '../../web/i18n/en.ts';
import { UNITS_ZH } from '../../web/i18n/units.ts';
import { zh } from '../../web/i18n/zh.ts';
import {
  BASE_PROGRAMME,
  browserProgramme,
  browserScale,
  checkDesign,
  DETAIL_SPECS,
  SLIDER_PATHS,
  VIEW_RULES,
} from '../../web/programmeDesign.ts';

describe('programme designs in the web app', () => {
  it('offer every declared number but the seed exactly once, and every rule but the table', () => {
    const offered = [...SLIDER_PATHS, ...DETAIL_SPECS.map((s) => s.path)].sort();
    expect(offered).toEqual(
      PROGRAMME_NUMBERS.map((s) => s.path)
        .filter((p) => p !== 'seed')
        .sort(),
    );
    expect(VIEW_RULES).toEqual(ALLOCATION_RULES.filter((r) => r !== 'table'));
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
    expect(!shareZh.ok && shareZh.errors).toContain('instruments.socialWork.share: 应在 0 与 1 之间');
    const sum = checkDesign({ 'instruments.projectGrants.share': 0.9 }, 'zh');
    expect(!sum.ok && sum.errors.join('\n')).toMatch(
      /^instruments：各项工具的预算占比合计 1\.6，超过了全部预算/,
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
});
