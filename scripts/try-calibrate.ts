import { readFileSync } from 'node:fs';
import { calibrate, validateTargets } from '../src/analysis/calibrate.ts';

const file = JSON.parse(readFileSync('scenarios/hubei-2020.json', 'utf8'));
const t = validateTargets(JSON.parse(readFileSync('scenarios/targets/hubei-2020.targets.json', 'utf8')));
if (!t.ok) throw new Error(t.errors.join('\n'));
if (process.argv[2]) t.targets.evaluations = Number(process.argv[2]);
const t0 = performance.now();
const r = calibrate(file, t.targets, (row) => {
  if (row.evaluation % 10 === 0)
    console.error(
      row.evaluation,
      row.stage,
      row.objective.toFixed(2),
      ((performance.now() - t0) / 1000).toFixed(0) + 's',
    );
});
console.log(JSON.stringify(r.values, null, 1));
for (const f of r.fit)
  console.log(
    f.name.padEnd(40),
    f.observed ?? `${f.min}-${f.max}`,
    f.simulated.toFixed(4),
    f.ok ? 'ok' : 'MISS',
  );
