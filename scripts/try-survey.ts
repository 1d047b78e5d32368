import { readFileSync } from 'node:fs';
import { summarise, surveyOnce } from '../src/analysis/survey.ts';
import { applySet, parseScenario } from '../src/model/parse.ts';

const seeds = Number(process.argv[2] ?? 3);
const obj = JSON.parse(readFileSync('scenarios/hubei-2020.json', 'utf8'));
for (const s of process.argv.slice(3)) {
  const e = applySet(obj, s);
  if (e) throw new Error(e);
}
const r = parseScenario(JSON.stringify(obj));
if (!r.ok) throw new Error(r.errors.join('\n'));
const t0 = performance.now();
const reports = Array.from({ length: seeds }, (_, k) => surveyOnce(r.scenario, 1000 + k, 618).report);
const s = summarise(reports);
const f = (x: number) => (100 * x).toFixed(1);
console.log(
  'coverage',
  Object.entries(s.coverage)
    .map(([k, v]) => `${k} ${f(v.mean)}`)
    .join(', '),
);
console.log(
  'improved',
  Object.entries(s.improved)
    .map(([k, v]) => `${k} ${f(v.mean)}`)
    .join(', '),
);
for (const k of ['belonging', 'trust'] as const) {
  const g = s.regression[k];
  console.log(
    k,
    'coef',
    g.coef.mean.toFixed(4),
    'se',
    g.se.mean.toFixed(4),
    'p',
    g.p.mean.toFixed(3),
    'sig share',
    g.significantShare,
  );
}
console.log('ms', (performance.now() - t0).toFixed(0));
