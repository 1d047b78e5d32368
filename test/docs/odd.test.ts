import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  documentedSpec,
  formatValue,
  markedValue,
  PARAM_MARKER,
  withParameterValues,
} from '../../src/model/parameterValues.ts';

const ODD = readFileSync(new URL('../../docs/ODD.md', import.meta.url), 'utf8');

/** ODD.md without its marked values and references: the prose a reader could have typed numbers into. */
const PROSE = ODD.replace(PARAM_MARKER, '').split('\n## References')[0];

/** The numbers written in `text` (1,500 and 2.75% included; not names such as Model 2), with where each starts. */
function numbers(text: string): { value: number; text: string; at: number }[] {
  return [...text.matchAll(/(?<![\w.,])(?<!Model )\d[\d,]*(?:\.\d+)?%?(?![\w])/g)].map((m) => {
    const raw = m[0].replace(/[,.]$/, '');
    const n = Number(raw.replace(/[,%]/g, ''));
    return { value: raw.endsWith('%') ? n / 100 : n, text: raw, at: m.index };
  });
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

describe('docs/ODD.md parameter values', () => {
  it('are the declared values (run `npm run docs:params` after changing a declaration)', () => {
    expect(ODD).toBe(withParameterValues(ODD));
  });

  it('every marker names a declared parameter and reads back', () => {
    const markers = [...ODD.matchAll(PARAM_MARKER)];
    expect(markers.length).toBeGreaterThan(60);
    for (const [, marker, text] of markers) expect(text, marker).toBe(markedValue(marker));
  });

  it('no parameter named in backticks has its value written next to it by hand', () => {
    const unmarked: string[] = [];
    // paragraphs (and table rows) are where a name and its value belong together
    for (const para of PROSE.split(/\n\s*\n|\n(?=\|)/)) {
      for (const m of para.matchAll(/`([\w.<>]+)`/g)) {
        const spec = documentedSpec(m[1]);
        if (!spec) continue;
        const from = Math.max(0, m.index - 120);
        const near = para.slice(from, m.index + m[0].length + 120);
        for (const n of numbers(near)) {
          if (same(n.value, spec.default))
            unmarked.push(`${m[1]} = ${formatValue(spec.default)}: "${n.text}" in "…${near.trim()}…"`);
        }
      }
    }
    expect(unmarked).toEqual([]);
  });

  it('no distinctive declared value (0.008, 2.75%) is written anywhere by hand', () => {
    const distinctive = (t: string) => /\.\d{3,}|\.\d+%/.test(t);
    const defaults = [
      ...new Set(
        [...ODD.matchAll(/`([\w.]+)`/g)]
          .map((m) => documentedSpec(m[1])?.default)
          .filter((v) => v !== undefined),
      ),
    ];
    const hand = numbers(PROSE)
      .filter((n) => distinctive(n.text) && defaults.some((d) => same(n.value, d)))
      .map((n) => `"${n.text}" in "…${PROSE.slice(Math.max(0, n.at - 60), n.at + 40)}…"`);
    expect(hand).toEqual([]);
  });
});

describe('docs/programme.md parameter values', () => {
  it('are the declared values', () => {
    const doc = readFileSync(new URL('../../docs/programme.md', import.meta.url), 'utf8');
    expect(doc).toContain('<!-- param:organizations.memberVisits -->');
    expect(doc).toBe(withParameterValues(doc));
  });
});

describe('the markers', () => {
  it('format defaults, ranges, percentages, units and sums of defaults', () => {
    expect(markedValue('volunteers.lapseHazard')).toBe('0.008');
    expect(markedValue('residents max')).toBe('4,000,000');
    expect(markedValue('organizations.closureHazard percent')).toBe('2.75%');
    expect(markedValue('ticks unit')).toBe('104 weeks');
    expect(markedValue('=residents * strength.organizationsPer10k / 10000')).toBe('10');
    expect(markedValue('= (1 - strength.volunteersWeight) × 10')).toBe('4');
    expect(() => markedValue('volunteers.lapseHazzard')).toThrow(/no parameter/);
    expect(() => markedValue('ticks bold')).toThrow(/unknown option/);
    expect(() => markedValue('=ticks * (2')).toThrow(/bracket/);
  });

  it('rewrite only the value between the comments', () => {
    const doc = 'lasts <!-- param:ticks unit -->99 days<!-- /param --> by default';
    expect(withParameterValues(doc)).toBe(
      'lasts <!-- param:ticks unit -->104 weeks<!-- /param --> by default',
    );
  });
});
