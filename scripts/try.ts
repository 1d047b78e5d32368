import { readFileSync } from 'node:fs';
import { runScenario } from '../src/engine/run.ts';
import { parseScenario } from '../src/model/parse.ts';

const file = process.argv[2];
const seeds = Number(process.argv[3] ?? 1);
const sets = process.argv.slice(4);
const counts: Record<string, number> = {};
for (let seed = 1; seed <= seeds; seed++) {
  const obj = JSON.parse(readFileSync(file, 'utf8'));
  obj.seed = seed;
  for (const s of sets) {
    const [k, v] = s.split('=');
    const ks = k.split('.');
    let o = obj;
    for (const x of ks.slice(0, -1)) o = o[x] ??= {};
    o[ks[ks.length - 1]] = Number.isNaN(Number(v)) ? v : Number(v);
  }
  const r = parseScenario(JSON.stringify(obj));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  const t0 = performance.now();
  const { summary } = runScenario(r.scenario);
  const ms = performance.now() - t0;
  counts[summary.pathway.mode] = (counts[summary.pathway.mode] ?? 0) + 1;
  if (seeds <= 3) {
    console.log(
      JSON.stringify(
        { pathway: summary.pathway, initial: summary.initial, final: summary.final, ms },
        null,
        1,
      ),
    );
    console.log(
      summary.flows.map((f) => `${f.from}->${f.to} ${f.mechanism} ${f.count} ${f.strength}`).join('\n'),
    );
    console.log(JSON.stringify(summary.outcomes));
  } else console.log(seed, summary.pathway.mode, JSON.stringify(summary.pathway.rollIn), ms.toFixed(0));
}
console.log(counts);
