/**
 * The base's own tempo against published case figures: organisations incubated and volunteers
 * recruited a year through the committee's and the social workers' direct channels, in a community
 * like 东亭 (Wuchang, Wuhan: about 15,000 residents, a dozen committee staff, many capable retirees),
 * averaged over seeds 1 … N.
 *
 *   npx tsx scripts/base-tempo.ts [seeds = 10] [years = 6]
 */
import { runScenario } from '../src/analysis/summary.ts';
import { validateScenario } from '../src/model/scenario.ts';

const [seeds = 10, years = 6] = process.argv.slice(2).map(Number);
const INCUBATE = ['committee-hosts-organization', 'social-worker-incubates-organization'];
const RECRUIT = ['committee-mobilises-volunteer', 'social-worker-recruits-volunteer'];
const sums = new Map<string, number>();
for (let seed = 1; seed <= seeds; seed++) {
  const v = validateScenario({
    id: 'dongting',
    seed,
    ticks: years * 52,
    residents: 15000,
    strategy: 'balanced',
    initial: { community: 0.5, organizations: 0.3, socialWorkers: 0.3, volunteers: 0.2, charity: 0.1 },
    parameters: JSON.parse(process.env.WUSHE_PARAMETERS ?? '{}'),
  });
  if (!v.ok) throw new Error(v.errors.join('; '));
  for (const f of runScenario(v.scenario).summary.flows)
    sums.set(f.mechanism, (sums.get(f.mechanism) ?? 0) + f.count / seeds / years);
}
for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1]))
  console.log(`${k.padEnd(45)} ${v.toFixed(2)} / year`);
const sum = (ids: string[]) => ids.reduce((a, id) => a + (sums.get(id) ?? 0), 0);
console.log(
  `\nincubated by the base: ${sum(INCUBATE).toFixed(2)} organisations a year (东亭: 34 since 2014 ≈ 5 a year)`,
);
console.log(
  `recruited by the base: ${sum(RECRUIT).toFixed(1)} volunteers a year (东亭 patrol: <50 in 2016 to >400 in 2020 ≈ 90 a year)`,
);
