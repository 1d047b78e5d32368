/**
 * The Hubei survey with every linkage channel on and with all of them knocked out (docs/validation.md,
 * "Knock-out"): coverage, help received, improvement, and how well the published improvement figures
 * can be refitted in each case. Runs the replicates on the Node worker pool.
 *
 *   npx tsx scripts/knockout-table.ts [--seeds 8] [--first 101] [--write docs/validation.md]
 *
 * With --write, the table replaces the text between the `knockout-table` markers in that file.
 * "All linkage" is defined in src/analysis/knockout.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { calibrate } from '../src/analysis/calibrate.ts';
import { withoutLinkage } from '../src/analysis/knockout.ts';
import { HUBEI_2020 } from '../src/analysis/published.ts';
import { INDICATORS, type Respondent, report, summarise } from '../src/analysis/survey.ts';
import { validateTargets } from '../src/analysis/targets.ts';
import { ELEMENTS } from '../src/model/elements.ts';
import { type Scenario, validateScenario } from '../src/model/scenario.ts';
import { createNodePool, defaultWorkers } from '../src/worker/node.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const seedCount = Number(flag('--seeds', '8'));
const first = Number(flag('--first', '101'));
const write = flag('--write', '');

const root = new URL('../', import.meta.url);
const file = JSON.parse(readFileSync(new URL('scenarios/hubei-2020.json', root), 'utf8'));
const targetsFile = JSON.parse(
  readFileSync(new URL('scenarios/targets/hubei-2020.targets.json', root), 'utf8'),
);

function scenarioOf(json: Record<string, unknown>): Scenario {
  const r = validateScenario(json);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

const seeds = Array.from({ length: seedCount }, (_, k) => first + k);
const on = scenarioOf(file);
const off = withoutLinkage(file);
const pool = await createNodePool(Math.min(defaultWorkers(), 2 * seeds.length));
const rowsOf = async (scenario: Scenario): Promise<Respondent[][]> => {
  const out: Respondent[][] = [];
  let error: string | undefined;
  await pool.run(
    seeds.map((seed, id) => ({ id, scenario: { ...scenario, seed }, survey: { respondents: HUBEI_2020.n } })),
    (o) => {
      if (o.respondents) out[o.id] = o.respondents;
      else error ??= o.error ?? 'no respondents';
    },
  );
  if (error !== undefined) throw new Error(`survey replicate failed: ${error}`);
  return out;
};
let rows: Record<'on' | 'off', Respondent[][]>;
try {
  rows = { on: await rowsOf(on), off: await rowsOf(off.scenario) };
} finally {
  await pool.close();
}

const summaryOf = (r: Respondent[][]) =>
  summarise(
    r.map((seedRows, k) => report(seedRows, seeds[k], new Set(seedRows.map((x) => x.community)).size)),
  );
const mean = (r: Respondent[][], pick: (x: Respondent) => number) => {
  const all = r.flat();
  return all.reduce((s, x) => s + pick(x), 0) / all.length;
};

/** Refit of the measurement model alone to the eight published improvement figures, on these respondents. */
async function refit(json: Record<string, unknown>, r: Respondent[][]) {
  const checked = validateTargets({
    ...targetsFile,
    replicates: seeds.length,
    seed: seeds[0],
    evaluations: 120,
    indicators: targetsFile.indicators
      .filter((t: { name: string }) => t.name.startsWith('improved.'))
      .map((t: Record<string, unknown>) => ({ ...t, holdout: false })),
    parameters: targetsFile.parameters.filter((p: { path: string }) => p.path.startsWith('measurement.')),
    stages: undefined,
  });
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  const result = await calibrate(json, checked.targets, {
    run: async () => r,
    crossValidation: 0,
  });
  const gaps = result.fit.map((f) => Math.abs(f.gap ?? 0));
  return Math.max(...gaps);
}

const s = { on: summaryOf(rows.on), off: summaryOf(rows.off) };
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pts = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)}`;
const lines = [
  `Measured with \`npx tsx scripts/knockout-table.ts --seeds ${seedCount} --first ${first}\` on the shipped`,
  `scenario, seeds ${seeds[0]}–${seeds[seeds.length - 1]}, ${HUBEI_2020.n} respondents each; linkage knocked out through ${off.how}.`,
  '',
  '| indicator | published | all linkage on | all linkage knocked out | difference (points) |',
  '|---|---|---|---|---|',
];
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
const row = (name: string, published: string, a: number, b: number, percent = true) =>
  lines.push(
    `| ${name} | ${published} | ${percent ? pct(a) : a.toFixed(3)} | ${percent ? pct(b) : b.toFixed(3)} | ${percent ? pts(b - a) : signed(b - a)} |`,
  );
for (const e of ELEMENTS) {
  const p = HUBEI_2020.coverage[e];
  const range = HUBEI_2020.coverageRange[e];
  row(
    `served by ${e}`,
    p !== undefined ? pct(p) : range ? `${range[0] * 100}–${range[1] * 100}%` : '—',
    s.on.coverage[e].mean,
    s.off.coverage[e].mean,
  );
}
const served = (x: Respondent) => ELEMENTS.reduce((n, e) => n + x.served[e], 0);
row('elements that served a respondent (of 5)', '—', mean(rows.on, served), mean(rows.off, served), false);
for (const [k, need] of [
  [0, 'psychological'],
  [1, 'material'],
  [2, 'social'],
] as const) {
  row(
    `help received, ${need} need (need units)`,
    '—',
    mean(rows.on, (x) => x.help[k]),
    mean(rows.off, (x) => x.help[k]),
    false,
  );
}
for (const [name] of INDICATORS) {
  const p = HUBEI_2020.improved[name];
  row(
    `improved: ${name}`,
    p !== undefined ? pct(p) : 'least',
    s.on.improved[name].mean,
    s.off.improved[name].mean,
  );
}
const worst = { on: await refit(file, rows.on), off: await refit(off.file, rows.off) };
lines.push(
  `| largest miss of the 8 improvement figures after refitting the measurement model alone | — | ${(100 * worst.on).toFixed(1)} points | ${(100 * worst.off).toFixed(1)} points | |`,
);
const table = lines.join('\n');

if (write) {
  const path = new URL(write, `file://${process.cwd()}/`);
  const text = readFileSync(path, 'utf8');
  const start = '<!-- knockout-table:start -->';
  const end = '<!-- knockout-table:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${write}: no ${start} … ${end} markers`);
  writeFileSync(path, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`);
  process.stderr.write(`wrote the knock-out table into ${write}\n`);
} else process.stdout.write(`${table}\n`);
