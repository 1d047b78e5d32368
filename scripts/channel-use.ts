/**
 * How much each 联中动 channel of the knock-out patterns is used in their base community (the
 * middling, balanced community of src/analysis/patterns/knockouts.ts, two years, 3,000 residents):
 * events through the channel per run and the strength they gave its target, averaged over seeds
 * 1 … N. A channel used about once in two years cannot show a knock-out effect at any sample size
 * the battery can afford (docs/validation.md, "Knock-outs that cannot show").
 *
 *   npx tsx scripts/channel-use.ts [seeds = 20] [--write docs/validation.md]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CHANNELS, KNOCKOUT_BASE } from '../src/analysis/patterns/knockouts.ts';
import { runScenario } from '../src/analysis/summary.ts';
import { ELEMENTS } from '../src/model/elements.ts';
import { validateScenario } from '../src/model/scenario.ts';

const args = process.argv.slice(2);
const w = args.indexOf('--write');
const write = w >= 0 ? args[w + 1] : '';
const seeds = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--write') ?? 20);

const events = new Map<string, number>();
const strength = new Map<string, number>();
for (let seed = 1; seed <= seeds; seed++) {
  const v = validateScenario({ id: 'pattern', ...KNOCKOUT_BASE, seed });
  if (!v.ok) throw new Error(v.errors.join('; '));
  for (const f of runScenario(v.scenario).summary.flows) {
    events.set(f.mechanism, (events.get(f.mechanism) ?? 0) + f.count / seeds);
    strength.set(f.mechanism, (strength.get(f.mechanism) ?? 0) + f.strength / seeds);
  }
}
const BEGIN = '<!-- channel-use:start -->';
const END = '<!-- channel-use:end -->';
const rows = CHANNELS.map(
  (m) =>
    `| \`${m.id}\` | ${ELEMENTS[m.source]} → ${ELEMENTS[m.target]} | ${(events.get(m.id) ?? 0).toFixed(1)} | ${(strength.get(m.id) ?? 0).toFixed(4)} |`,
);
const table = [
  BEGIN,
  `Measured with \`npx tsx scripts/channel-use.ts ${seeds} --write docs/validation.md\` (seeds 1–${seeds}, the knock-out patterns' base community).`,
  '',
  '| channel | from → to | events per run | strength given to the target per run |',
  '|---|---|---|---|',
  ...rows,
  END,
].join('\n');
if (!write) console.log(table);
else {
  const text = readFileSync(write, 'utf8');
  const from = text.indexOf(BEGIN);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${write} has no ${BEGIN} … ${END} section`);
  writeFileSync(write, text.slice(0, from) + table + text.slice(to + END.length));
  console.log(`wrote ${write}`);
}
