import { Command } from 'commander';
import { scenarioJsonSchema } from '../model/jsonSchema.ts';

const EXAMPLES = `
Examples:
  $ wushe schema > scenario.schema.json

Point a scenario file at it with "$schema": "./schema.json" (scenarios/schema.json is the same
schema, kept in the repository) for completion and checking in editors.`;

export function schemaCommand(): Command {
  return new Command('schema')
    .description('print the JSON Schema of scenario files')
    .addHelpText('after', EXAMPLES)
    .action(() => {
      process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });
}
