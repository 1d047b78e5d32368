import { describe, expect, it } from 'vitest';
import { KNOCKOUT_IDS, MECHANISMS } from '../../src/engine/mechanisms.ts';
import { ALL_NUMBERS, PARAMETERS } from '../../src/model/parameters.ts';
import { ABOUT } from '../../web/i18n/about.ts';
import { en } from '../../web/i18n/en.ts';
import { UNITS_ZH } from '../../web/i18n/units.ts';
import { zh } from '../../web/i18n/zh.ts';

const CJK = /[\u4e00-\u9fff]/;
/** Words that stay as they are in Chinese: file formats. */
const SAME_IN_BOTH = new Set(['SVG', 'PNG', 'CSV', 'JSON']);

describe('web dictionaries', () => {
  it('have the same keys, none empty', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(zh)) expect(v.trim(), `zh.${k}`).not.toBe('');
    for (const [k, v] of Object.entries(en)) expect(v.trim(), `en.${k}`).not.toBe('');
  });

  it('translate every Chinese label (no English left in zh, except the switch to English and file formats)', () => {
    for (const [k, v] of Object.entries(zh)) {
      if (k === 'lang' || k === 'langTitle' || k === 'keyLang' || SAME_IN_BOTH.has(v)) continue;
      const words = (v.replace(/\{\w+\}/g, '').match(/[A-Za-z]{2,}/g) ?? []).filter(
        (w) => !SAME_IN_BOTH.has(w),
      );
      expect(words, `zh.${k} = ${v}`).toEqual([]);
    }
  });

  it('keep the same placeholders in both languages', () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(holes(zh[k]), k).toEqual(holes(en[k]));
  });

  it('give a Chinese unit for every declared parameter unit', () => {
    for (const spec of ALL_NUMBERS) expect(UNITS_ZH[spec.unit], spec.unit).toMatch(CJK);
  });

  it('name every parameter group and mechanism in both languages', () => {
    for (const g of new Set(PARAMETERS.map((p) => p.group))) {
      expect(Object.keys(en), g).toContain(`group.${g}`);
      expect(Object.keys(zh), g).toContain(`group.${g}`);
    }
    for (const m of MECHANISMS) {
      expect(m.zh).toMatch(CJK);
      expect(m.en).not.toMatch(CJK);
    }
  });

  it('has the about page in both languages, section for section', () => {
    expect(ABOUT.zh.length).toBe(ABOUT.en.length);
    for (const s of ABOUT.zh) expect(s.heading).toMatch(CJK);
  });

  it('explain knock-outs with ids that exist, and the pattern battery, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const text = ABOUT[lang].flatMap((s) => [...(s.paragraphs ?? []), ...(s.items ?? [])]).join(' ');
      expect(text, lang).toContain('--knockout');
      expect(text, lang).toContain('wushe patterns');
      const section = ABOUT[lang].find((s) => s.paragraphs?.some((p) => p.includes('--knockout')));
      const ids = (section?.items ?? []).join(' ').match(/\b[a-z]+(?:-[a-z]+)+\b/g) ?? [];
      expect(ids.length, lang).toBeGreaterThan(5);
      const known = new Set([...KNOCKOUT_IDS, 'strengths-first', 'weakest-first']);
      for (const id of ids) expect(known.has(id), `${lang}: ${id}`).toBe(true);
    }
  });
});
