/**
 * Writes the Hubei tables of docs/validation.md from the outputs of the commands that measure them:
 *
 *   wushe calibrate scenarios/hubei-2020.json --targets scenarios/targets/hubei-2020.targets.json --out out/fit
 *   wushe survey scenarios/hubei-2020.json --seed 101 --seeds 20 --out out/survey
 *   npx tsx scripts/hubei-tables.ts --fit out/fit/fit.json --survey out/survey/report.json --write docs/validation.md
 *
 * Each table replaces the text between its markers (`hubei-fit`, `hubei-survey`, `hubei-oos`);
 * without --write the tables are printed.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const fitPath = flag('--fit');
const surveyPath = flag('--survey');
const write = flag('--write');
if (!fitPath || !surveyPath) {
  process.stderr.write(
    'usage: hubei-tables.ts --fit FIT.json --survey REPORT.json [--write docs/validation.md]\n',
  );
  process.exit(2);
}
const fit = JSON.parse(readFileSync(fitPath, 'utf8'));
const survey = JSON.parse(readFileSync(surveyPath, 'utf8'));

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
const pts = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)}`;
const num = (x: number) => Number(x.toPrecision(3)).toString();

interface FitRow {
  name: string;
  holdout: boolean;
  observed: number | null;
  min: number | null;
  max: number | null;
  simulated: number;
  gap: number | null;
}
const rows: FitRow[] = fit.fit;
const values: Record<string, number> = fit.values;

/** What each free parameter is fitted to. */
const FITTED_TO: Record<string, [string, string]> = {
  'parameters.socialWorkers.targetFocus': ["social workers' target focus", 'served by social workers'],
  'parameters.community.targetFocus': ["committee's target focus", 'served by the community'],
  'parameters.charity.targetFocus': ["charity aid's target focus", 'served by charity (range)'],
  'parameters.projects.targetFocus': [
    "projects' target focus",
    'served by organisations and volunteers (ranges)',
  ],
  'parameters.projects.contactsPerWeek': [
    "projects' contacts per week",
    'served by organisations and volunteers (ranges)',
  ],
  'parameters.charity.aidShare': ["charity's weekly aid share", 'served by charity (range)'],
  'parameters.volunteers.visitsPerWeek': [
    "volunteers' visits per week",
    'served by volunteers, organisations (ranges)',
  ],
  'parameters.services.firstBelongingGain': [
    'first-contact belonging gain',
    'belonging coefficient, significance',
  ],
  'parameters.services.firstTrustGain': ['first-contact trust gain', 'trust coefficient, significance'],
};
const PSYCHOLOGICAL = ['anxiety', 'sleep', 'appetite', 'hope', 'depression'];
const items = (line: string) =>
  rows
    .filter((r) => r.name.startsWith('improved.') && !r.holdout)
    .map((r) => r.name.slice('improved.'.length))
    .filter((n) => (line === 'psychological' ? PSYCHOLOGICAL.includes(n) : !PSYCHOLOGICAL.includes(n)));
const held = rows.filter((r) => r.holdout).map((r) => r.name.slice(r.name.indexOf('.') + 1));

const fitTable = ['| free parameter | fitted value | figures it is fitted to |', '|---|---|---|'];
for (const [path, v] of Object.entries(values)) {
  if (path.startsWith('measurement.')) continue;
  const [label, to] = FITTED_TO[path] ?? [path, '—'];
  fitTable.push(`| ${label} | ${num(v)} | ${to} |`);
}
for (const line of ['psychological', 'social']) {
  const level = values[`measurement.level.${line}`];
  const step = values[`measurement.step.${line}`];
  if (level === undefined) continue;
  const heldHere = held.filter((h) => PSYCHOLOGICAL.includes(h) === (line === 'psychological'));
  fitTable.push(
    `| ${line} level, step | ${num(level)}, ${num(step)} | ${items(line).join(', ')}${heldHere.length ? ` (${heldHere.join(' and ')} held out)` : ''} |`,
  );
}
const id = fit.identification;
fitTable.push(
  '',
  `${id.parameters} free parameters (${id.measurementParameters} of them the measurement model) against ${id.fittedFigures} published figures in the fit and ${id.fittedRanges} ranges or bounds, with ${id.heldOut} more figures held out; ${fit.evaluations} evaluations, ${fit.simulatedEvaluations} of them running the communities (budget ${fit.budget}), ${fit.seconds} s on ${fit.workers} worker threads (\`fit.json\`).`,
);

const NAMES: Record<string, string> = {
  socialWorkers: 'served by social workers',
  community: 'served by the community',
  organizations: 'served by organisations',
  volunteers: 'served by volunteers',
  charity: 'served by charity',
  anxiety: 'anxiety lower',
  sleep: 'sleep better',
  appetite: 'appetite better',
  hope: 'found hope or meaning',
  depression: 'depression improved',
  integration: 'community integration',
  socialRelations: 'social relations',
  familyRelations: 'family relations',
};
const iv = survey.intervals;
const pub = survey.published;
const surveyTable = ['| indicator | published | simulated | 95% interval | gap |', '|---|---|---|---|---|'];
const interval = (v: { mean: number; low: number; high: number }) => `${pct(v.low)}–${pct(v.high)}`;
for (const e of ['socialWorkers', 'community', 'organizations', 'volunteers', 'charity']) {
  const v = iv.coverage[e];
  const p = pub.coverage[e];
  const range = pub.coverageRange[e];
  const inRange = range && v.mean >= range[0] && v.mean <= range[1] ? 'in range' : 'outside the range';
  surveyTable.push(
    p !== undefined
      ? `| ${NAMES[e]} | ${pct(p, 2)} | ${pct(v.mean)} | ${interval(v)} | ${pts(v.mean - p)} |`
      : `| ${NAMES[e]} | ${range[0] * 100}–${range[1] * 100}%${e === 'organizations' ? '' : ', among the weakest'} | ${pct(v.mean)} | ${interval(v)} | ${inRange} |`,
  );
}
const heldNames = new Set(held);
for (const k of [
  'anxiety',
  'sleep',
  'appetite',
  'hope',
  'depression',
  'integration',
  'socialRelations',
  'familyRelations',
]) {
  const v = iv.improved[k];
  surveyTable.push(
    `| ${NAMES[k]}${heldNames.has(k) ? ' (held out)' : ''} | ${pct(pub.improved[k])} | ${pct(v.mean)} | ${interval(v)} | ${pts(v.mean - pub.improved[k])} |`,
  );
}
const material = iv.improved.economicAid;
const psychMin = Math.min(
  ...['anxiety', 'sleep', 'appetite', 'hope', 'depression'].map((k) => iv.improved[k].mean),
);
surveyTable.push(
  `| economic aid, medical aid, employment help | received least | ${pct(material.mean)} each | ${interval(material)} | ${material.mean < psychMin ? 'below every psychological figure' : 'NOT below every psychological figure'} |`,
);
for (const k of ['belonging', 'trust']) {
  const r = survey.regression[k];
  surveyTable.push(
    `| ${k} ~ social-worker service (community FE) | +${pub.regression[k].toFixed(3)}, significant | ${r.coef >= 0 ? '+' : ''}${r.coef.toFixed(3)} (se ${r.se.toFixed(3)}) | significant in ${Math.round(100 * r.significantShare)}% of seeds | ${r.coef - pub.regression[k] >= 0 ? '+' : '−'}${Math.abs(r.coef - pub.regression[k]).toFixed(3)} |`,
  );
}
surveyTable.push('', `Seeds ${survey.seeds[0]}–${survey.seeds[survey.seeds.length - 1]} (\`report.json\`).`);

const cv: { name: string; observed: number; predicted: number; error: number }[] = fit.crossValidation;
const oos = [
  '| figure | published | in the fit | predicted by the fit (held out) | predicted, leave-one-out | error, leave-one-out |',
  '|---|---|---|---|---|---|',
];
for (const c of cv) {
  const k = c.name.slice('improved.'.length);
  const f = rows.find((r) => r.name === c.name) as FitRow;
  oos.push(
    `| ${NAMES[k]} | ${pct(c.observed)} | ${f.holdout ? '—' : pct(f.simulated)} | ${f.holdout ? `${pct(f.simulated)} (${pts(f.gap ?? 0)})` : '—'} | ${pct(c.predicted)} | ${pts(c.error)} |`,
  );
}
const mae = (list: typeof cv) => list.reduce((s, c) => s + Math.abs(c.error), 0) / Math.max(1, list.length);
const psychological = cv.filter((c) => /anxiety|sleep|appetite|hope|depression/.test(c.name));
const social = cv.filter((c) => !psychological.includes(c));
oos.push(
  '',
  `Held out of the fit: mean absolute error ${(100 * fit.heldOut.meanAbsoluteError).toFixed(1)} points, largest ${(100 * fit.heldOut.maxAbsoluteError).toFixed(1)}. Leave-one-out: mean absolute error ${(100 * mae(cv)).toFixed(1)} points over the ${cv.length} figures — ${(100 * mae(psychological)).toFixed(1)} over the psychological ones, ${(100 * mae(social)).toFixed(1)} over the social ones.`,
);

const tables: Record<string, string> = {
  'hubei-fit': fitTable.join('\n'),
  'hubei-survey': surveyTable.join('\n'),
  'hubei-oos': oos.join('\n'),
};
if (write) {
  let text = readFileSync(write, 'utf8');
  for (const [marker, table] of Object.entries(tables)) {
    const start = `<!-- ${marker}:start -->`;
    const end = `<!-- ${marker}:end -->`;
    const a = text.indexOf(start);
    const b = text.indexOf(end);
    if (a < 0 || b < a) throw new Error(`${write}: no ${start} … ${end} markers`);
    text = `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`;
  }
  writeFileSync(write, text);
  process.stderr.write(`wrote ${Object.keys(tables).join(', ')} into ${write}\n`);
} else {
  for (const [marker, table] of Object.entries(tables)) process.stdout.write(`${marker}\n\n${table}\n\n`);
}
