import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'dist', 'cli.js');

/** Runs `node dist/cli.js …` (built by the tests' global setup) from the repository root. */
export function wushe(args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const { WUSHE_DEBUG: _d, ...rest } = process.env;
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...rest, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env },
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
}

/** A small valid scenario (the fields a scenario must have). */
export function minimalScenario(): Record<string, unknown> {
  return {
    id: 'cli-test',
    seed: 1,
    ticks: 20,
    residents: 200,
    initial: { community: 0.4, organizations: 0.6, socialWorkers: 0.5, volunteers: 0.3, charity: 0.1 },
    strategy: 'strengths-first',
  };
}

/** A temporary directory, removed after the test file's tests. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wushe-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes a scenario (an object, or raw text) to `dir/name` and returns the path. */
export function writeScenario(dir: string, name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

/** No stack trace, no commander internals. */
export function expectNoStack(stderr: string): void {
  if (stderr.includes('    at ')) throw new Error(`stderr has a stack trace:\n${stderr}`);
}
