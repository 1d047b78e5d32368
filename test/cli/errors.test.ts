import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoStack, minimalScenario, tempDir, writeScenario, wushe } from './helpers.ts';

const dir = tempDir();
const good = writeScenario(dir, 'good.json', minimalScenario());

/** Runs the CLI and checks the usage-error contract: exit 2, a message, no stack trace, nothing on stdout. */
function fails(args: string[]): string {
  const r = wushe(args);
  expectNoStack(r.stderr);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim()).not.toBe('');
  return r.stderr;
}

describe('wushe run: bad input', () => {
  it('a missing file', () => {
    const missing = join(dir, 'nope.json');
    expect(fails(['run', missing])).toContain(`cannot read ${missing}: no such file`);
  });

  it('a directory', () => {
    expect(fails(['run', dir])).toContain(`cannot read ${dir}: is a folder`);
  });

  it('invalid JSON, with line and column', () => {
    const file = writeScenario(dir, 'broken.json', '{\n  "id": "x",\n  "seed": 1,,\n}\n');
    expect(fails(['run', file])).toMatch(
      new RegExp(`${file.replace(/[.\\]/g, '\\$&')}:3:\\d+: invalid JSON`),
    );
  });

  it('an empty file', () => {
    const file = writeScenario(dir, 'empty.json', '');
    expect(fails(['run', file])).toContain('invalid JSON');
  });

  it('an unknown key, with a did-you-mean hint', () => {
    const s = minimalScenario();
    const initial = s.initial as Record<string, number>;
    initial.volunters = initial.volunteers;
    delete initial.volunteers;
    const file = writeScenario(dir, 'typo.json', s);
    const err = fails(['run', file]);
    expect(err).toContain(`${file}: initial.volunters: unknown key (did you mean "volunteers"?)`);
  });

  it('an out-of-range value in the file', () => {
    const s = minimalScenario();
    (s.initial as Record<string, number>).charity = 1.5;
    const file = writeScenario(dir, 'range.json', s);
    expect(fails(['run', file])).toContain(`${file}: initial.charity: must be between 0 and 1`);
  });

  it('a value that is not a scenario object', () => {
    const file = writeScenario(dir, 'array.json', '[1, 2]');
    expect(fails(['run', file])).toContain(file);
  });

  it('--ticks -5', () => {
    expect(fails(['run', good, '--ticks', '-5'])).toContain('--ticks');
  });

  it('--ticks abc', () => {
    expect(fails(['run', good, '--ticks', 'abc'])).toContain('--ticks');
  });

  it('--ticks 0 (below the minimum)', () => {
    expect(fails(['run', good, '--ticks=0'])).toContain('--ticks');
  });

  it('--seed 1.5', () => {
    expect(fails(['run', good, '--seed', '1.5'])).toContain('--seed');
  });

  it('--seed without a value', () => {
    expect(fails(['run', good, '--seed'])).toContain('--seed');
  });

  it('an unknown flag', () => {
    const err = fails(['run', good, '--bogus']);
    expect(err).toContain("unknown option '--bogus'");
    expect(err).toContain('wushe run --help');
  });

  it('an unknown command', () => {
    const err = fails(['rnu', good]);
    expect(err).toContain("unknown command 'rnu'");
    expect(err).toContain('wushe --help');
  });

  it('a missing scenario argument', () => {
    const err = fails(['run']);
    expect(err).toContain('missing required argument');
    expect(err).toContain('wushe run --help');
  });

  it('too many arguments', () => {
    expect(fails(['run', good, good])).toContain('too many arguments');
  });

  it('--set with an out-of-range value is validated', () => {
    expect(fails(['run', good, '--set', 'initial.volunteers=2'])).toContain(
      'initial.volunteers: must be between 0 and 1',
    );
  });

  it('--set with an unknown path, with a did-you-mean hint', () => {
    const err = fails(['run', good, '--set', 'initial.volunters=0.5']);
    expect(err).toContain('initial.volunters');
    expect(err).toContain('did you mean "initial.volunteers"');
  });

  it('--knockout with an unknown mechanism id, with a did-you-mean hint (exit 2)', () => {
    const err = fails(['run', good, '--knockout', 'peer-asks-volunter']);
    expect(err).toContain('knockouts[0]: unknown mechanism "peer-asks-volunter"');
    expect(err).toContain('did you mean "peer-asks-volunteer"');
    expect(err).toContain('(from --knockout)');
  });

  it('--set knockouts=… with an unknown id in a comma-separated list', () => {
    const err = fails(['run', good, '--set', 'knockouts=donor-lapse,core-burnot']);
    expect(err).toContain('knockouts[1]: unknown mechanism "core-burnot" (did you mean "core-burnout"?)');
  });

  it('--set without "="', () => {
    expect(fails(['run', good, '--set', 'initial.volunteers'])).toContain('path=value');
  });

  it('--set residents=1000000000000 (far too many residents)', () => {
    const err = fails(['run', good, '--set', 'residents=1000000000000']);
    expect(err).toMatch(/residents: must be between/);
  });

  it('--set strategy to an unknown strategy', () => {
    expect(fails(['run', good, '--set', 'strategy=loudest-first'])).toContain('strategy: must be one of');
  });

  it('--out on an existing file', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    expect(fails(['run', good, '--out', file])).toContain('exists and is not a folder');
  });

  it('--out below an existing file', () => {
    const file = join(dir, 'another-file');
    writeFileSync(file, 'x');
    expect(fails(['run', good, '--out', join(file, 'sub')])).toContain('--out');
  });

  it.skipIf(process.getuid?.() === 0)('--out on a directory that cannot be written', () => {
    const ro = join(dir, 'read-only');
    mkdirSync(ro, { mode: 0o555 });
    expect(fails(['run', good, '--out', ro])).toContain('not writable');
  });
});

describe('wushe: no stack traces for unexpected errors', () => {
  it('bare `wushe` prints the help on stderr and exits 2', () => {
    const r = wushe([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: wushe');
  });
});
