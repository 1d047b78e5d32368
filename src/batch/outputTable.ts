import { REPORTERS } from '../engine/reporters.ts';
import { RUN_METRICS } from './metrics.ts';

const cell = (s: string) => s.replaceAll('|', '\\|');

/** docs/outputs.md: the reporters and the run metrics, generated from their declarations. */
export function outputTableMarkdown(): string {
  const lines = [
    '# Outputs',
    '',
    'Generated from `src/engine/reporters.ts` and `src/batch/metrics.ts` by `npm run docs:outputs`;',
    'do not edit by hand. To add an output, add one entry to `REPORTERS` (measured every week) or to',
    '`RUN_METRICS` (one value per run in sweeps).',
    '',
    '## Reporters',
    '',
    'Measured from the world at the end of every week. A reporter in the weekly series is a column of',
    '`series.csv` and of `series` in `wushe run --json`, and a line the web app can chart; `final`',
    'says where its value at the end of the run appears in the summary.',
    '',
    '| id | 中文 | meaning | unit | how it is computed | weekly series | final |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of REPORTERS) {
    const final = r.final === 'strength' ? '`final.strength`' : r.final === 'count' ? '`final.counts`' : '';
    lines.push(
      `| \`${r.id}\` | ${r.zh} | ${r.en} | ${r.unit} | ${cell(r.how)} | ${r.series === false ? 'no' : 'yes'} | ${final} |`,
    );
  }
  lines.push(
    '',
    '## Run metrics',
    '',
    'One value per run, in this order, in `runs.jsonl` of a sweep; the numeric ones are aggregated',
    '(mean, quantiles) in `summary.csv` and screened by Morris; the mode also gives mode shares.',
    '',
    '| key | 中文 | meaning | unit | how it is read | numeric |',
    '|---|---|---|---|---|---|',
  );
  for (const m of RUN_METRICS) {
    lines.push(
      `| \`${m.id}\` | ${m.zh} | ${m.en} | ${m.unit} | ${cell(m.how)} | ${m.numeric ? 'yes' : 'no'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
