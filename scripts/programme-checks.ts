/**
 * `npx tsx scripts/programme-checks.ts [seeds] [part]`: the measurements behind docs/programme.md,
 * on programmes/hubei-2020.json (part `survey`, `draws`, `rules` or `all`). Nothing is typed in.
 *
 * - survey: the Hubei virtual survey (618 respondents) at the end of the funded year, on the
 *   programme's 35 communities and on the 32 communities of scenarios/hubei-2020.json, against the
 *   published figures; mean [95% interval] over `seeds` seeds.
 * - draws: the same survey of the programme as shipped with its 35 communities drawn anew (the
 *   programme's `seed` draws them once, and every replicate keeps them): per draw the mean
 *   community size and a few figures over the same `seeds` replicate seeds, to see how much of a
 *   difference from the scenario's survey (which draws its communities anew for each seed) is the
 *   draw of communities.
 * - rules: the programme under each allocation rule and with no money at all (budget 0), on the
 *   same replicate seeds (common random numbers), on the worker pool: residents improved, cost per
 *   resident improved and per additional resident improved (paired with the no-money design), full
 *   linkage, equity, and what remained when the money ended and one and two years after.
 */
import { fileURLToPath } from 'node:url';
import { surveyProgramme } from '../src/analysis/programmeSurvey.ts';
import { HUBEI_2020 } from '../src/analysis/published.ts';
import { INDICATORS, summarise, surveyOnce } from '../src/analysis/survey.ts';
import { interval, type ProgrammeResult } from '../src/batch/programme.ts';
import { loadScenario } from '../src/cli/io.ts';
import { loadProgramme } from '../src/cli/programmeIo.ts';
import { ELEMENTS } from '../src/model/elements.ts';
import { runProgramme } from '../src/worker/nodeProgramme.ts';

const SEEDS = Number(process.argv[2] ?? 10);
const PART = process.argv[3] ?? 'all';
const FILE = fileURLToPath(new URL('../programmes/hubei-2020.json', import.meta.url));
const SCENARIO = fileURLToPath(new URL('../scenarios/hubei-2020.json', import.meta.url));

const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : `${(100 * x).toFixed(1)}%`);
const num = (x: number | null, d = 0) =>
  x === null || !Number.isFinite(x)
    ? '–'
    : x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const iv = (
  i: { mean: number | null; lo: number | null; hi: number | null },
  f: (x: number | null) => string,
) => (i.lo === null ? f(i.mean) : `${f(i.mean)} [${f(i.lo)}, ${f(i.hi)}]`);

function survey(): void {
  const { programme } = loadProgramme(FILE, [`weeks=52`]);
  const seeds = Array.from({ length: SEEDS }, (_, k) => programme.seed + k);
  const prog = summarise(seeds.map((s) => surveyProgramme(programme, s, HUBEI_2020.n)));
  // the same money spent on three workers a community: 84% of the budget on social work
  // (3 FTE at 80,000 yuan), the other 16% on project grants
  const three = loadProgramme(FILE, [
    'weeks=52',
    'instruments.socialWork.share=0.84',
    'instruments.projectGrants.share=0.16',
    'instruments.incentives.share=0',
    'instruments.paraTraining.share=0',
    'instruments.fundMatching.share=0',
  ]).programme;
  const prog3 = summarise(seeds.map((s) => surveyProgramme(three, s, HUBEI_2020.n)));
  const { scenario } = loadScenario(SCENARIO);
  const scen = summarise(seeds.map((s) => surveyOnce(scenario, s, HUBEI_2020.n).report));
  type I = { mean: number; low: number; high: number };
  const cell = (a: I) => `${pct(a.mean)} [${pct(a.low)}, ${pct(a.high)}]`;
  const row = (name: string, a: I, a3: I, b: I, published: string) =>
    `| ${name} | ${cell(a)} | ${cell(a3)} | ${cell(b)} | ${published} |`;
  console.log(`\n### Virtual survey after the funded year (${SEEDS} seeds, ${HUBEI_2020.n} respondents)\n`);
  console.log(
    '| figure | programme as shipped (35 communities) | programme, 84% on social work (3 FTE a community), 16% on grants | scenario (32 communities) | published |',
  );
  console.log('|---|---|---|---|---|');
  for (const e of ELEMENTS) {
    const pub = HUBEI_2020.coverage[e] ?? HUBEI_2020.coverageRange[e];
    const text = Array.isArray(pub)
      ? `${pct(pub[0])}–${pct(pub[1])}`
      : pub === undefined
        ? '–'
        : pct(pub as number);
    console.log(row(`served by ${e}`, prog.coverage[e], prog3.coverage[e], scen.coverage[e], text));
  }
  for (const [name] of INDICATORS) {
    const pub = HUBEI_2020.improved[name];
    console.log(
      row(
        `improved: ${name}`,
        prog.improved[name],
        prog3.improved[name],
        scen.improved[name],
        pub === undefined ? '"least"' : pct(pub),
      ),
    );
  }
  for (const k of ['belonging', 'trust'] as const)
    console.log(
      `| regression on ${k} (coef.) | ${prog.regression[k].coef.mean.toFixed(4)} | ${prog3.regression[k].coef.mean.toFixed(4)} | ${scen.regression[k].coef.mean.toFixed(4)} | ${HUBEI_2020.regression[k]} |`,
    );
}

function draws(): void {
  const base = loadProgramme(FILE, ['weeks=52']).programme;
  const seeds = Array.from({ length: SEEDS }, (_, k) => base.seed + k);
  console.log(
    `\n### The programme's survey with its communities drawn anew (${SEEDS} replicate seeds each, ${HUBEI_2020.n} respondents)\n`,
  );
  console.log(
    '| communities drawn with seed | mean residents | served by social workers | improved: anxiety | improved: sleep | improved: socialRelations |',
  );
  console.log('|---|---|---|---|---|---|');
  const anxiety: number[] = [];
  for (const draw of [base.seed, 1, 2, 3, 4, 5, 6, 7, 8, 9]) {
    const { programme } = loadProgramme(FILE, ['weeks=52', `seed=${draw}`]);
    const residents = programme.members.reduce((a, m) => a + m.residents, 0) / programme.members.length;
    const s = summarise(seeds.map((x) => surveyProgramme(programme, x, HUBEI_2020.n)));
    const cell = (a: { mean: number; low: number; high: number }) =>
      `${pct(a.mean)} [${pct(a.low)}, ${pct(a.high)}]`;
    anxiety.push(s.improved.anxiety.mean);
    console.log(
      `| ${draw}${draw === base.seed ? ' (as shipped)' : ''} | ${num(residents)} | ${cell(s.coverage.socialWorkers)} | ${cell(s.improved.anxiety)} | ${cell(s.improved.sleep)} | ${cell(s.improved.socialRelations)} |`,
    );
  }
  const mean = anxiety.reduce((a, b) => a + b, 0) / anxiety.length;
  console.log(
    `\nanxiety over the ${anxiety.length} draws: mean ${pct(mean)}, from ${pct(Math.min(...anxiety))} to ${pct(Math.max(...anxiety))}`,
  );
}

async function rules(): Promise<void> {
  const designs: [string, string[]][] = [
    ['no money (budget 0)', ['budget=0']],
    ['equal', ['allocation.rule=equal']],
    ['need', ['allocation.rule=need']],
    ['strength (扬长)', ['allocation.rule=strength']],
    ['weakness', ['allocation.rule=weakness']],
    ['lottery (half)', ['allocation.rule=lottery']],
  ];
  const results: [string, ProgrammeResult][] = [];
  for (const [name, set] of designs) {
    const { programme } = loadProgramme(FILE, set);
    const t = performance.now();
    results.push([name, await runProgramme(programme, { seeds: SEEDS, master: 2020 })]);
    process.stderr.write(`${name}: ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  const none = results[0][1];
  console.log(
    `\n### Allocation rules (${SEEDS} replicate seeds, common to every design; mean [95% interval])\n`,
  );
  console.log(
    '| design | residents improved | yuan per resident improved | additional residents improved (vs no money) | yuan per additional resident improved | communities at full linkage | yuan per community at full linkage | improved, worst-off tenth | Gini of improved share |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [name, r] of results) {
    const extra = r.metrics.map((m, k) => m.improved - none.metrics[k].improved);
    const perExtra = r.metrics.map((m, k) => (extra[k] > 0 ? m.spent / extra[k] : Number.NaN));
    const s = r.summary;
    console.log(
      `| ${name} | ${iv(s.improvedShare, pct)} | ${iv(s.yuanPerResidentImproved, num)} | ${iv(interval(extra), num)} | ${iv(interval(perExtra), num)} | ${iv(s.fullLinkage, (x) => num(x, 1))} | ${iv(s.yuanPerFullLinkage, num)} | ${iv(s.worstDecileImproved, pct)} | ${iv(s.giniImproved, (x) => num(x, 3))} |`,
    );
  }
  console.log(`\n### What remained (district totals over 35 communities; mean [95% interval])\n`);
  console.log(
    '| design | when | active volunteers | organisations | community funds (yuan) | social workers (FTE) | mean strength |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, r] of results) {
    for (const [when, key] of [
      ['money ends (week 52)', 'atFundingEnd'],
      ['one year after', 'yearsAfter1'],
      ['two years after', 'yearsAfter2'],
    ]) {
      const s = r.summary;
      console.log(
        `| ${name} | ${when} | ${iv(s[`${key}.volunteers`], num)} | ${iv(s[`${key}.organizations`], (x) => num(x, 1))} | ${iv(s[`${key}.fund`], num)} | ${iv(s[`${key}.socialWorkers`], (x) => num(x, 1))} | ${iv(s[`${key}.strength`], (x) => num(x, 3))} |`,
      );
    }
  }
  console.log(
    `\n### Lead over the no-money design (paired differences on the same seeds; mean [95% interval])\n`,
  );
  console.log(
    '| design | when | active volunteers | organisations | community funds (yuan) | social workers (FTE) | mean strength |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, r] of results.slice(1)) {
    for (const [when, key] of [
      ['money ends (week 52)', 'atFundingEnd'],
      ['one year after', 'yearsAfter1'],
      ['two years after', 'yearsAfter2'],
    ]) {
      const d = (k: string) =>
        interval(r.metrics.map((m, i) => m[`${key}.${k}`] - none.metrics[i][`${key}.${k}`]));
      console.log(
        `| ${name} | ${when} | ${iv(d('volunteers'), num)} | ${iv(d('organizations'), (x) => num(x, 1))} | ${iv(d('fund'), num)} | ${iv(d('socialWorkers'), (x) => num(x, 1))} | ${iv(d('strength'), (x) => num(x, 3))} |`,
      );
    }
  }
}

if (PART === 'all' || PART === 'survey') survey();
if (PART === 'all' || PART === 'draws') draws();
if (PART === 'all' || PART === 'rules') await rules();
