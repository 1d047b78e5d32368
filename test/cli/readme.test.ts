/**
 * Every shell example in README.md runs as written, from the project folder, so the README cannot
 * drift from the command line. The project folder is a temporary one whose entries link to this
 * repository's (so examples that write `out/…`, `plan.json` or `my-schema.json` leave the
 * repository alone). Long examples run with small sizes through the substitutions below, which
 * only shrink sizes; the few examples that cannot run here are listed with the reason.
 *
 * `npx wushe` in a project folder installs that folder into npx's cache, which runs its `prepare`
 * script (a full build): here npx gets a cache of its own (so nothing outside the test changes)
 * and runs no scripts (the tests' global setup has built dist/ already, and a rebuild would pull
 * dist/ from under the other test files), and never asks a registry. npx takes about a second to
 * start, so one example (the plan's dry run) runs through `npx wushe` itself, proving it is this
 * project's command, and the others run the same file it runs (`node dist/cli.js`, the package's
 * `bin`) with the rest of the command as written.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Examples not run here, and why. Each must still be in the README. */
const NOT_RUN: { command: RegExp; why: string }[] = [
  {
    command: /^npm ci && npm start/,
    why: 'installs, then serves the web app until stopped (test/web serves it)',
  },
  { command: /^npm test\b/, why: 'the whole test suite, of which this test is part' },
  {
    command: /^deploy\/slurm\/submit\.sh /,
    why: 'needs a Slurm cluster (test/integration/slurm.test.ts starts one)',
  },
  { command: /^jid=\$\(sbatch /, why: 'needs a Slurm cluster (test/integration/slurm.test.ts)' },
  { command: /^sbatch /, why: 'needs a Slurm cluster (test/integration/slurm.test.ts)' },
];

/** A small ensemble: 3 communities of 300–600 residents, 10 weeks, 60 respondents. */
const SMALL_SURVEY = `--set ensemble.communities=3 --set 'ensemble.residents={"min":300,"max":600}' --set ticks=10 --respondents 60`;

/** Size substitutions for long examples: [pattern, replacement]; the rest of the command is as written. */
const SMALLER: [RegExp, string][] = [
  [/--steps 11 --replicates 3/, '--steps 2 --replicates 1 --set residents=300 --set ticks=10'],
  [/^(npx wushe survey scenarios\/hubei-2020\.json)/, `$1 ${SMALL_SURVEY}`],
  [/^(npx wushe patterns) --seeds \d+/, '$1 --seeds 1'],
  [/--seeds 20/, '--seeds 2'],
  [/--seeds 2 --set communities=5/, '--seeds 1 --set communities=2'],
  [
    /^(npx wushe calibrate scenarios\/hubei-2020\.json)/,
    `$1 ${SMALL_SURVEY.replace(' --respondents 60', '')} --evaluations 2`,
  ],
];

/** Examples whose documented outcome may be another exit code: [pattern, allowed codes, why]. */
const EXIT_CODES: [RegExp, number[], string][] = [
  [/^npx wushe patterns .*--strict/, [0, 3], 'exits 3 when a pattern fails, as its comment says'],
];

/** The plan example, with fewer runs: [pattern, replacement] on its JSON text. */
const SMALLER_PLAN: [RegExp, string][] = [
  [/"samples": 200/, '"samples": 3'],
  [/"replicates": 5/, '"replicates": 1'],
];

/** Fenced blocks of a language, in order. */
function blocks(lang: string): string[] {
  const re = new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\``, 'gm');
  return [...README.matchAll(re)].map((m) => m[1]);
}

/** The commands of the README's shell blocks: continuation lines joined, comment lines dropped. */
function shellExamples(): string[] {
  return blocks('sh').flatMap((b) =>
    b
      .replace(/\\\n\s*/g, '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#')),
  );
}

const project = mkdtempSync(join(tmpdir(), 'wushe-readme-'));
const npxCache = mkdtempSync(join(tmpdir(), 'wushe-readme-npx-'));
for (const entry of readdirSync(ROOT)) {
  if (['.git', 'out', 'plan.json', 'my-schema.json', 'plan.schema.json'].includes(entry)) continue;
  symlinkSync(join(ROOT, entry), join(project, entry));
}
afterAll(() => {
  rmSync(project, { recursive: true, force: true });
  rmSync(npxCache, { recursive: true, force: true });
});

/** `npx wushe` → `node dist/cli.js`: what npx runs (the package's `bin`), without npx's start-up. */
const BIN = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin.wushe as string;
function direct(command: string): string {
  return command.replace(/(^|[;&|(]\s*)npx wushe\b/g, `$1'${process.execPath}' ${BIN}`);
}

function sh(command: string) {
  const { WUSHE_DEBUG: _d, ...env } = process.env;
  return spawnSync('bash', ['-c', command], {
    cwd: project,
    encoding: 'utf8',
    timeout: 180_000,
    env: {
      ...env,
      LANG: 'C',
      LC_ALL: '',
      npm_config_cache: npxCache,
      npm_config_ignore_scripts: 'true',
      // never ask a registry: `npx wushe` must be this project's own command
      npm_config_offline: 'true',
      npm_config_update_notifier: 'false',
    },
  });
}

function smaller(command: string, table: [RegExp, string][]): string {
  return table.reduce((c, [re, to]) => c.replace(re, to), command);
}

const examples = shellExamples();
const plans = blocks('json').filter((b) => b.includes('"factors"'));

describe('README.md', () => {
  it('has shell examples and one sweep plan; every example not run is still in it', () => {
    expect(examples.length).toBeGreaterThan(15);
    expect(plans).toHaveLength(1);
    for (const { command } of NOT_RUN)
      expect(
        examples.some((e) => command.test(e)),
        String(command),
      ).toBe(true);
    // every substitution still applies to some example
    for (const [re] of SMALLER)
      expect(
        examples.some((e) => re.test(e)),
        String(re),
      ).toBe(true);
    for (const [re] of SMALLER_PLAN) expect(re.test(plans[0]), String(re)).toBe(true);
    for (const [re] of EXIT_CODES)
      expect(
        examples.some((e) => re.test(e)),
        String(re),
      ).toBe(true);
  });

  it('the sweep plan, saved as plan.json in the project folder as written, is valid', () => {
    writeFileSync(join(project, 'plan.json'), plans[0]);
    const r = sh('npx wushe sweep plan.json --dry-run');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^plan OK: design lhs, 200 design points × 5 replicates = 1000 runs/);
    // the rest of the examples run a smaller sweep
    writeFileSync(join(project, 'plan.json'), smaller(plans[0], SMALLER_PLAN));
  });

  for (const example of examples) {
    const skip = NOT_RUN.find((n) => n.command.test(example));
    it.skipIf(skip !== undefined)(`${example}${skip ? ` (not run: ${skip.why})` : ''}`, () => {
      const command = smaller(example, SMALLER);
      expect(direct(command)).not.toMatch(/\bnpx wushe\b/);
      const r = sh(direct(command));
      const allowed = EXIT_CODES.find(([re]) => re.test(example))?.[1] ?? [0];
      expect(allowed, `${command} exited ${r.status}\n${r.stderr}`).toContain(r.status);
      expect(r.stderr).not.toMatch(/unexpected error| {4}at /);
    });
  }
});
