import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.ts';
import { prepareOutDir } from '../../src/cli/outDir.ts';
import { minimalScenario, tempDir, writeScenario, wushe, wusheHere } from './helpers.ts';
import { sweepScenario, writePlan } from './sweepHelpers.ts';

const dir = tempDir();
const FILES = ['a.csv', 'b.json'];

function problem(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error('expected a UsageError');
}

describe('prepareOutDir', () => {
  it('creates a missing folder and its parents', async () => {
    const out = join(dir, 'new', 'deeper', 'out');
    expect(prepareOutDir(out, { files: FILES })).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses a folder that is not empty, naming what is there', async () => {
    const out = join(dir, 'full');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    expect(problem(() => prepareOutDir(out, { files: FILES }))).toBe(
      `--out ${out}: the folder is not empty (notes.txt); choose a new folder, or add --force to replace this command's files in it`,
    );
  });

  it('with force, removes only the command’s own files', async () => {
    const out = join(dir, 'forced');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    writeFileSync(join(out, 'a.csv'), 'old');
    expect(prepareOutDir(out, { files: FILES, force: true })).toEqual(['a.csv']);
    expect(readdirSync(out)).toEqual(['notes.txt']);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a file, a path below a file, and paths that cannot be created, at once', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    expect(problem(() => prepareOutDir(file, { files: FILES }))).toBe(
      `--out ${file}: exists and is not a folder`,
    );
    expect(problem(() => prepareOutDir(join(file, 'sub'), { files: FILES }))).toMatch(
      /a parent in the path is not a folder$/,
    );
    expect(problem(() => prepareOutDir('', { files: FILES }))).toMatch(/empty/);
    if (existsSync('/proc/self')) {
      const t0 = performance.now();
      expect(problem(() => prepareOutDir('/proc/nope', { files: FILES }))).toMatch(
        /^--out \/proc\/nope: cannot create the folder \/proc\/nope: /,
      );
      expect(problem(() => prepareOutDir('/proc/nope/deeper', { files: FILES }))).toMatch(/cannot create/);
      expect(problem(() => prepareOutDir('/proc/self', { files: FILES, force: true }))).toMatch(
        /^--out \/proc\/self: (cannot write in the folder|the folder is not writable)/,
      );
      expect(performance.now() - t0).toBeLessThan(1000);
    }
    if (existsSync('/dev/null'))
      expect(problem(() => prepareOutDir('/dev/null', { files: FILES }))).toMatch(
        /exists and is not a folder/,
      );
  });
});

describe('wushe: no silent loss in --out folders', () => {
  const scenario = writeScenario(dir, 'small.json', { ...minimalScenario(), ticks: 3 });

  it('run refuses a non-empty folder; --force replaces its files and keeps the others', () => {
    const out = join(dir, 'run-out');
    expect(wushe(['run', scenario, '--out', out, '--quiet']).status).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['events.jsonl', 'flows.csv', 'scenario.json', 'series.csv', 'summary.json']);
    writeFileSync(join(out, 'my-notes.txt'), 'keep me');
    writeFileSync(join(out, 'summary.json'), 'stale');

    const again = wushe(['run', scenario, '--out', out, '--quiet']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('the folder is not empty (events.jsonl, flows.csv, my-notes.txt,');
    expect(again.stderr).toContain('add --force');
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('stale');

    const forced = wushe(['run', scenario, '--out', out, '--quiet', '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(join(out, 'my-notes.txt'), 'utf8')).toBe('keep me');
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).scenario).toBe('cli-test');
  });

  it('a folder another command wrote is refused too (no mixing)', async () => {
    const out = join(dir, 'run-out');
    const r = await wusheHere([
      'landscape',
      scenario,
      '--x',
      'initial.volunteers',
      '--y',
      'initial.charity',
      '--steps',
      '2',
      '--replicates',
      '1',
      '--out',
      out,
      '--quiet',
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the folder is not empty');
    expect(existsSync(join(out, 'landscape.csv'))).toBe(false);
  });

  it.skipIf(!existsSync('/proc/self'))('--out /proc/nope fails at once with exit 2', async () => {
    for (const cmd of [
      ['run', scenario],
      ['survey', scenario],
      ['landscape', scenario, '--x', 'initial.volunteers', '--y', 'initial.charity'],
    ]) {
      const t0 = performance.now();
      const r = await wusheHere([...cmd, '--out', '/proc/nope/x']);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^--out \/proc\/nope\/x: cannot create the folder/);
      expect(performance.now() - t0).toBeLessThan(10_000);
    }
  });

  it('every command that writes a folder offers --force; help shows defaults unquoted', async () => {
    for (const cmd of ['run', 'survey', 'landscape', 'sweep', 'calibrate', 'merge']) {
      const help = (await wusheHere([cmd, '--help'])).stdout;
      expect(help, cmd).toMatch(/--force\s+write into a folder that is not empty/);
      expect(help, cmd).not.toMatch(/\(default: "/);
    }
    expect((await wusheHere(['survey', '--help'])).stdout).toMatch(
      /--seeds <k>\s+number of seeds to run \(default: 1\)/,
    );
  });
});

describe('wushe sweep and merge: --force, --resume and plans', () => {
  const sweepDir = join(dir, 'sweeps');
  mkdirSync(sweepDir);
  const planFile = writePlan(
    sweepDir,
    { design: 'grid', seed: 1, factors: { 'initial.volunteers': [0.2, 0.8] } },
    sweepScenario({ ticks: 3 }),
  );

  it('--force starts a sweep afresh in a used folder, keeping files that are not its own', async () => {
    const out = join(sweepDir, 'out');
    expect((await wusheHere(['sweep', planFile, '--out', out, '--quiet', '--workers', '1'])).status).toBe(0);
    writeFileSync(join(out, 'sensitivity.csv'), 'stale, from a Morris sweep');
    writeFileSync(join(out, 'README.txt'), 'keep me');
    const both = await wusheHere(['sweep', planFile, '--out', out, '--resume', '--force']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain(
      '--resume continues the sweep in --out, --force starts it afresh; choose one',
    );
    const r = await wusheHere(['sweep', planFile, '--out', out, '--quiet', '--workers', '1', '--force']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'README.txt',
      'plan.json',
      'runs.jsonl',
      'summary.csv',
      'sweep.json',
    ]);
    expect(readFileSync(join(out, 'runs.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('merge never writes into one of the folders it reads', async () => {
    const out = join(sweepDir, 'out');
    const r = await wusheHere(['merge', out, '--out', out, '--force']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is one of the folders being merged');
    expect(existsSync(join(out, 'runs.jsonl'))).toBe(true);
  });

  it('a scenario given to sweep is named as such', async () => {
    const r = await wusheHere(['sweep', join(sweepDir, 'scenario.json'), '--dry-run']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/scenario\.json: this looks like a scenario, not a sweep plan\./);
    expect(r.stderr).not.toMatch(/unknown key/);
  });

  it('a scenario path written relative to the current folder gets a hint', async () => {
    const sub = join(sweepDir, 'plans');
    mkdirSync(sub);
    const plan = join(sub, 'plan.json');
    writeFileSync(
      plan,
      JSON.stringify({ scenario: join('test', 'x', 'nothing.json'), design: 'grid', seed: 1, factors: {} }),
    );
    expect((await wusheHere(['sweep', plan, '--dry-run'])).stderr).toMatch(
      /scenario: no such file test\/x\/nothing\.json \(looked for /,
    );
    writeFileSync(plan, JSON.stringify({ scenario: 'package.json', design: 'grid', seed: 1, factors: {} }));
    const r = await wusheHere(['sweep', plan, '--dry-run']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /paths are relative to the plan's folder, so from .*plans this one is ".*package\.json"/,
    );
  });
});
