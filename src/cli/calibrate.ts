import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import {
  type CalibrationResult,
  calibrate,
  type StagePlan,
  type SurveyRunner,
  type TraceRow,
  validateTargets,
} from '../analysis/calibrate.ts';
import type { Respondent } from '../analysis/survey.ts';
import { applySet, parseJson } from '../model/parse.ts';
import type { Scenario } from '../model/scenario.ts';
import { UsageError } from './errors.ts';
import { loadScenario, readText } from './io.ts';
import { collect } from './options.ts';
import { prepareOutDir } from './outDir.ts';
import { formatTable } from './surveyTable.ts';

const CALIBRATE_FILES = ['scenario.json', 'fit.json', 'trace.jsonl'] as const;

interface CalibrateOptions {
  targets: string;
  out: string;
  evaluations?: string;
  workers?: string;
  set?: string[];
  quiet?: boolean;
  force?: boolean;
}

const EXAMPLES = `
Examples:
  $ wushe calibrate scenarios/hubei-2020.json --targets scenarios/targets/hubei-2020.targets.json --out out/fit
  $ wushe calibrate scenarios/hubei-2020.json --targets scenarios/targets/hubei-2020.targets.json --evaluations 60 --workers 2 --out out/fit

The targets file names indicators of the virtual survey (coverage.<element>, improved.<indicator>,
regression.<belonging|trust>.coef|p|significantShare) with an observed value and a tolerance, or a
min/max range, and "holdout": true for figures kept out of the fit to test its predictions; the free
parameters with their ranges (model parameters, or the measurement model's measurement.level.* and
measurement.step.*, which set every survey threshold); and optionally stages fitted one after another.
Method: per stage a coarse search then Nelder–Mead over the stage's parameters scaled to [0, 1],
minimising the sum of squared misses in tolerances; each evaluation is the mean of \`replicates\`
seeds of the survey (the same seeds every time), run on worker threads. --evaluations is the budget
of the whole fit, counted in evaluations that run the communities; stages that move only the
measurement model re-score the same respondents in milliseconds and are not counted. Writes scenario.json (the fitted scenario), fit.json (parameters, each indicator
with observed, simulated, interval and gap, the held-out errors and the cross-validation) and
trace.jsonl (every evaluation, written as it goes).`;

export function calibrateCommand(): Command {
  return new Command('calibrate')
    .description(
      'fit a scenario’s parameters to survey targets (Nelder–Mead over replicated virtual surveys)',
    )
    .argument('<scenario>', 'scenario file (JSON)')
    .requiredOption('--targets <file>', 'targets file (JSON): indicators, free parameters, stages')
    .requiredOption('--out <dir>', 'folder for scenario.json, fit.json and trace.jsonl (must be empty)')
    .option('--force', 'write into a folder that is not empty, replacing only this command’s files')
    .option(
      '--evaluations <n>',
      'budget of the whole fit, in evaluations that run the communities (overrides the targets file)',
    )
    .option('--workers <n>', 'worker threads for the replicate surveys (default: every core)')
    .option(
      '--set <path=value>',
      'override a scenario field by its dotted path before fitting (repeatable)',
      collect,
    )
    .option('-q, --quiet', 'no progress on stderr')
    .addHelpText('after', EXAMPLES)
    .action((file: string, opts: CalibrateOptions) => run(file, opts));
}

function wholeNumber(flag: string, raw: string, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < 1 || n > max)
    throw new UsageError(`${flag} ${raw}: expected a whole number from 1 to ${max}`);
  return n;
}

/** Runs each replicate survey as one task on a pool of Node worker threads. */
function poolRunner(
  pool: Awaited<ReturnType<typeof import('../worker/node.ts').createNodePool>>,
): SurveyRunner {
  return async (scenario: Scenario, seeds: readonly number[], respondents: number) => {
    const out: Respondent[][] = [];
    let error: string | undefined;
    await pool.run(
      seeds.map((seed, id) => ({ id, scenario: { ...scenario, seed }, survey: { respondents } })),
      (o) => {
        if (o.error !== undefined || !o.respondents) error ??= o.error ?? 'no respondents';
        else out[o.id] = o.respondents;
      },
    );
    if (error !== undefined) throw new Error(`survey replicate failed: ${error}`);
    return out;
  };
}

async function run(file: string, opts: CalibrateOptions): Promise<void> {
  // the scenario with its --set overrides applied, validated; the fit starts from it
  loadScenario(file, { set: opts.set });
  const raw = parseJson(readText(file), file);
  if (!raw.ok) throw new UsageError(raw.error);
  for (const assignment of opts.set ?? []) applySet(raw.value as Record<string, unknown>, assignment);
  const json = parseJson(readText(opts.targets), opts.targets);
  if (!json.ok) throw new UsageError(json.error);
  const checked = validateTargets(json.value);
  if (!checked.ok) throw new UsageError(checked.errors.map((e) => `${opts.targets}: ${e}`));
  const targets = checked.targets;
  if (opts.evaluations !== undefined)
    targets.evaluations = wholeNumber('--evaluations', opts.evaluations, 100000);
  const workers = opts.workers !== undefined ? wholeNumber('--workers', opts.workers, 1024) : undefined;
  prepareOutDir(opts.out, { files: CALIBRATE_FILES, force: opts.force });
  const tracePath = join(opts.out, 'trace.jsonl');
  writeFileSync(tracePath, '');

  const { createNodePool, defaultWorkers } = await import('../worker/node.ts');
  const pool = await createNodePool(Math.max(1, Math.min(workers ?? defaultWorkers(), targets.replicates)));
  const progress = await progressBar(opts, targets.evaluations);
  const t0 = performance.now();
  let result: CalibrationResult;
  try {
    result = await calibrate(raw.value as Record<string, unknown>, targets, {
      run: poolRunner(pool),
      onStage: (plan) => progress?.stage(plan),
      onEvaluation: (row) => {
        appendFileSync(tracePath, `${JSON.stringify(row)}\n`);
        progress?.evaluation(row);
      },
    });
  } finally {
    progress?.stop();
    await pool.close();
  }
  const seconds = (performance.now() - t0) / 1000;

  const fitted = structuredClone(raw.value) as Record<string, unknown>;
  for (const [path, v] of Object.entries(result.scenarioValues))
    applySet(fitted, `${path}=${Number(v.toPrecision(6))}`);
  writeFileSync(join(opts.out, 'scenario.json'), `${JSON.stringify(fitted, null, 2)}\n`);
  writeFileSync(
    join(opts.out, 'fit.json'),
    `${JSON.stringify(
      {
        objective: result.objective,
        identification: result.identification,
        values: result.values,
        scenarioValues: result.scenarioValues,
        fit: result.fit,
        heldOut: result.heldOut,
        crossValidation: result.crossValidation,
        stages: result.stages,
        budget: result.budget,
        evaluations: result.trace.length,
        simulatedEvaluations: result.trace.filter((t) => t.simulated).length,
        workers: pool.size,
        seconds: Math.round(seconds),
      },
      null,
      2,
    )}\n`,
  );
  process.stdout.write(formatTable(result.summary));
  process.stdout.write(formatFit(result));
  if (!opts.quiet)
    process.stderr.write(
      `${result.trace.length} evaluations in ${seconds.toFixed(0)} s on ${pool.size} worker(s); wrote scenario.json, fit.json, trace.jsonl to ${opts.out}\n`,
    );
}

const pts = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`;

/** The fit in text: what was fitted against what, each target, and the out-of-sample errors. */
export function formatFit(result: CalibrationResult): string {
  const id = result.identification;
  const lines = [
    'Fit to targets',
    '',
    `  ${id.parameters} free parameters (${id.measurementParameters} of them the measurement model) fitted to ${id.fittedFigures} published figures and ${id.fittedRanges} ranges or bounds; ${id.heldOut} figures held out`,
    '',
  ];
  for (const f of result.fit) {
    const target = f.observed !== null ? f.observed.toFixed(4) : `${f.min ?? '−∞'}…${f.max ?? '∞'}`;
    const mark = f.holdout ? 'held' : f.ok ? 'ok  ' : 'MISS';
    lines.push(
      `  ${mark} ${f.name.padEnd(40)} target ${target.padEnd(12)} simulated ${f.simulated.toFixed(4)}${f.gap !== null ? `  gap ${pts(f.gap)}` : ''}`,
    );
  }
  const h = result.heldOut;
  if (h.meanAbsoluteError !== null) {
    lines.push(
      '',
      `  Held out of the fit: mean absolute error ${(100 * h.meanAbsoluteError).toFixed(1)} points, largest ${(100 * (h.maxAbsoluteError ?? 0)).toFixed(1)} (${h.rows.map((r) => `${r.name} ${pts(r.gap ?? 0)}`).join(', ')})`,
    );
  }
  if (result.crossValidation.length > 0) {
    const cv = result.crossValidation;
    const mae = cv.reduce((s, r) => s + Math.abs(r.error), 0) / cv.length;
    lines.push(
      `  Leave-one-out over the ${cv.length} improvement figures (measurement model refitted without each): mean absolute error ${(100 * mae).toFixed(1)} points`,
    );
    for (const r of cv)
      lines.push(
        `    ${r.name.padEnd(30)} published ${(100 * r.observed).toFixed(1)}%  predicted ${(100 * r.predicted).toFixed(1)}%  error ${pts(r.error)}`,
      );
  }
  lines.push(
    '',
    `  objective ${result.objective.toFixed(4)} after ${result.trace.length} evaluations, ${result.trace.filter((t) => t.simulated).length} of them running the communities (budget ${result.budget})`,
    '',
  );
  return `${lines.join('\n')}\n`;
}

/**
 * A progress bar on stderr (a terminal, without --quiet): the stage, evaluations that ran the
 * communities against the budget, the best objective so far, and an ETA from the wall time per
 * such evaluation so far (re-scoring evaluations in between included).
 */
async function progressBar(opts: { quiet?: boolean }, budget: number) {
  if (opts.quiet || !process.stderr.isTTY) return undefined;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format:
        'calibrate {stage} [{bar}] {value}/{total} simulated evaluations | best {best} | ETA {remaining}',
      hideCursor: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(budget, 0, { stage: '', best: '—', remaining: '?' });
  let best = Number.POSITIVE_INFINITY;
  let simulated = 0;
  const t0 = performance.now();
  const eta = () => {
    if (simulated === 0) return '?';
    const s = Math.round((((performance.now() - t0) / simulated) * Math.max(0, budget - simulated)) / 1000);
    return s >= 3600
      ? `${Math.floor(s / 3600)}h${Math.round((s % 3600) / 60)}m`
      : `${Math.floor(s / 60)}m${s % 60}s`;
  };
  return {
    stage(p: StagePlan) {
      bar.update(simulated, {
        stage: `stage ${p.stage} (${p.simulates ? 'simulating' : 'measurement only'})`,
      });
    },
    evaluation(row: TraceRow) {
      if (row.simulated) simulated += 1;
      best = Math.min(best, row.objective);
      bar.update(Math.min(simulated, budget), { best: best.toFixed(3), remaining: eta() });
    },
    stop() {
      bar.stop();
    },
  };
}
