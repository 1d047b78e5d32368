/**
 * `npx tsx scripts/pattern-diagnosis.ts [seeds] [part] [residents]`: the measurements behind docs/validation.md
 * ("Why the other patterns fail") for two patterns of the battery, over seeds 1..N:
 *
 * - `near` (`practice-charity-led`, its profile with organisations at 0.45): per seed the mode, the
 *   roll-in weeks of charity and organisations, the robustness share, and through which mechanisms
 *   organisations had engaged the people that rolled them in; then the same profile with that
 *   mechanism knocked out, and with charity weak (0.2), to tell whose doing the early roll-in is.
 * - `projects` (`knockout-projects`): the paired difference in organisations averaged over the run,
 *   without − with projects (mean, standard deviation, 95% t interval, and the seeds an interval of
 *   that width would need to exclude 0), the same for the organisations' strength, and the
 *   organisations founded during the run by who founded them; `residents` sets the community's
 *   size (the battery's 3,000 unless given).
 *
 * Nothing is typed in: every figure the docs quote from here is printed by this command.
 */
import { readFileSync } from 'node:fs';
import { meanInterval } from '../src/analysis/intervals.ts';
import { meanOver } from '../src/analysis/patterns/common.ts';
import { KNOCKOUT_BASE } from '../src/analysis/patterns/knockouts.ts';
import { runSummary } from '../src/analysis/summary.ts';
import { MECHANISMS } from '../src/engine/mechanisms.ts';
import { PRODUCED_WIDTH, type RunSummary } from '../src/engine/result.ts';
import { Simulation } from '../src/engine/run.ts';
import { CHARITY, ELEMENTS, ORGANIZATIONS } from '../src/model/elements.ts';
import { parseScenario } from '../src/model/parse.ts';

const SEEDS = Number(process.argv[2] ?? 10);
const PART = process.argv[3] ?? 'all';
const RESIDENTS = Number(process.argv[4] ?? KNOCKOUT_BASE.residents);
const seeds = Array.from({ length: SEEDS }, (_, k) => k + 1);

type File = Record<string, unknown>;
function preset(id: string): File {
  const { $schema: _s, ...file } = JSON.parse(
    readFileSync(new URL(`../scenarios/${id}.json`, import.meta.url), 'utf8'),
  );
  return file;
}
function simulate(file: File, seed: number, events = false): Simulation {
  const v = parseScenario(JSON.stringify({ ...file, seed }));
  if (!v.ok) throw new Error(v.errors.join('\n'));
  const sim = new Simulation(v.scenario, { events });
  while (!sim.done) sim.step();
  return sim;
}
const withInitial = (file: File, initial: Record<string, number>, extra: File = {}): File => ({
  ...file,
  initial: { ...(file.initial as object), ...initial },
  ...extra,
});
const tally = (xs: string[]) => {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return JSON.stringify(out);
};

if (PART === 'all' || PART === 'near') {
  const near = withInitial(preset('charity-led'), { organizations: 0.45 });
  console.log(`## practice-charity-led: charity-led preset with organisations at 0.45 (${SEEDS} seeds)`);
  console.log(
    'seed | mode | charity rolls in | organisations roll in | robustness | what organisations engaged by then',
  );
  const modes: string[] = [];
  for (const seed of seeds) {
    const sim = simulate(near, seed);
    const p = runSummary(sim).pathway;
    modes.push(p.mode);
    const t = p.rollIn.organizations;
    const parts: string[] = [];
    if (t !== null)
      MECHANISMS.forEach((m, k) => {
        const n = sim.produced[t * PRODUCED_WIDTH + k * 5 + ORGANIZATIONS];
        if (n > 0) parts.push(`${m.id} ${n}`);
      });
    console.log(
      `${seed} | ${p.mode} | ${p.rollIn.charity ?? 'never'} | ${t ?? 'never'} | ${p.robustness?.share} | ${parts.join(', ')}`,
    );
  }
  console.log(`modes: ${tally(modes)}`);
  for (const [name, file] of [
    ['capable-members-volunteer knocked out', { ...near, knockouts: ['capable-members-volunteer'] }],
    ['charity at 0.2 instead of 0.7', withInitial(near, { charity: 0.2 })],
  ] as [string, File][]) {
    const runs = seeds.map((seed) => runSummary(simulate(file, seed)).pathway);
    const weeks = runs.map((p) => p.rollIn.organizations ?? 'never').join(', ');
    console.log(`${name}: modes ${tally(runs.map((p) => p.mode))}; organisations roll in at weeks ${weeks}`);
  }
  console.log('');
}

if (PART === 'all' || PART === 'projects') {
  const projects = MECHANISMS.filter((m) => m.project).map((m) => m.id);
  const arms = { ...KNOCKOUT_BASE, residents: RESIDENTS };
  const off = { ...arms, knockouts: projects };
  console.log(
    `## knockout-projects: the middling community (every element 0.4, balanced), ${RESIDENTS} residents, ${SEEDS} seeds`,
  );
  const count: number[] = [];
  const strength: number[] = [];
  const founded = [new Float64Array(6), new Float64Array(6)];
  const level = [0, 0];
  for (const seed of seeds) {
    const runs: RunSummary[] = [];
    for (const [arm, file] of [arms, off].entries()) {
      const sim = simulate(file, seed, true);
      const s = runSummary(sim);
      runs.push(s);
      level[arm] += meanOver(s, 'organizations', 1, s.ticks) / SEEDS;
      // organisations founded during the run, by the element that founded them; charity's split
      // into grants (index 4) and projects' money (index 5)
      const orgs = sim.world.organizations;
      for (let o = 0; o < orgs.used; o++)
        if (orgs.founded[o] >= 1) founded[arm][orgs.foundedBy[o]] += 1 / SEEDS;
      for (const e of sim.events())
        if (e.mechanism === 'project-funding' && e.target === 'organizations' && e.amount === 0) {
          founded[arm][CHARITY] -= 1 / SEEDS;
          founded[arm][5] += 1 / SEEDS;
        }
    }
    const [base, without] = runs;
    count.push(meanOver(without, 'organizations', 1, 104) - meanOver(base, 'organizations', 1, 104));
    strength.push(
      meanOver(without, 'strength.organizations', 1, 104) - meanOver(base, 'strength.organizations', 1, 104),
    );
  }
  for (const [name, xs] of [
    ['organisations averaged over weeks 1–104, without − with', count],
    ['organisations\u2019 strength averaged over weeks 1–104, without − with', strength],
  ] as [string, number[]][]) {
    const m = meanInterval(xs);
    const [mean, low, high] = [m.mean ?? Number.NaN, m.low ?? Number.NaN, m.high ?? Number.NaN];
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
    const needed = mean !== 0 ? Math.ceil(((1.96 * sd) / mean) ** 2) : Number.POSITIVE_INFINITY;
    console.log(
      `${name}: mean ${mean.toFixed(4)} (95% interval ${low.toFixed(4)}–${high.toFixed(4)}), sd ${sd.toFixed(4)}; seeds for the interval to exclude 0 at this mean and sd: about ${needed}`,
    );
  }
  console.log(
    `organisations (mean over the run): with projects ${level[0].toFixed(2)}, without ${level[1].toFixed(2)}`,
  );
  const who = [
    'committee',
    'organisations',
    'social workers',
    'core volunteers',
    'grants',
    'projects\u2019 money',
  ];
  const idx = [0, 1, 2, 3, 4, 5].filter((i) => i !== ORGANIZATIONS);
  for (const [arm, name] of ['with projects', 'without'].entries())
    console.log(
      `organisations founded per run ${name}: ${idx.map((i) => `${who[i]} ${founded[arm][i].toFixed(2)}`).join(', ')}`,
    );
  console.log(`(elements: ${ELEMENTS.join(', ')})`);
}
