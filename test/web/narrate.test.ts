import { afterAll, describe, expect, it } from 'vitest';
import { MECHANISMS, PROCESSES } from '../../src/engine/mechanisms.ts';
import { COMMUNITY, VOLUNTEERS } from '../../src/model/elements.ts';
import { setLang } from '../../web/i18n/index.ts';
import { NARRATION } from '../../web/i18n/narration.ts';
import { narrate } from '../../web/narrate.ts';

const CJK = /[\u4e00-\u9fff]/;

// setLang relabels the page; in Node there is none, so give it an empty one
const empty = { querySelectorAll: () => [] };
Object.assign(globalThis, { document: { documentElement: {}, body: empty } });

/** The variants an event of each kind can carry (value 0 or positive; subject an element or a resident). */
const VARIANTS = [
  { value: 0, subject: -1 },
  { value: 0.1, subject: -1 },
  { value: 0.1, subject: COMMUNITY },
  { value: 0.1, subject: VOLUNTEERS },
];

/**
 * The event log narrates every kind of event the engine can record. Events are recorded only for
 * the linkage mechanisms (src/engine/ops.ts `recordLink`, indexed into MECHANISMS); the processes
 * (a contract ending without renewal, turnover, lapse, …) change the world without an event row,
 * so they have no sentence in the log. A mechanism added without a zh or en sentence fails here.
 */
describe('narrated event log', () => {
  afterAll(() => setLang('zh', false));

  for (const [i, m] of MECHANISMS.entries()) {
    it(`narrates ${m.id} in Chinese and English`, () => {
      const source = m.source >= 0 ? m.source : 3;
      const target = m.target >= 0 ? m.target : 1;
      expect(m.zh, `${m.id}.zh`).toMatch(CJK);
      expect(m.en.trim(), `${m.id}.en`).not.toBe('');
      for (const v of VARIANTS) {
        const row = { tick: 52, mechanism: i, source, target, actor: 195, ...v };
        const own = NARRATION[m.id]?.(row) ?? m;
        setLang('zh', false);
        const zh = narrate(row);
        expect(zh).toContain(own.zh);
        expect(zh).toContain('第52周');
        expect(zh).toContain('195号居民');
        expect(zh).not.toContain(m.id);
        setLang('en', false);
        const en = narrate(row);
        expect(en).toContain(own.en);
        expect(en).toContain('Week 52');
        expect(en).not.toMatch(CJK);
        expect(en).not.toContain(m.id);
      }
    });
  }

  it('tells the social workers’ own events apart by what they carry', () => {
    const at = (id: string) => MECHANISMS.findIndex((m) => m.id === id);
    const row = (id: string, value: number, subject: number) => ({
      tick: 52,
      mechanism: at(id),
      source: 4,
      target: 2,
      actor: -1,
      value,
      subject,
    });
    setLang('en', false);
    expect(narrate(row('local-takeover', 0, -1))).toContain('took the stationed social workers over');
    expect(narrate(row('local-takeover', 0, 3))).toContain('took this project over');
    expect(narrate(row('fund-buys-social-work', 0.13, -1))).toContain('one more social worker');
    expect(narrate(row('social-worker-trains-para-professional', 0.1, COMMUNITY))).toContain(
      'committee staff',
    );
    expect(narrate(row('social-worker-trains-para-professional', 0.1, VOLUNTEERS))).toContain(
      'core volunteer',
    );
    expect(narrate(row('committee-renews-contract', 0, -1))).toContain('renewed');
  });

  it('has special sentences only for mechanisms that exist', () => {
    const ids = new Set(MECHANISMS.map((m) => m.id));
    for (const id of Object.keys(NARRATION)) expect(ids.has(id), id).toBe(true);
  });

  it('has a Chinese and English name for every process that can be knocked out', () => {
    for (const p of PROCESSES) {
      expect(p.zh, p.id).toMatch(CJK);
      expect(p.en.trim(), p.id).not.toBe('');
      expect(p.en, p.id).not.toMatch(CJK);
    }
  });
});
