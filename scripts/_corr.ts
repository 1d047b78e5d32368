import { meanOver } from '../src/analysis/patterns/common.ts';
import { KNOCKOUT_BASE } from '../src/analysis/patterns/knockouts.ts';
import { runScenario } from '../src/analysis/summary.ts';
import { validateScenario } from '../src/model/scenario.ts';
const id = process.argv[2]; const target = process.argv[3]; const N = Number(process.argv[4] ?? 30);
const run = (f: object, seed: number) => { const v = validateScenario({ ...f, seed }); if (!v.ok) throw new Error(v.errors.join()); return runScenario(v.scenario).summary; };
const a: number[] = [], b: number[] = [];
for (let seed = 1; seed <= N; seed++) {
  const s0 = run(KNOCKOUT_BASE, seed), s1 = run({ ...KNOCKOUT_BASE, knockouts: [id] }, seed);
  a.push(meanOver(s0, `strength.${target}`, 1, 104)); b.push(meanOver(s1, `strength.${target}`, 1, 104));
}
const m = (x: number[]) => x.reduce((p, q) => p + q, 0) / x.length;
const sd = (x: number[]) => Math.sqrt(x.reduce((p, q) => p + (q - m(x)) ** 2, 0) / (x.length - 1));
const d = a.map((x, i) => b[i] - x);
const ma = m(a), mb = m(b);
const cov = a.reduce((p, x, i) => p + (x - ma) * (b[i] - mb), 0) / (N - 1);
console.log(`${id}: sd with ${sd(a).toFixed(4)}, without ${sd(b).toFixed(4)}, paired diff mean ${m(d).toFixed(4)} sd ${sd(d).toFixed(4)}, correlation ${(cov / sd(a) / sd(b)).toFixed(3)}`);
