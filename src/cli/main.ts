/**
 * The `wushe` command line, bundled into dist/cli.js by `npm run build`; `tsx src/cli/main.ts …`
 * (`npm run wushe:src -- …`) runs it from the sources.
 * Exit codes: 0 success, 2 bad input or usage, 1 unexpected failure. No stack traces unless
 * WUSHE_DEBUG=1.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, type CommanderError, Help } from 'commander';
import { EXIT_OK, EXIT_UNEXPECTED, EXIT_USAGE, ExitStatus, UsageError } from './errors.ts';
import { parseLang, setCliLang } from './lang.ts';

/** A commander error with the (sub)command that raised it, for the `--help` hint. */
class CommandError extends Error {
  constructor(
    readonly error: CommanderError,
    readonly command: string,
  ) {
    super(error.message);
  }
}

/** The package's version, from src/cli/main.ts (sources) or dist/cli.js (the build). */
function version(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
      if (pkg.name === 'wushe') return String(pkg.version);
    } catch {}
  }
  return 'unknown';
}

const EXAMPLES = `
Examples:
  $ wushe run scenarios/organization-led.json
  $ wushe run my.json --seed 7 --set initial.volunteers=0.9 --json
  $ wushe validate scenarios/*.json
  $ wushe schema > schema.json
  $ wushe sweep plan.json --out results/sweep
  $ wushe discover out/sweep --outcome 'allInvolvedTick == null' --out out/discover
  $ wushe landscape scenarios/baseline.json --x initial.volunteers --y initial.charity --out out/land
  $ wushe patterns --seeds 10 --strict

Run \`wushe <command> --help\` for a command's options.`;

/** Settings every command shares: errors are thrown to `main` instead of exiting. */
function configure(cmd: Command, path: string): Command {
  // subcommands (`wushe programme run`) report their errors the same way
  for (const sub of cmd.commands) configure(sub, `${path} ${sub.name()}`);
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

/**
 * The commands, in help order. Each command's module (and what it imports: zod, jstat, d3, the
 * worker pool) is loaded only when that command runs, so `wushe --help` and `wushe run` start
 * fast; `term` and `summary` are what the top-level help shows for a command that is not loaded
 * (test/cli/main.test.ts checks they match the commands themselves).
 */
export const COMMANDS: Record<string, { term: string; summary: string; load: () => Promise<Command> }> = {
  run: {
    term: 'run [options] <scenario>',
    summary: 'run a scenario and print a summary of the run (or JSON with --json)',
    load: async () => (await import('./run.ts')).runCommand(),
  },
  validate: {
    term: 'validate [options] <scenario...>',
    summary: 'check scenario files against the scenario schema',
    load: async () => (await import('./validate.ts')).validateCommand(),
  },
  schema: {
    term: 'schema',
    summary: 'print the JSON Schema of scenario files',
    load: async () => (await import('./schema.ts')).schemaCommand(),
  },
  sweep: {
    term: 'sweep [options] [plan]',
    summary: 'run a parameter sweep (grid, random, Latin hypercube or Morris) on all cores',
    load: async () => (await import('./sweep.ts')).sweepCommand(),
  },
  merge: {
    term: 'merge [options] <dir...>',
    summary: 'join the shards of a sweep into one folder, checking that no run is missing or doubled',
    load: async () => (await import('./merge.ts')).mergeCommand(),
  },
  discover: {
    term: 'discover [options] <dir>',
    summary: 'scenario discovery: the input conditions (PRIM boxes) under which an outcome is common',
    load: async () => (await import('./discover.ts')).discoverCommand(),
  },
  landscape: {
    term: 'landscape [options] <scenario>',
    summary: 'map which pathway emerges as two starting strengths vary (CSV and an SVG map)',
    load: async () => (await import('./landscape.ts')).landscapeCommand(),
  },
  survey: {
    term: 'survey [options] <scenario>',
    summary: 'run a virtual survey of the simulated communities, as the Hubei 2020 study did',
    load: async () => (await import('./survey.ts')).surveyCommand(),
  },
  programme: {
    term: 'programme [options]',
    summary: 'plan a programme across many communities: run it, compare designs, optimise',
    load: async () => (await import('./programme.ts')).programmeCommand(),
  },
  calibrate: {
    term: 'calibrate [options] <scenario>',
    summary: 'fit a scenario’s parameters to survey targets (Nelder–Mead over replicated virtual surveys)',
    load: async () => (await import('./calibrate.ts')).calibrateCommand(),
  },
  patterns: {
    term: 'patterns [options]',
    summary: 'run the pattern battery and report which patterns the model reproduces',
    load: async () => (await import('./patterns.ts')).patternsCommand(),
  },
};

/** The command a command line names (`wushe run …`, `wushe help run`), if any. */
function named(argv: string[]): string | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? name : undefined;
}

/**
 * The program with the commands in `load` fully loaded (default: every command) and the others as
 * stand-ins that only show in the top-level help.
 */
export async function program(load: readonly string[] = Object.keys(COMMANDS)): Promise<Command> {
  const wushe = configure(new Command('wushe'), 'wushe')
    .description('wushe: an agent-based simulator of 五社联动 (five-society linkage) in urban communities')
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', EXAMPLES)
    .configureHelp({
      subcommandTerm: (cmd) =>
        load.includes(cmd.name()) || !Object.hasOwn(COMMANDS, cmd.name())
          ? new Help().subcommandTerm(cmd)
          : COMMANDS[cmd.name()].term,
    });
  for (const [name, entry] of Object.entries(COMMANDS)) {
    const cmd = load.includes(name) ? await entry.load() : new Command(name).description(entry.summary);
    // every command that reads a scenario or plan prints its problems in the language asked for
    if (load.includes(name) && name !== 'schema')
      cmd
        .option('--lang <lang>', 'language of messages: en or zh (default: from LC_ALL/LANG)', parseLang)
        .hook('preAction', (c) => setCliLang(c.opts().lang));
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
    const name = named(argv);
    await (await program(name ? [name] : [])).parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (e) {
    return report(e);
  }
}

function report(e: unknown): number {
  if (e instanceof ExitStatus) return e.code;
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
