/**
 * The base's own tempo against published case figures, in a community like 东亭 (Wuchang, Wuhan:
 * about 15,000 residents, a dozen committee staff, many capable retirees), averaged over seeds
 * 1 … N: organisations incubated, volunteers recruited and donors linked a year through the
 * committee's and the social workers' direct channels, and the weekly giving of the donors the base
 * linked, at the end of the run.
 *
 *   npx tsx scripts/base-tempo.ts [seeds = 10] [years = 6]
 *
 * `WUSHE_PARAMETERS` (JSON) overrides parameters, for fitting.
 */
import { runSummary } from '../src/analysis/summary.ts';
import { Simulation } from '../src/engine/run.ts';
import { COMMUNITY, SOCIAL_WORKERS } from '../src/model/elements.ts';
import { validateScenario } from '../src/model/scenario.ts';

const [seeds = 10, years = 6] = process.argv.slice(2).map(Number);
const INCUBATE = ['committee-hosts-organization', 'social-worker-incubates-organization'];
const RECRUIT = ['committee-mobilises-volunteer', 'social-worker-recruits-volunteer'];
const LINK = ['committee-introduces-resources', 'social-worker-raises-funds'];
const sums = new Map<string, number>();
let baseGiving = 0;
let allGiving = 0;
let volunteerShare = 0;
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
  const sim = new Simulation(v.scenario);
  while (!sim.done) sim.step();
  for (const f of runSummary(sim).flows)
    sums.set(f.mechanism, (sums.get(f.mechanism) ?? 0) + f.count / seeds / years);
  const d = sim.world.donors;
  for (let k = 0; k < d.used; k++) {
    if (!d.alive[k]) continue;
    allGiving += d.gift[k] / seeds;
    if (d.recruitedBy[k] === COMMUNITY || d.recruitedBy[k] === SOCIAL_WORKERS)
      baseGiving += d.gift[k] / seeds;
  }
  volunteerShare += (sim.world.counters.volunteers + sim.world.counters.cores) / 15000 / seeds;
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
console.log(`donors linked by the base: ${sum(LINK).toFixed(1)} a year`);
console.log(
  `weekly giving at the end: ${baseGiving.toFixed(0)} yuan from donors the base linked, ${allGiving.toFixed(0)} from all donors`,
);
console.log(`volunteers and core volunteers at the end: ${(100 * volunteerShare).toFixed(1)}% of residents`);
