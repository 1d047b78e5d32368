/**
 * `npm run bench`: resident-ticks per second of the simulation core on one core, at 1k, 10k, 100k
 * and 1M residents, and the cost per resident-tick at 1M relative to 10k. All figures come from this
 * one run on this machine; nothing is typed in.
 */
import { readFileSync } from 'node:fs';
import { Simulation } from '../src/engine/run.ts';
import { parseScenario } from '../src/model/parse.ts';

const SIZES = [1_000, 10_000, 100_000, 1_000_000];
const preset = process.argv[2] ?? 'organization-led';
const budgetMs = Number(process.env.WUSHE_BENCH_MS ?? 3000);
const WEEKS = 26;

function scenarioOf(residents: number, ticks: number) {
  const file = JSON.parse(readFileSync(new URL(`../scenarios/${preset}.json`, import.meta.url), 'utf8'));
  const parsed = parseScenario(JSON.stringify({ ...file, residents, ticks }));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
}

/** Steps fresh simulations until the time budget is spent; returns resident-ticks per second. */
function measure(residents: number): { rate: number; ticks: number; setupMs: number } {
  // every size runs the same stretch of the same community's history (weeks 1–WEEKS), so sizes are compared like for like
  let stepped = 0;
  let spent = 0;
  let setupMs = 0;
  let runs = 0;
  while (spent < budgetMs || runs === 0) {
    const t0 = performance.now();
    const sim = new Simulation(scenarioOf(residents, WEEKS));
    setupMs += performance.now() - t0;
    // collect the previous run's community now, so that its garbage is not charged to this run's weeks
    collectGarbage();
    const t1 = performance.now();
    while (!sim.done) sim.step();
    spent += performance.now() - t1;
    stepped += sim.tick;
    runs++;
  }
  return { rate: (residents * stepped) / (spent / 1000), ticks: stepped, setupMs: setupMs / runs };
}

const collectGarbage: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});

// warm the JIT on a small community first, so the first size is not charged for compilation
measure(2_000);

console.log(
  `wushe benchmark: preset ${preset}, ~${budgetMs} ms per size, one core (Node ${process.version})`,
);
if (!(globalThis as { gc?: unknown }).gc)
  console.log('(run through `npm run bench` so that garbage collection is not charged to the weeks)');
console.log('residents   weeks run   set-up ms   resident-ticks/s   ns per resident-tick');
const rates = new Map<number, number>();
for (const n of SIZES) {
  const { rate, ticks, setupMs } = measure(n);
  rates.set(n, rate);
  console.log(
    `${String(n).padStart(9)}   ${String(ticks).padStart(9)}   ${setupMs.toFixed(0).padStart(9)}   ${(rate / 1e6).toFixed(2).padStart(14)} M   ${(1e9 / rate).toFixed(1).padStart(20)}`,
  );
}
const ratio = rates.get(10_000)! / rates.get(1_000_000)!;
console.log(`cost per resident-tick at 1M ÷ at 10k: ${ratio.toFixed(2)} (target ≤ 1.5)`);
console.log(`at 100k: ${(rates.get(100_000)! / 1e6).toFixed(2)} M resident-ticks/s (target ≥ 5)`);
