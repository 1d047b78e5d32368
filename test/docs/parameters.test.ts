import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_NUMBERS } from '../../src/model/parameters.ts';
import { parameterTableMarkdown } from '../../src/model/parameterTable.ts';

describe('docs/parameters.md', () => {
  it('is the table generated from the declarations (run `npm run docs:params` after a change)', () => {
    const committed = readFileSync(new URL('../../docs/parameters.md', import.meta.url), 'utf8');
    expect(committed).toBe(parameterTableMarkdown());
  });

  it('gives every parameter a source, a unit and a default inside its range', () => {
    for (const s of ALL_NUMBERS) {
      expect(s.source.length, s.path).toBeGreaterThan(3);
      expect(s.unit.length, s.path).toBeGreaterThan(0);
      expect(s.default, s.path).toBeGreaterThanOrEqual(s.min);
      expect(s.default, s.path).toBeLessThanOrEqual(s.max);
    }
  });

  it('is cited by docs/ODD.md', () => {
    const odd = readFileSync(new URL('../../docs/ODD.md', import.meta.url), 'utf8');
    expect(odd).toContain('parameters.md');
  });
});
