import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/model/jsonSchema.ts';

describe('scenario JSON Schema', () => {
  // biome-ignore lint/suspicious/noExplicitAny: the test walks the generated schema freely
  const schema = scenarioJsonSchema() as Record<string, any>;

  it('the committed scenarios/schema.json is up to date (else run `npm run schema`)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../scenarios/schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(schema);
  });

  it('is draft 2020-12 with a title and no $id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('wushe scenario');
    expect(schema.$id).toBeUndefined();
  });

  it('rejects unknown keys, at the top level and inside the objects', () => {
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.initial.additionalProperties).toBe(false);
    expect(schema.properties.parameters.additionalProperties).toBe(false);
  });

  it('allows "$schema" in a scenario file', () => {
    expect(schema.properties.$schema).toEqual({ type: 'string' });
  });

  it('requires only the fields without defaults', () => {
    expect([...schema.required].sort()).toEqual(['id', 'initial', 'residents', 'seed', 'strategy', 'ticks']);
    expect(schema.properties.parameters.required).toBeUndefined();
  });

  it('describes the five starting strengths as numbers in [0, 1]', () => {
    for (const e of ['community', 'organizations', 'socialWorkers', 'volunteers', 'charity']) {
      expect(schema.properties.initial.properties[e]).toMatchObject({
        type: 'number',
        minimum: 0,
        maximum: 1,
      });
    }
  });
});
