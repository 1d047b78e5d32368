import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CliRun,
  expectNoStack,
  minimalScenario,
  tempDir,
  writeScenario,
  wushe,
  wusheHere,
} from './helpers.ts';

const dir = tempDir();
const good = writeScenario(dir, 'good.json', minimalScenario());

/**
 * Runs the CLI and checks the usage-error contract: exit 2, a message, no stack trace, nothing on
 * stdout. In this process (`wusheHere`) unless told to run the built command line (`wushe`).
 */
async function fails(
  args: string[],
  run: (args: string[]) => CliRun | Promise<CliRun> = wusheHere,
): Promise<string> {
  const r = await run(args);
  expectNoStack(r.stderr);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim()).not.toBe('');
  return r.stderr;
}

describe('wushe run: bad input', () => {
  it('a missing file', async () => {
    const missing = join(dir, 'nope.json');
    expect(await fails(['run', missing], wushe)).toContain(`cannot read ${missing}: no such file`);
  });

  it('a directory', async () => {
    expect(await fails(['run', dir])).toContain(`cannot read ${dir}: is a folder`);
  });

  it('invalid JSON, with line and column', async () => {
    const file = writeScenario(dir, 'broken.json', '{\n  "id": "x",\n  "seed": 1,,\n}\n');
    expect(await fails(['run', file])).toMatch(
      new RegExp(`${file.replace(/[.\\]/g, '\\$&')}:3:\\d+: invalid JSON`),
    );
  });

  it('an empty file', async () => {
    const file = writeScenario(dir, 'empty.json', '');
    expect(await fails(['run', file])).toContain('invalid JSON');
  });

  it('an unknown key, with a did-you-mean hint', async () => {
    const s = minimalScenario();
    const initial = s.initial as Record<string, number>;
    initial.volunters = initial.volunteers;
    delete initial.volunteers;
    const file = writeScenario(dir, 'typo.json', s);
    const err = await fails(['run', file]);
    expect(err).toContain(`${file}: initial.volunters: unknown key (did you mean "volunteers"?)`);
  });

  it('an out-of-range value in the file', async () => {
    const s = minimalScenario();
    (s.initial as Record<string, number>).charity = 1.5;
    const file = writeScenario(dir, 'range.json', s);
    expect(await fails(['run', file])).toContain(`${file}: initial.charity: must be between 0 and 1`);
  });

  it('a value that is not a scenario object', async () => {
    const file = writeScenario(dir, 'array.json', '[1, 2]');
    expect(await fails(['run', file])).toContain(file);
  });

  it('--ticks -5', async () => {
    expect(await fails(['run', good, '--ticks', '-5'])).toContain('--ticks');
  });

  it('--ticks abc', async () => {
    expect(await fails(['run', good, '--ticks', 'abc'])).toContain('--ticks');
  });

  it('--ticks 0 (below the minimum)', async () => {
    expect(await fails(['run', good, '--ticks=0'])).toContain('--ticks');
  });

  it('--seed 1.5', async () => {
    expect(await fails(['run', good, '--seed', '1.5'])).toContain('--seed');
  });

  it('--seed without a value', async () => {
    expect(await fails(['run', good, '--seed'])).toContain('--seed');
  });

  it('an unknown flag', async () => {
    const err = await fails(['run', good, '--bogus']);
    expect(err).toContain("unknown option '--bogus'");
    expect(err).toContain('wushe run --help');
  });

  it('an unknown command', async () => {
    const err = await fails(['rnu', good]);
    expect(err).toContain("unknown command 'rnu'");
    expect(err).toContain('wushe --help');
  });

  it('a missing scenario argument', async () => {
    const err = await fails(['run']);
    expect(err).toContain('missing required argument');
    expect(err).toContain('wushe run --help');
  });

  it('too many arguments', async () => {
    expect(await fails(['run', good, good])).toContain('too many arguments');
  });

  it('--set with an out-of-range value is validated', async () => {
    expect(await fails(['run', good, '--set', 'initial.volunteers=2'])).toContain(
      'initial.volunteers: must be between 0 and 1',
    );
  });

  it('--set with an unknown path, with a did-you-mean hint', async () => {
    const err = await fails(['run', good, '--set', 'initial.volunters=0.5']);
    expect(err).toContain('initial.volunters');
    expect(err).toContain('did you mean "initial.volunteers"');
  });

  it('--knockout with an unknown mechanism id, with a did-you-mean hint (exit 2)', async () => {
    const err = await fails(['run', good, '--knockout', 'peer-asks-volunter']);
    expect(err).toContain('knockouts[0]: unknown mechanism "peer-asks-volunter"');
    expect(err).toContain('did you mean "peer-asks-volunteer"');
    expect(err).toContain('(from --knockout)');
  });

  it('--set knockouts=… with an unknown id in a comma-separated list', async () => {
    const err = await fails(['run', good, '--set', 'knockouts=donor-lapse,core-burnot']);
    expect(err).toContain('knockouts[1]: unknown mechanism "core-burnot" (did you mean "core-burnout"?)');
  });

  it('--set without "="', async () => {
    expect(await fails(['run', good, '--set', 'initial.volunteers'])).toContain('path=value');
  });

  it('--set residents=1000000000000 (far too many residents)', async () => {
    const err = await fails(['run', good, '--set', 'residents=1000000000000']);
    expect(err).toMatch(/residents: must be between/);
  });

  it('--set strategy to an unknown strategy', async () => {
    expect(await fails(['run', good, '--set', 'strategy=loudest-first'])).toContain(
      'strategy: must be one of',
    );
  });

  it('--out on an existing file', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    expect(await fails(['run', good, '--out', file])).toContain('exists and is not a folder');
  });

  it('--out below an existing file', async () => {
    const file = join(dir, 'another-file');
    writeFileSync(file, 'x');
    expect(await fails(['run', good, '--out', join(file, 'sub')])).toContain('--out');
  });

  it.skipIf(process.getuid?.() === 0)('--out on a directory that cannot be written', async () => {
    const ro = join(dir, 'read-only');
    mkdirSync(ro, { mode: 0o555 });
    expect(await fails(['run', good, '--out', ro])).toContain('not writable');
  });
});

describe('wushe: no stack traces for unexpected errors', () => {
  it('bare `wushe` prints the help on stderr and exits 2', async () => {
    const r = wushe([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: wushe');
  });
});
