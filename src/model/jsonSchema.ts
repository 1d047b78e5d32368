import { z } from 'zod';
import { scenarioSchema } from './scenario.ts';

/** The JSON Schema (draft 2020-12) type, loosely: a JSON object. */
export type JsonSchema = Record<string, unknown>;

/**
 * The scenario JSON Schema for editors, generated from `scenarioSchema` so that the two never
 * disagree. `io: 'input'` describes the file as written: fields with defaults are optional.
 * Checks the schema cannot express (an intervention's week must be before `ticks`) are made by
 * `validateScenario` only.
 */
export function scenarioJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
  const { $schema, ...rest } = generated;
  return {
    $schema: $schema ?? 'https://json-schema.org/draft/2020-12/schema',
    title: 'wushe scenario',
    description:
      'A scenario for the wushe five-society linkage simulator. Unknown keys are errors. ' +
      'Check a file with `wushe validate FILE`.',
    ...rest,
  };
}
