import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { battery, PRESET_IDS, type Presets } from '../../src/analysis/patterns/index.ts';
import { presetFile } from '../engine/helpers.ts';

const BATTERY = battery(Object.fromEntries(PRESET_IDS.map((id) => [id, presetFile(id)])) as Presets);

describe('docs/validation.md, pattern battery', () => {
  it('holds the table the battery wrote, one row per pattern (run `npm run docs:patterns` after a change)', () => {
    const text = readFileSync(new URL('../../docs/validation.md', import.meta.url), 'utf8');
    const section = text.slice(
      text.indexOf('<!-- patterns:begin -->'),
      text.indexOf('<!-- patterns:end -->'),
    );
    expect(section).toContain('npm run docs:patterns');
    const rows = section.split('\n').filter((l) => /^\| .*`[a-z-]+` \|/.test(l));
    expect(rows).toHaveLength(BATTERY.length);
    BATTERY.forEach((p, i) => {
      expect(rows[i]).toContain(`\`${p.id}\``);
      expect(rows[i]).toMatch(/\| (pass|\*\*FAIL\*\*) \|$/);
    });
  });
});
