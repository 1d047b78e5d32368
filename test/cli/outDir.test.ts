import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.ts';
import { prepareOutDir } from '../../src/cli/outDir.ts';
import { minimalScenario, tempDir, writeScenario, wushe } from './helpers.ts';

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
  it('creates a missing folder and its parents', () => {
    const out = join(dir, 'new', 'deeper', 'out');
    expect(prepareOutDir(out, { files: FILES })).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses a folder that is not empty, naming what is there', () => {
    const out = join(dir, 'full');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    expect(problem(() => prepareOutDir(out, { files: FILES }))).toBe(
      `--out ${out}: the folder is not empty (notes.txt); choose a new folder, or add --force to replace this command's files in it`,
    );
  });

  it('with force, removes only the command’s own files', () => {
    const out = join(dir, 'forced');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    writeFileSync(join(out, 'a.csv'), 'old');
    expect(prepareOutDir(out, { files: FILES, force: true })).toEqual(['a.csv']);
    expect(readdirSync(out)).toEqual(['notes.txt']);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a file, a path below a file, and paths that cannot be created, at once', () => {
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

  it('a folder another command wrote is refused too (no mixing)', () => {
    const out = join(dir, 'run-out');
    const r = wushe([
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

  it.skipIf(!existsSync('/proc/self'))('--out /proc/nope fails at once with exit 2', () => {
    for (const cmd of [
      ['run', scenario],
      ['survey', scenario],
      ['landscape', scenario, '--x', 'initial.volunteers', '--y', 'initial.charity'],
    ]) {
      const t0 = performance.now();
      const r = wushe([...cmd, '--out', '/proc/nope/x']);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^--out \/proc\/nope\/x: cannot create the folder/);
      expect(performance.now() - t0).toBeLessThan(10_000);
    }
  });

  it('every command that writes a folder offers --force', () => {
    for (const cmd of ['run', 'survey', 'landscape', 'sweep', 'calibrate', 'merge']) {
      expect(wushe([cmd, '--help']).stdout, cmd).toMatch(/--force\s+write into a folder that is not empty/);
    }
  });
});
