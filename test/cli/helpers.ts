import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** What a run of the command line gave, as `spawnSync` gives it. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

let hereBusy = false;

/**
 * Runs the command line in this process: `main` of src/cli/main.ts, which is what dist/cli.js runs,
 * with the environment `wushe` gives its child (LANG=C, no WUSHE_DEBUG, then `env`) and stdout and
 * stderr captured (not a terminal, as in `wushe`). For the many checks of what a command prints and
 * exits with on given input, without starting node and loading the command each time (about 0.3 s
 * of CPU each); every command keeps checks through the built dist/cli.js (`wushe`) as well.
 */
export async function wusheHere(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const { main } = await import('../../src/cli/main.ts');
  const { setCliLang } = await import('../../src/cli/lang.ts');
  // one at a time: the output of overlapping runs (an `await` left out) would mix
  if (hereBusy) throw new Error('wusheHere: a run is still going (is an await missing?)');
  hereBusy = true;
  const vars: Record<string, string | undefined> = {
    LANG: 'C',
    LC_ALL: '',
    LC_MESSAGES: '',
    WUSHE_DEBUG: undefined,
    ...env,
  };
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const assign = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  const streams = [process.stdout, process.stderr] as const;
  const writes = streams.map((s) => s.write);
  const tty = streams.map((s) => Object.getOwnPropertyDescriptor(s, 'isTTY'));
  const text = ['', ''];
  streams.forEach((stream, i) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      text[i] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (done) queueMicrotask(done);
      return true;
    }) as typeof stream.write;
    Object.defineProperty(stream, 'isTTY', { value: false, configurable: true, writable: true });
  });
  assign(vars);
  setCliLang(undefined);
  try {
    const status = await main(args);
    return { status, stdout: text[0], stderr: text[1] };
  } finally {
    streams.forEach((stream, i) => {
      stream.write = writes[i];
      if (tty[i]) Object.defineProperty(stream, 'isTTY', tty[i]);
      else delete (stream as { isTTY?: boolean }).isTTY;
    });
    assign(saved);
    setCliLang(undefined);
    hereBusy = false;
  }
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

/** Lines written to `path` so far (0 while it does not exist). */
export function lineCount(path: string): number {
  if (!existsSync(path)) return 0;
  return readFileSync(path, 'utf8').split('\n').length - 1;
}

/**
 * Starts `wushe ARGS` through dist/cli.js and sends it `signal` once `file` holds `atLeast` lines;
 * resolves when it has exited, with its exit code and signal, the lines then and its stderr.
 */
export function signalAfterLines(
  args: string[],
  file: string,
  atLeast: number,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setInterval(() => {
      if (lineCount(file) >= atLeast) {
        child.kill(signal);
        clearInterval(timer);
      }
    }, 5);
    child.on('exit', (code, got) => {
      clearInterval(timer);
      resolve({ code, signal: got, lines: lineCount(file), stderr });
    });
  });
}

/** `signalAfterLines` with SIGKILL; rejects if the command ended on its own before it was killed. */
export async function killAfterLines(args: string[], file: string, atLeast: number): Promise<number> {
  const r = await signalAfterLines(args, file, atLeast, 'SIGKILL');
  if (r.signal !== 'SIGKILL')
    throw new Error(`${args[0]} ended on its own (code ${r.code}) before it was killed`);
  return r.lines;
}
