import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METRIC_KEYS } from '../../src/batch/metrics.ts';
import { outputTableMarkdown } from '../../src/batch/outputTable.ts';
import { REPORTERS, SERIES_COLUMNS } from '../../src/engine/reporters.ts';

describe('docs/outputs.md', () => {
  it('is the table generated from the declarations (run `npm run docs:outputs` after a change)', () => {
    const committed = readFileSync(new URL('../../docs/outputs.md', import.meta.url), 'utf8');
    expect(committed).toBe(outputTableMarkdown());
  });

  it('names every reporter and metric once, with labels and a unit', () => {
    const ids = REPORTERS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(METRIC_KEYS).size).toBe(METRIC_KEYS.length);
    for (const r of REPORTERS) {
      expect(r.zh.length, r.id).toBeGreaterThan(0);
      expect(r.en.length, r.id).toBeGreaterThan(0);
      expect(r.unit.length, r.id).toBeGreaterThan(0);
      expect(r.how.length, r.id).toBeGreaterThan(5);
    }
    expect(SERIES_COLUMNS).not.toContain('tick');
  });
});
