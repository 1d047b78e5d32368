/**
 * Errors the command line reports without a stack trace. A `UsageError` is bad input or usage
 * (exit 2); anything else that reaches `main` is unexpected (exit 1).
 */
export class UsageError extends Error {
  /** One line per problem. */
  readonly lines: string[];
  /** Command whose `--help` the message should point to, if any. */
  readonly command?: string;

  constructor(lines: string | string[], command?: string) {
    const list = (Array.isArray(lines) ? lines : [lines])
      .flatMap((l) => l.split('\n'))
      .filter((l) => l !== '');
    super(list.join('\n'));
    this.name = 'UsageError';
    this.lines = list;
    this.command = command;
  }
}

/** Not an error: a command finished and asks for a particular exit code (e.g. `patterns --strict`). */
export class ExitStatus extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = 'ExitStatus';
  }
}

export const EXIT_OK = 0;
export const EXIT_UNEXPECTED = 1;
export const EXIT_USAGE = 2;

/** Describes a file-system error code in a few words. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EISDIR':
      return 'is a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a parent in the path is not a folder';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EEXIST':
      return 'already exists';
    default:
      return (e as Error).message;
  }
}
