/**
 * The survey table printed by `wushe survey` and `wushe calibrate`: each figure next to the
 * published one (a value, a range, or "least"), the gap, a mark on every figure outside, and the
 * fixed-effects regressions, in aligned columns.
 */
import { HUBEI_2020 } from '../analysis/published.ts';
import { INDICATORS, type SurveySummary } from '../analysis/survey.ts';
import { ELEMENTS } from '../model/elements.ts';

const pct = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '—' : `${(100 * x).toFixed(1)}%`;

/** A difference in percentage points, signed. */
const points = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`;

type Interval = { mean: number; low: number; high: number };

/** A figure against what was published: the gap in words and whether it is outside. */
export interface Comparison {
  published: string;
  gap: string;
  outside: boolean;
}

/**
 * Against a published value: the gap; outside when it is larger than the two surveys' sampling
 * error allows (95%: 1.96 × √(p(1−p)/618 + p(1−p)/n), p the published share, n the simulated
 * respondents over all seeds).
 */
function againstValue(v: Interval, published: number, respondents: number): Comparison {
  const gap = v.mean - published;
  const variance = published * (1 - published);
  const allowed = 1.96 * Math.sqrt(variance / HUBEI_2020.n + variance / Math.max(1, respondents));
  return {
    published: pct(published),
    gap: Number.isFinite(gap) ? points(gap) : '—',
    outside: !Number.isFinite(gap) || Math.abs(gap) > allowed,
  };
}

/** Against a published range: in range, or how far outside (to the nearer bound). */
function againstRange(v: Interval, [lo, hi]: readonly [number, number]): Comparison {
  const published = `${+(lo * 100).toFixed(1)}–${+(hi * 100).toFixed(1)}%`;
  if (!Number.isFinite(v.mean)) return { published, gap: '—', outside: true };
  if (v.mean < lo) return { published, gap: points(v.mean - lo), outside: true };
  if (v.mean > hi) return { published, gap: points(v.mean - hi), outside: true };
  return { published, gap: 'in range', outside: false };
}

/**
 * Against "received least" (material help, published without a figure, next to the psychological
 * indicators the programme aimed at): below every psychological indicator, or by how much it is not.
 */
function againstLeast(v: Interval, lowestPsychological: number): Comparison {
  if (!Number.isFinite(v.mean)) return { published: 'least', gap: '—', outside: true };
  return v.mean < lowestPsychological
    ? { published: 'least', gap: 'least', outside: false }
    : { published: 'least', gap: `${points(v.mean - lowestPsychological)} vs psych.`, outside: true };
}

/** Rows of cells as columns: left-aligned where `left[i]`, right-aligned otherwise. */
function columns(rows: string[][], left: boolean[]): string[] {
  const widths: number[] = [];
  for (const row of rows) for (const [i, c] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, c.length);
  return rows.map((row) =>
    `  ${row.map((c, i) => (left[i] ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ')}`.trimEnd(),
  );
}

/** The terminal table: published, simulated (with its interval over seeds), gap, and a mark on every figure outside. */
export function formatTable(s: SurveySummary): string {
  const many = s.seeds.length > 1;
  const head = ['indicator', 'published', 'simulated', ...(many ? ['95% interval'] : []), 'gap', ''];
  const rows: string[][] = [head];
  let outside = 0;
  const row = (name: string, v: Interval, c: Comparison) => {
    if (c.outside) outside++;
    rows.push([
      name,
      c.published,
      pct(v.mean),
      ...(many ? [`${pct(v.low)}–${pct(v.high)}`] : []),
      c.gap,
      c.outside ? '◀ outside' : '',
    ]);
  };
  for (const e of ELEMENTS) {
    const p = HUBEI_2020.coverage[e];
    const r = HUBEI_2020.coverageRange[e];
    const v = s.coverage[e];
    if (p !== undefined) row(`served by ${e}`, v, againstValue(v, p, s.n * s.seeds.length));
    else if (r) row(`served by ${e}`, v, againstRange(v, r));
  }
  // need 0 is psychological
  const lowest = Math.min(...INDICATORS.filter(([, need]) => need === 0).map(([n]) => s.improved[n].mean));
  for (const [name] of INDICATORS) {
    const p = HUBEI_2020.improved[name];
    const v = s.improved[name];
    row(
      `improved: ${name}`,
      v,
      p !== undefined ? againstValue(v, p, s.n * s.seeds.length) : againstLeast(v, lowest),
    );
  }
  const left = head.map((_, i) => i === 0 || i === head.length - 1);
  const lines = [
    `Virtual survey: ${s.n} respondents in ${s.communities} communities, ${s.seeds.length} seed(s)`,
    '',
    ...columns(rows, left),
    '',
    '  gap: simulated − published, in percentage points; for a range, to its nearer end; "least": below',
    '  every psychological indicator. A value is outside (◀) when the gap exceeds the two',
    `  surveys' sampling error (95%, ${HUBEI_2020.n} and ${s.n * s.seeds.length} respondents).`,
    `  ${outside === 0 ? 'Every figure is within its published value or range.' : `${outside} figure${outside === 1 ? ' is' : 's are'} outside the published value or range.`}`,
    '',
  ];
  const reg: string[][] = [
    [
      'regression (community fixed effects)',
      'published',
      'coefficient',
      'se',
      'p',
      'significant (p<0.05, >0)',
    ],
  ];
  for (const k of ['belonging', 'trust'] as const) {
    const r = s.regression[k];
    const fixed = (x: number, d: number) => (Number.isFinite(x) ? x.toFixed(d) : '—');
    reg.push([
      `${k} ~ social-worker service`,
      HUBEI_2020.regression[k].toFixed(3),
      fixed(r.coef.mean, 4),
      fixed(r.se.mean, 4),
      fixed(r.p.mean, 3),
      `in ${(100 * r.significantShare).toFixed(0)}% of seeds`,
    ]);
  }
  lines.push(...columns(reg, [true, false, false, false, false, true]));
  lines.push('', `  Standard errors: ${s.standardErrors}.`, '');
  return `${lines.join('\n')}\n`;
}
