import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { HUBEI_2020 } from '../analysis/published.ts';
import {
  INDICATORS,
  type Respondent,
  type SurveyReport,
  type SurveySummary,
  summarise,
  surveyOnce,
} from '../analysis/survey.ts';
import { ELEMENTS } from '../model/elements.ts';
import { loadScenario } from './io.ts';
import { collect, integerFor, positiveInt } from './options.ts';
import { prepareOutDir } from './outDir.ts';
import { formatTable } from './surveyTable.ts';

const SURVEY_FILES = ['respondents.csv', 'report.json'] as const;

interface SurveyOptions {
  seed?: number;
  seeds: number;
  respondents: number;
  set?: string[];
  out: string;
  quiet?: boolean;
  force?: boolean;
}

const EXAMPLES = `
Examples:
  $ wushe survey scenarios/hubei-2020.json --out out/survey
  $ wushe survey scenarios/hubei-2020.json --seeds 10 --out out/survey-10

Runs every community of the scenario's ensemble (a scenario without one is a single community),
samples respondents from the programme's target group as the Hubei study did, and writes
respondents.csv (one row per respondent and seed) and report.json (coverage, improvements and the
community-fixed-effects regressions, the published figures and the gaps). With --seeds K the report
gives each figure's mean over seeds seed … seed+K−1 with a 95% interval.`;

export function surveyCommand(): Command {
  return new Command('survey')
    .description('run a virtual survey of the simulated communities, as the Hubei 2020 study did')
    .argument('<scenario>', 'scenario file (JSON), usually an ensemble such as scenarios/hubei-2020.json')
    .requiredOption(
      '--out <dir>',
      'folder for respondents.csv and report.json (created if missing; must be empty)',
    )
    .option('--force', 'write into a folder that is not empty, replacing only this command’s files')
    .option('--seed <n>', 'first seed (default: the scenario’s)', integerFor('seed'))
    .option('--seeds <k>', 'number of seeds to run', positiveInt('seeds', 1000), 1)
    .option('--respondents <n>', 'respondents in all', positiveInt('respondents', 1_000_000), HUBEI_2020.n)
    .option('--set <path=value>', 'override a scenario field by its dotted path (repeatable)', collect)
    .option('-q, --quiet', 'no progress on stderr')
    .addHelpText('after', EXAMPLES)
    .action((file: string, opts: SurveyOptions) => survey(file, opts));
}

function survey(file: string, opts: SurveyOptions): void {
  const { seeds, respondents } = opts;
  const { scenario } = loadScenario(file, { set: opts.set });
  prepareOutDir(opts.out, { files: SURVEY_FILES, force: opts.force });
  const first = opts.seed ?? scenario.seed;
  const progress = !opts.quiet && process.stderr.isTTY;
  const reports: SurveyReport[] = [];
  const rows: string[] = [csvHeader()];
  for (let k = 0; k < seeds; k++) {
    const seed = first + k;
    const result = surveyOnce(scenario, seed, respondents, (done, total) => {
      if (progress) process.stderr.write(`\rseed ${k + 1}/${seeds}: community ${done}/${total}`);
    });
    reports.push(result.report);
    for (const r of result.respondents) rows.push(csvRow(seed, r));
  }
  if (progress) process.stderr.write('\r\x1b[K');
  const summary = summarise(reports);
  writeFileSync(join(opts.out, 'respondents.csv'), `${rows.join('\n')}\n`);
  writeFileSync(join(opts.out, 'report.json'), `${JSON.stringify(reportJson(summary, reports), null, 2)}\n`);
  process.stdout.write(formatTable(summary));
  if (!opts.quiet) process.stderr.write(`wrote respondents.csv, report.json to ${opts.out}\n`);
}

function csvHeader(): string {
  return [
    'seed',
    'community',
    'resident',
    ...ELEMENTS.map((e) => `served_${e}`),
    ...INDICATORS.map(([name]) => `improved_${name}`),
    'belonging',
    'trust',
  ].join(',');
}

function csvRow(seed: number, r: Respondent): string {
  return [
    seed,
    r.community,
    r.resident,
    ...ELEMENTS.map((e) => r.served[e]),
    ...INDICATORS.map(([name]) => r.improved[name]),
    round(r.belonging),
    round(r.trust),
  ].join(',');
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** report.json: the fields the issue fixes (means over seeds) plus intervals, gaps and the published figures. */
export function reportJson(s: SurveySummary, reports: SurveyReport[]) {
  const means = <K extends string>(o: Record<K, { mean: number }>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round((v as { mean: number }).mean)])) as Record<
      K,
      number
    >;
  const regressionFit = (k: 'belonging' | 'trust') => ({
    coef: round(s.regression[k].coef.mean),
    se: round(s.regression[k].se.mean),
    p: round(s.regression[k].p.mean),
    significantShare: s.regression[k].significantShare,
  });
  return {
    n: s.n,
    communities: s.communities,
    seeds: s.seeds,
    coverage: means(s.coverage),
    improved: means(s.improved),
    regression: { belonging: regressionFit('belonging'), trust: regressionFit('trust') },
    standardErrors: s.standardErrors,
    intervals:
      s.seeds.length > 1
        ? { coverage: s.coverage, improved: s.improved, regression: s.regression }
        : undefined,
    published: s.published,
    gap: s.gap,
    perSeed: reports,
  };
}
