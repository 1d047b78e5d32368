/**
 * The output folder of a command (`--out DIR`), checked before any work starts so that nothing is
 * lost and nothing hangs: a new folder is created (with its parents); an existing one must be a
 * writable folder and empty, unless `--force`, and then only the command's own files in it are
 * replaced (other files are left alone). A path that is not a folder, that cannot be created or
 * written (`/proc/…`, a read-only disk, a file in the way) is a usage error (exit 2) at once.
 */
import { accessSync, constants, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fsReason, UsageError } from './errors.ts';

export interface OutDirOptions {
  /** The files the command writes there (names inside the folder); `--force` replaces these. */
  files: readonly string[];
  /** `--force`: accept a folder that is not empty. */
  force?: boolean;
  /** Resuming: accept the folder as it is, and remove nothing (`wushe sweep --resume`). */
  resume?: boolean;
  /** What to suggest besides `--force` when the folder is not empty (e.g. "add --resume …"). */
  alternative?: string;
}

/** `stat` of a path, or undefined when nothing is there; other failures are usage errors. */
function statOf(path: string, flag: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new UsageError(`${flag}: ${fsReason(e)}`);
  }
}

/**
 * Creates `dir` and its missing parents one level at a time. (Node's `mkdirSync(…, { recursive })`
 * loops for ever on a path in /proc, where mkdir says ENOENT although the parent exists.)
 */
function makeFolder(dir: string, flag: string): void {
  const missing: string[] = [];
  let cur = resolve(dir);
  for (;;) {
    const st = statOf(cur, flag);
    if (st) {
      if (!st.isDirectory()) throw new UsageError(`${flag}: ${cur} is not a folder`);
      break;
    }
    missing.unshift(cur);
    const parent = dirname(cur);
    if (parent === cur) break;
    cur = parent;
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (e) {
      throw new UsageError(`${flag}: cannot create the folder ${d}: ${fsReason(e)}`);
    }
  }
}

/** Fails unless a file can really be created in `dir` (permissions, read-only and special file systems). */
function probe(dir: string, flag: string): void {
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch {
    throw new UsageError(`${flag}: the folder is not writable`);
  }
  const file = join(dir, `.wushe-probe-${process.pid}`);
  try {
    writeFileSync(file, '');
  } catch (e) {
    throw new UsageError(`${flag}: cannot write in the folder: ${fsReason(e)}`);
  }
  try {
    rmSync(file, { force: true });
  } catch (e) {
    throw new UsageError(`${flag}: cannot remove a file in the folder: ${fsReason(e)}`);
  }
}

/** Entries of a folder other than temporary files a killed wushe left behind. */
export function folderEntries(dir: string): string[] {
  return readdirSync(dir).filter((f) => !/\.tmp-\d+$/.test(f) && !/^\.wushe-probe-\d+$/.test(f));
}

/**
 * Makes `dir` ready to receive the command's files; see the module comment. Returns the files of
 * the command that were there before (and have been removed, with `--force`).
 */
export function prepareOutDir(dir: string, options: OutDirOptions): string[] {
  const flag = `--out ${dir}`;
  if (dir.trim() === '') throw new UsageError('--out: the folder name is empty');
  const st = statOf(dir, flag);
  if (st && !st.isDirectory()) throw new UsageError(`${flag}: exists and is not a folder`);
  if (!st) makeFolder(dir, flag);
  probe(dir, flag);
  if (!st) return [];
  let entries: string[];
  try {
    entries = folderEntries(dir);
  } catch (e) {
    throw new UsageError(`${flag}: cannot list the folder: ${fsReason(e)}`);
  }
  if (entries.length === 0 || options.resume) return [];
  if (!options.force) {
    const shown =
      entries.slice(0, 5).join(', ') + (entries.length > 5 ? `, … (${entries.length} in all)` : '');
    throw new UsageError(
      `${flag}: the folder is not empty (${shown}); ` +
        `${options.alternative ? `${options.alternative}, ` : ''}choose a new folder, or add --force to replace this command's files in it`,
    );
  }
  const own = entries.filter((f) => options.files.includes(f));
  for (const f of own) {
    try {
      rmSync(join(dir, f), { force: true });
    } catch (e) {
      throw new UsageError(`${flag}: cannot replace ${f}: ${fsReason(e)}`);
    }
  }
  return own;
}
