/**
 * Runs the whole pattern battery and writes its table into docs/validation.md, between the
 * `patterns:begin` and `patterns:end` markers. `npm run docs:patterns [-- seeds]` (default 100).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { battery } from '../src/analysis/patterns/index.ts';
import { loadPresets, patternTableMarkdown, runBattery } from '../src/cli/patterns.ts';

const seeds = Number(process.argv[2] ?? 100);
const file = new URL('../docs/validation.md', import.meta.url);
const BEGIN = '<!-- patterns:begin -->';
const END = '<!-- patterns:end -->';

const results = await runBattery(battery(loadPresets()), { seeds });
const passed = results.filter((r) => r.pass).length;
const table = [
  BEGIN,
  `Measured with \`npm run docs:patterns\` (${seeds} seeds per pattern, the same as`,
  `\`wushe patterns --seeds ${seeds} --markdown\`): ${passed} of ${results.length} patterns pass.`,
  '',
  patternTableMarkdown(results).trimEnd(),
  END,
].join('\n');
const text = readFileSync(file, 'utf8');
const from = text.indexOf(BEGIN);
const to = text.indexOf(END);
if (from < 0 || to < from) throw new Error(`docs/validation.md has no ${BEGIN} … ${END} section`);
writeFileSync(file, text.slice(0, from) + table + text.slice(to + END.length));
console.log(`wrote docs/validation.md: ${passed} of ${results.length} patterns pass`);
