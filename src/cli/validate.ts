import { Command } from 'commander';
import { UsageError } from './errors.ts';
import { loadScenario } from './io.ts';

const EXAMPLES = `
Examples:
  $ wushe validate scenarios/organization-led.json
  $ wushe validate scenarios/*.json

Prints "FILE: valid" for each valid file on stdout. Otherwise prints one line per problem on
stderr, naming the field by its path (e.g. "my.json: initial.volunteers: must be between 0 and 1"),
and exits with 2.`;

export function validateCommand(): Command {
  return new Command('validate')
    .description('check scenario files against the scenario schema')
    .argument('<scenario...>', 'scenario files (JSON)')
    .addHelpText('after', EXAMPLES)
    .action((files: string[]) => validate(files));
}

function validate(files: string[]): void {
  const problems: string[] = [];
  for (const file of files) {
    try {
      loadScenario(file);
      process.stdout.write(`${file}: valid\n`);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      problems.push(...e.lines);
    }
  }
  if (problems.length > 0) throw new UsageError(problems);
}
