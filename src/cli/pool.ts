/**
 * Running many scenarios from the command line (`sweep`, `landscape`): the `--workers` option, a
 * Node worker pool, a progress bar on a terminal, and a clean stop on Ctrl-C or SIGTERM (the runs
 * in flight finish or are dropped, the workers end, the process exits with 130 or 143).
 */
import { Option } from 'commander';
import type { WorkerPool } from '../worker/pool.ts';
import { positiveInt } from './options.ts';

export const workersOption = () =>
  new Option('--workers <n>', 'worker threads (default: every core)').argParser(positiveInt('workers', 1024));

export interface Bar {
  increment(n: number, payload: Record<string, unknown>): void;
  stop(): void;
}

/** A progress bar with ETA on stderr, only on a terminal and without --quiet. */
export async function progressBar(
  opts: { quiet?: boolean },
  total: number,
  start: number,
  label = 'sweep',
): Promise<Bar | undefined> {
  if (opts.quiet || !process.stderr.isTTY) return undefined;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {value}/{total} runs | {failed} failed | {duration_formatted} | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, start, { failed: 0 });
  return bar;
}

export interface PoolRunOptions {
  /** `--workers` (default: every core); never more than `tasks`. */
  workers?: number;
  /** Runs to do (sizes the pool). */
  tasks: number;
  /** The progress bar: its label, total and starting count; none with `quiet` or off a terminal. */
  label: string;
  total: number;
  done: number;
  quiet?: boolean;
  /** Called once the pool has closed after a signal, before the process exits (e.g. to say how to resume). */
  onStopped?: (signal: NodeJS.Signals) => void;
}

export type NodePool = WorkerPool & { entry: { kind: string } };

/** Runs `body` with a Node worker pool and a progress bar; stops cleanly on SIGINT and SIGTERM. */
export async function withPool<T>(
  options: PoolRunOptions,
  body: (pool: NodePool, bar: Bar | undefined, size: number) => Promise<T>,
): Promise<T> {
  const { createNodePool, defaultWorkers } = await import('../worker/node.ts');
  const size = Math.max(1, Math.min(options.workers ?? defaultWorkers(), options.tasks));
  const pool = await createNodePool(size);
  const bar = await progressBar(options, options.total, options.done, options.label);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    bar?.stop();
    void pool.close().finally(() => {
      options.onStopped?.(signal);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let result: T;
  try {
    result = await body(pool, bar, size);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    bar?.stop();
    if (!stopping) await pool.close();
  }
  // after a signal nothing more is written: the process exits once the pool has closed
  if (stopping) await new Promise<never>(() => {});
  return result;
}
