import { existsSync, readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  type BatteryPlan,
  battery,
  evaluate,
  type Pattern,
  type PatternResult,
  PRESET_IDS,
  type Presets,
  planRuns,
  runInProcess,
} from '../analysis/patterns/index.ts';
import type { RunSummary } from '../engine/result.ts';
import { closest } from '../model/scenario.ts';
import { createNodePool, defaultWorkers } from '../worker/node.ts';
import { ExitStatus, UsageError } from './errors.ts';
import { collect } from './options.ts';

/** Exit code of `--strict` when a pattern fails (0 ok, 1 unexpected, 2 bad input are taken). */
export const EXIT_PATTERN_FAILED = 3;

const HELP = `
Runs the pattern battery (docs/validation.md, "Pattern battery"): for each pattern its source, what
is expected, what was measured over the seeds (a share with its 95% Wilson interval, or a mean with
its 95% t interval) and PASS or FAIL. Seeds are 1 … N for every pattern, so arms are paired.

Exit codes: 0 when the battery ran (whatever passed), 3 with --strict when any pattern failed,
2 for bad input, 1 for an unexpected failure.

Examples:
  $ wushe patterns --seeds 5
  $ wushe patterns --seeds 20 --json > patterns.json
  $ wushe patterns --pattern social-workers-key --pattern strengths-first --strict`;

function positive(max: number): (raw: string) => number {
  return (raw) => {
    const v = Number(raw.trim());
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(v) || v < 1 || v > max) {
      throw new InvalidArgumentError(`Expected a whole number from 1 to ${max}.`);
    }
    return v;
  };
}

export interface Options {
  seeds: number;
  json?: boolean;
  markdown?: boolean;
  strict?: boolean;
  pattern?: string[];
  workers?: number;
  quiet?: boolean;
}

export function patternsCommand(): Command {
  return new Command('patterns')
    .description('run the pattern battery and report which patterns the model reproduces')
    .option('--seeds <n>', 'seeds per pattern (1 … 1000)', positive(1000), 10)
    .option('--pattern <id>', 'run only this pattern (repeatable)', collect)
    .option('--json', 'print the results as one JSON document')
    .addOption(new Option('--markdown', 'print the results as a Markdown table').conflicts('json'))
    .option('--strict', `exit ${EXIT_PATTERN_FAILED} when any pattern fails`)
    .option('--workers <n>', 'worker threads (default: every core; 1 runs in this thread)', positive(256))
    .option('--quiet', 'no progress bar')
    .addHelpText('after', HELP)
    .action(async (opts: Options) => {
      const patterns = select(opts.pattern);
      const results = await runBattery(patterns, opts);
      if (opts.json)
        process.stdout.write(`${JSON.stringify({ seeds: opts.seeds, patterns: results }, null, 2)}\n`);
      else if (opts.markdown) process.stdout.write(patternTableMarkdown(results));
      else process.stdout.write(formatResults(results));
      if (opts.strict && results.some((r) => !r.pass)) throw new ExitStatus(EXIT_PATTERN_FAILED);
    });
}

/**
 * The preset files the battery starts from, read from the package's scenarios/ folder (found from
 * the sources, src/cli/, or from the bundled command line, dist/ or a chunk under it).
 */
export function loadPresets(): Presets {
  const dir = ['../../scenarios/', '../scenarios/']
    .map((p) => new URL(p, import.meta.url))
    .find((u) => existsSync(new URL('organization-led.json', u)));
  if (!dir) throw new Error('the preset scenarios (scenarios/*.json) are missing from the wushe package');
  return Object.fromEntries(
    PRESET_IDS.map((id) => [id, JSON.parse(readFileSync(new URL(`${id}.json`, dir), 'utf8'))]),
  ) as Presets;
}

function select(ids: string[] | undefined): Pattern[] {
  const all = battery(loadPresets());
  if (!ids?.length) return all;
  const known = all.map((p) => p.id);
  const problems = ids
    .filter((id) => !known.includes(id))
    .map((id) => {
      const hint = closest(id, known);
      return `unknown pattern ${id}${hint ? ` (did you mean ${hint}?)` : ''}; known: ${known.join(', ')}`;
    });
  if (problems.length) throw new UsageError(problems, 'wushe patterns');
  return all.filter((p) => ids.includes(p.id));
}

export async function runBattery(patterns: Pattern[], opts: Options): Promise<PatternResult[]> {
  const plan = planRuns(patterns, opts.seeds);
  const total = plan.runs.length;
  const bar = await progressBar(opts.quiet, total);
  let results: Map<string, RunSummary | Error>;
  try {
    const workers = Math.min(opts.workers ?? defaultWorkers(), Math.max(1, Math.ceil(total / 4)));
    results =
      workers <= 1 || total <= 4
        ? runInProcess(plan, () => bar?.increment())
        : await onPool(plan, workers, bar);
  } finally {
    bar?.stop();
  }
  return evaluate(patterns, plan, results);
}

async function onPool(plan: BatteryPlan, size: number, bar?: Bar): Promise<Map<string, RunSummary | Error>> {
  const pool = await createNodePool(size);
  const out = new Map<string, RunSummary | Error>();
  try {
    await pool.run(
      plan.runs.map((r, id) => ({ id, scenario: r.scenario, full: true })),
      (o) => {
        const key = plan.runs[o.id].key;
        out.set(key, o.summary ?? new Error(o.error ?? 'run failed'));
        bar?.increment();
      },
    );
  } finally {
    await pool.close();
  }
  return out;
}

interface Bar {
  increment(): void;
  stop(): void;
}

async function progressBar(quiet: boolean | undefined, total: number): Promise<Bar | undefined> {
  if (quiet || !process.stderr.isTTY) return undefined;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'patterns [{bar}] {value}/{total} runs | {duration_formatted} | ETA {eta_formatted}',
      hideCursor: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

function measuredText(r: PatternResult): string {
  if (r.error) return `not measured: ${r.error}`;
  const interval = r.low === null ? '' : ` (95% interval ${r.low}–${r.high})`;
  return `${r.measured}${interval}, ${r.unit}, n = ${r.n}`;
}

/** The readable report: one block per pattern, then a count. */
export function formatResults(results: readonly PatternResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.pass ? 'PASS' : 'FAIL'}  ${r.id} — ${r.title.en} (${r.title.zh})`);
    lines.push(`      source:   ${r.source}`);
    lines.push(`      expected: ${r.expected}`);
    lines.push(`      measured: ${measuredText(r)}`);
  }
  const failed = results.filter((r) => !r.pass).length;
  lines.push(
    '',
    `${results.length - failed} of ${results.length} patterns pass, ${failed} FAIL (${results[0]?.seeds ?? 0} seeds each)`,
  );
  return `${lines.join('\n')}\n`;
}

const cell = (s: string) => s.replaceAll('|', '\\|');

/** The battery as a Markdown table (docs/validation.md). */
export function patternTableMarkdown(results: readonly PatternResult[]): string {
  const lines = [
    '| pattern | source | expected | measured | result |',
    '|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.title.en} (${r.title.zh}) \`${r.id}\` | ${cell(r.source)} | ${cell(r.expected)} | ${cell(measuredText(r))} | ${r.pass ? 'pass' : '**FAIL**'} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
