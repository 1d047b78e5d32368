import { afterAll, describe, expect, it } from 'vitest';
import { MECHANISMS, PROCESSES } from '../../src/engine/mechanisms.ts';
import { setLang } from '../../web/i18n/index.ts';
import { narrate } from '../../web/narrate.ts';

const CJK = /[\u4e00-\u9fff]/;

// setLang relabels the page; in Node there is none, so give it an empty one
const empty = { querySelectorAll: () => [] };
Object.assign(globalThis, { document: { documentElement: {}, body: empty } });

/**
 * The event log narrates every kind of event the engine can record. Events are recorded only for
 * the linkage mechanisms (src/engine/ops.ts `recordLink`, indexed into MECHANISMS); the processes
 * (contract end, turnover, lapse, …) change the world without an event row, so they need no
 * sentence here. A mechanism added without a zh or en sentence fails this test.
 */
describe('narrated event log', () => {
  afterAll(() => setLang('zh', false));
  it('names each of the three new social-worker mechanisms', () => {
    const ids = MECHANISMS.map((m) => m.id);
    for (const id of [
      'committee-renews-contract',
      'fund-buys-social-work',
      'social-worker-trains-para-professional',
    ])
      expect(ids).toContain(id);
  });

  for (const [i, m] of MECHANISMS.entries()) {
    it(`narrates ${m.id} in Chinese and English`, () => {
      const source = m.source >= 0 ? m.source : 3;
      const target = m.target >= 0 ? m.target : 1;
      const row = { tick: 52, mechanism: i, source, target, actor: 195, subject: -1, value: 0.1 };
      setLang('zh', false);
      const zh = narrate(row);
      expect(m.zh.trim(), `${m.id}.zh`).not.toBe('');
      expect(zh).toContain(m.zh);
      expect(zh).toContain('52');
      expect(zh).toMatch(CJK);
      expect(zh).not.toMatch(/\b[a-z]+-[a-z]+\b/); // no raw id
      setLang('en', false);
      const en = narrate(row);
      expect(m.en.trim(), `${m.id}.en`).not.toBe('');
      expect(en).toContain(m.en);
      expect(en).toContain('52');
      expect(en).not.toMatch(CJK);
      expect(en).not.toContain(m.id);
    });
  }

  it('has a Chinese and English name for every process that can be knocked out', () => {
    for (const p of PROCESSES) {
      expect(p.zh, p.id).toMatch(CJK);
      expect(p.en.trim(), p.id).not.toBe('');
      expect(p.en, p.id).not.toMatch(CJK);
    }
  });
});
