/**
 * The `wushe` command line. `bin/wushe.mjs` calls `main`; `tsx src/cli/main.ts …` runs it directly.
 * Exit codes: 0 success, 2 bad input or usage, 1 unexpected failure. No stack traces unless
 * WUSHE_DEBUG=1.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, type CommanderError } from 'commander';
import { calibrateCommand } from './calibrate.ts';
import { EXIT_OK, EXIT_UNEXPECTED, EXIT_USAGE, UsageError } from './errors.ts';
import { landscapeCommand } from './landscape.ts';
import { mergeCommand } from './merge.ts';
import { runCommand } from './run.ts';
import { schemaCommand } from './schema.ts';
import { surveyCommand } from './survey.ts';
import { sweepCommand } from './sweep.ts';
import { validateCommand } from './validate.ts';

/** A commander error with the (sub)command that raised it, for the `--help` hint. */
class CommandError extends Error {
  constructor(
    readonly error: CommanderError,
    readonly command: string,
  ) {
    super(error.message);
  }
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    return String(pkg.version);
  } catch {
    return 'unknown';
  }
}

const EXAMPLES = `
Examples:
  $ wushe run scenarios/organization-led.json
  $ wushe run my.json --seed 7 --set initial.volunteers=0.9 --json
  $ wushe validate scenarios/*.json
  $ wushe schema > schema.json
  $ wushe sweep plan.json --out results/sweep
  $ wushe landscape scenarios/baseline.json --x initial.volunteers --y initial.charity --out out/land

Run \`wushe <command> --help\` for a command's options.`;

/** Settings every command shares: errors are thrown to `main` instead of exiting. */
function configure(cmd: Command, path: string): Command {
  return cmd
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      // main prints usage errors itself, on one line with a hint.
      outputError: () => {},
    })
    .showSuggestionAfterError(true)
    .exitOverride((err) => {
      throw new CommandError(err, path);
    });
}

export function program(): Command {
  const wushe = configure(new Command('wushe'), 'wushe')
    .description('wushe: an agent-based simulator of 五社联动 (five-society linkage) in urban communities')
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', EXAMPLES);
  for (const cmd of [
    runCommand(),
    validateCommand(),
    schemaCommand(),
    sweepCommand(),
    mergeCommand(),
    landscapeCommand(),
    surveyCommand(),
    calibrateCommand(),
  ]) {
    wushe.addCommand(configure(cmd, `wushe ${cmd.name()}`).helpOption('-h, --help', 'show help'));
  }
  return wushe;
}

function hint(command: string): string {
  return `run \`${command} --help\` for usage`;
}

/** Runs the command line with the user's arguments; resolves to the exit code, never throws. */
export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (e) {
    return report(e);
  }
}

function report(e: unknown): number {
  const err = process.stderr;
  if (e instanceof CommandError) {
    const { code, exitCode } = e.error;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return exitCode;
    // `wushe` alone: commander has printed the help on stderr.
    if (code === 'commander.help') return exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    const message = e.error.message
      .replace(/^error: /, '')
      .replace(/\s*\n\s*/g, ' ')
      .trim();
    err.write(`${e.command}: ${message}\n${hint(e.command)}\n`);
    return EXIT_USAGE;
  }
  if (e instanceof UsageError) {
    err.write(`${e.lines.join('\n')}\n`);
    if (e.command) err.write(`${hint(e.command)}\n`);
    return EXIT_USAGE;
  }
  const message = e instanceof Error ? e.message : String(e);
  if (process.env.WUSHE_DEBUG === '1') {
    err.write(`wushe: unexpected error: ${e instanceof Error && e.stack ? e.stack : message}\n`);
  } else {
    const line = message.split('\n')[0];
    err.write(`wushe: unexpected error: ${line} (set WUSHE_DEBUG=1 for details)\n`);
  }
  return EXIT_UNEXPECTED;
}

// A closed pipe (`wushe run … --json | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(EXIT_OK);
  throw e;
});

function invokedDirectly(): boolean {
  try {
    return (
      process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href
    );
  } catch {
    return false;
  }
}

if (invokedDirectly()) process.exitCode = await main(process.argv.slice(2));
