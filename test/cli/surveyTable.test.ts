import { describe, expect, it } from 'vitest';
import { HUBEI_2020 } from '../../src/analysis/published.ts';
import type { FixedEffectsFit } from '../../src/analysis/regression.ts';
import { INDICATORS, type SurveyReport, summarise } from '../../src/analysis/survey.ts';
import { formatTable } from '../../src/cli/surveyTable.ts';
import { ELEMENTS } from '../../src/model/elements.ts';

const regressionFit = (coef: number): FixedEffectsFit => ({
  coef,
  se: 0.005,
  p: 0.01,
  df: 580,
  n: 618,
  groups: 32,
  seCluster: 0.006,
  pCluster: 0.02,
});

/** A report with every figure at its published value (ranges: 40%; "least": 1%), then `changes`. */
function report(seed: number, changes: Partial<Record<string, number>> = {}): SurveyReport {
  const coverage = Object.fromEntries(
    ELEMENTS.map((e) => [e, changes[e] ?? HUBEI_2020.coverage[e] ?? 0.4]),
  ) as SurveyReport['coverage'];
  const improved = Object.fromEntries(
    INDICATORS.map(([n]) => [n, changes[n] ?? HUBEI_2020.improved[n] ?? 0.01]),
  ) as SurveyReport['improved'];
  return {
    seed,
    n: 618,
    communities: 32,
    coverage,
    improved,
    regression: { belonging: regressionFit(0.02), trust: regressionFit(0.018) },
  };
}

function rowOf(table: string, name: string): string {
  const line = table.split('\n').find((l) => l.trimStart().startsWith(name));
  if (!line) throw new Error(`no row ${name}`);
  return line;
}

describe('the survey table', () => {
  it('flags every figure outside its published value or range, and only those', () => {
    const t = formatTable(
      summarise([
        report(1, { charity: 0.298, volunteers: 0.55, community: 0.7155, anxiety: 0.315, economicAid: 0.2 }),
      ]),
    );
    expect(rowOf(t, 'served by charity')).toMatch(/30–50%\s+29\.8%\s+-0\.2\s+◀ outside$/);
    expect(rowOf(t, 'served by volunteers')).toMatch(/\+5\.0\s+◀ outside$/);
    expect(rowOf(t, 'served by organizations')).toMatch(/40\.0%\s+in range$/);
    expect(rowOf(t, 'served by community')).toMatch(/-10\.0\s+◀ outside$/);
    // within the sampling error of two surveys of 618
    expect(rowOf(t, 'improved: anxiety')).toMatch(/\+0\.4$/);
    expect(rowOf(t, 'improved: economicAid')).toMatch(/\+4\.6 vs psych\.\s+◀ outside$/);
    expect(rowOf(t, 'improved: medicalAid')).toMatch(/1\.0%\s+least$/);
    expect(t).toContain('4 figures are outside the published value or range.');
  });

  it('columns line up with their headers, with and without intervals', () => {
    for (const reports of [[report(1)], [report(1), report(2, { charity: 0.45 })]]) {
      const lines = formatTable(summarise(reports)).split('\n');
      const header = lines.find((l) => l.trimStart().startsWith('indicator'))!;
      const rows = lines.filter((l) => /^\s+(served by|improved:)/.test(l));
      expect(rows).toHaveLength(ELEMENTS.length + INDICATORS.length);
      for (const col of ['published', 'simulated', 'gap']) {
        const end = header.indexOf(col) + col.length;
        // right-aligned: every row's cell ends where the header does
        for (const r of rows) expect(r[end - 1], `${col} in ${r}`).not.toBe(' ');
        for (const r of rows) expect(r[end] ?? ' ', `${col} in ${r}`).toBe(' ');
      }
      const regHeader = lines.find((l) => l.includes('regression (community fixed effects)'))!;
      const regRows = lines.filter((l) => l.includes('~ social-worker service'));
      expect(regRows).toHaveLength(2);
      for (const col of ['published', 'coefficient', 'se', 'p']) {
        const end = regHeader.indexOf(` ${col} `) + col.length + 1;
        for (const r of regRows) {
          expect(r[end - 1], `${col} in ${r}`).not.toBe(' ');
          expect(r[end], `${col} in ${r}`).toBe(' ');
        }
      }
      expect(regRows[0]).toMatch(/0\.020\s+0\.0200\s+0\.0050\s+0\.010\s+in 100% of seeds$/);
    }
  });
});
