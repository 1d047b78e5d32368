import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { programmeTableMarkdown } from '../../src/model/parameterTable.ts';
import { PROGRAMME_NUMBERS } from '../../src/model/programmeParameters.ts';

describe('docs/programme.md', () => {
  const doc = readFileSync(new URL('../../docs/programme.md', import.meta.url), 'utf8');

  it('holds the table generated from the programme numbers (run `npm run docs:params` after a change)', () => {
    expect(doc).toContain(programmeTableMarkdown());
  });

  it('gives every programme number a source, a unit and a default inside its range', () => {
    for (const s of PROGRAMME_NUMBERS) {
      expect(s.source.length, s.path).toBeGreaterThan(3);
      expect(s.unit.length, s.path).toBeGreaterThan(0);
      expect(s.default, s.path).toBeGreaterThanOrEqual(s.min);
      expect(s.default, s.path).toBeLessThanOrEqual(s.max);
    }
  });
});
