import { Command } from 'commander';
import { parseJson } from '../model/parse.ts';
import { UsageError } from './errors.ts';
import { loadScenario, readText } from './io.ts';

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
      if (isJsonSchema(file)) {
        process.stdout.write(`${file}: a JSON Schema, not a scenario (skipped)\n`);
        continue;
      }
      loadScenario(file);
      process.stdout.write(`${file}: valid\n`);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      problems.push(...e.lines);
    }
  }
  if (problems.length > 0) throw new UsageError(problems);
}

/** A JSON Schema document (such as scenarios/schema.json), which `validate scenarios/*.json` meets too. */
function isJsonSchema(file: string): boolean {
  const json = parseJson(readText(file), file);
  if (!json.ok || typeof json.value !== 'object' || json.value === null) return false;
  const v = json.value as Record<string, unknown>;
  return typeof v.$schema === 'string' && v.$schema.includes('json-schema.org') && 'properties' in v;
}
