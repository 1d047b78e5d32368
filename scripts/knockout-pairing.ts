/**
 * How well a knock-out's two runs are paired: for every single-channel knock-out of the pattern
 * battery (its base community, seeds 1 … N), the target's strength averaged over the run with and
 * without the channel, the correlation of the two over seeds, and the spread of their difference.
 * The closer the correlation is to 1, the more of the seed-to-seed noise the pairing removes and the
 * smaller the effect the battery can detect (docs/validation.md, "Knock-outs").
 *
 *   npx tsx scripts/knockout-pairing.ts [seeds = 30]
 *
 * `WUSHE_PARAMETERS` (JSON) overrides parameters (to compare stream designs at the same rates).
 */
import { meanOver } from '../src/analysis/patterns/common.ts';
import { CHANNELS, KNOCKOUT_BASE } from '../src/analysis/patterns/knockouts.ts';
import { runScenario } from '../src/analysis/summary.ts';
import { ELEMENTS } from '../src/model/elements.ts';
import { validateScenario } from '../src/model/scenario.ts';

const N = Number(process.argv[2] ?? 30);
const parameters = JSON.parse(process.env.WUSHE_PARAMETERS ?? '{}');
const run = (file: object, seed: number) => {
  const v = validateScenario({ ...file, seed, parameters });
  if (!v.ok) throw new Error(v.errors.join('; '));
  return runScenario(v.scenario).summary;
};
const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
const sd = (x: number[]) => {
  const m = mean(x);
  return Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1));
};
const bases = Array.from({ length: N }, (_, k) => run(KNOCKOUT_BASE, k + 1));
console.log(`seeds 1–${N}, the knock-out patterns' base community\n`);
console.log(
  '| channel | target | sd with | sd without | correlation | mean difference | sd of the difference |',
);
console.log('|---|---|---|---|---|---|---|');
for (const m of CHANNELS) {
  const column = `strength.${ELEMENTS[m.target]}`;
  const a: number[] = [];
  const b: number[] = [];
  for (let seed = 1; seed <= N; seed++) {
    const off = run({ ...KNOCKOUT_BASE, knockouts: [m.id] }, seed);
    a.push(meanOver(bases[seed - 1], column, 1, 104));
    b.push(meanOver(off, column, 1, 104));
  }
  const d = a.map((x, i) => b[i] - x);
  const [ma, mb] = [mean(a), mean(b)];
  const r = a.reduce((s, x, i) => s + (x - ma) * (b[i] - mb), 0) / (N - 1) / (sd(a) * sd(b));
  const f = (x: number) => x.toFixed(4);
  console.log(
    `| \`${m.id}\` | ${ELEMENTS[m.target]} | ${f(sd(a))} | ${f(sd(b))} | ${r.toFixed(2)} | ${f(mean(d))} | ${f(sd(d))} |`,
  );
}
